/** The root scope of a new process instance, created by a client's command or by a call activity. */
import type { ElementInstance, ProcessDefinition } from '../../state/types.js';
import { setLocalVariables } from '../behaviors/variables.js';
import type { ProcessingContext } from '../context.js';
import { markActivated } from './lifecycle.js';

/** Writes the activated root with its variables; the caller then activates where the instance starts. */
export function createProcessInstanceScope(
  ctx: ProcessingContext,
  definition: ProcessDefinition,
  variables: Record<string, unknown>,
  callActivity?: ElementInstance,
): ElementInstance {
  const key = ctx.nextKey();
  ctx.write({
    type: 'ELEMENT_ACTIVATING',
    key,
    elementId: definition.bpmnProcessId,
    flowScopeKey: -1,
    processInstanceKey: key,
    processDefinitionKey: definition.key,
    ...(callActivity && {
      parentElementInstanceKey: callActivity.key,
      parentProcessInstanceKey: callActivity.processInstanceKey,
    }),
  });
  const instance = ctx.state.elementInstances.get(key)!;
  setLocalVariables(ctx, key, variables);
  markActivated(ctx, instance);
  return instance;
}
