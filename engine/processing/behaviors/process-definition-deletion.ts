/**
 * Deleting a process definition, and the one place where whatever else a definition owns is released with it.
 * Callers have made sure no instance of it runs.
 */
import type { ProcessDefinition } from '../../state/types.js';
import type { ProcessingContext } from '../context.js';

export function deleteProcessDefinition(ctx: ProcessingContext, deleted: ProcessDefinition): void {
  const { processVersions } = ctx.state;
  if (processVersions.latestKey(deleted.bpmnProcessId) === deleted.key) {
    const successorKey = processVersions.keyBefore(deleted.bpmnProcessId, deleted.version);
    handOverStartEvents(ctx, deleted, successorKey === undefined ? undefined : ctx.state.processes.get(successorKey));
  }
  ctx.write({ type: 'PROCESS_DELETED', key: deleted.key, bpmnProcessId: deleted.bpmnProcessId, version: deleted.version });
}

/**
 * Called while the deleted latest version is still in the state. Only the latest version of a process listens on its
 * message, timer and signal start events, so once those exist their subscriptions belong here: close the deleted
 * version's and open the successor's (the previous version, which becomes the latest; none if it was the only one),
 * as Zeebe's resource deletion does. Today the engine has no such start events, so there is nothing to hand over.
 */
function handOverStartEvents(_ctx: ProcessingContext, _deleted: ProcessDefinition, _successor: ProcessDefinition | undefined): void {}
