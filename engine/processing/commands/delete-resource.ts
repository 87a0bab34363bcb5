/**
 * DeleteResource: deletes a process definition, a form, or a decision requirements graph with its decisions, by key. As in Zeebe 8.3, a process definition with
 * running instances cannot be deleted; the previous version becomes the latest, and version numbers are not reused.
 */
import type { Key } from '../../state/types.js';
import { deleteProcessDefinition } from '../behaviors/process-definition-deletion.js';
import type { ProcessingContext } from '../context.js';
import { failedPrecondition, notFound } from './rejection.js';

export function deleteResource(ctx: ProcessingContext, resourceKey: Key): void {
  const process = ctx.state.processes.get(resourceKey);
  if (process) {
    if (hasRunningInstances(ctx, resourceKey)) {
      throw failedPrecondition(`Expected to delete resource with key \`${resourceKey}\` but there are still running instances`);
    }
    deleteProcessDefinition(ctx, process);
    return;
  }
  const form = ctx.state.forms.get(resourceKey);
  if (form) {
    ctx.write({ type: 'FORM_DELETED', key: form.key, formId: form.formId, version: form.version });
    return;
  }
  if (ctx.state.decisionRequirements.has(resourceKey)) {
    ctx.write({ type: 'DECISION_REQUIREMENTS_DELETED', key: resourceKey });
    return;
  }
  throw notFound(`Expected to delete resource but no resource found with key \`${resourceKey}\``);
}

/** Deletion is rare, so a scan serves better than an index every instance would have to keep up. */
function hasRunningInstances(ctx: ProcessingContext, processDefinitionKey: Key): boolean {
  for (const instance of ctx.state.elementInstances.values()) {
    if (instance.processDefinitionKey === processDefinitionKey) return true;
  }
  return false;
}
