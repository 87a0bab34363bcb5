/**
 * Deleting a process definition, and the one place where whatever else a definition owns is released with it.
 * Callers have made sure no instance of it runs.
 */
import type { ProcessDefinition } from '../../state/types.js';
import type { ProcessingContext } from '../context.js';
import { planStartEventTimers, replaceStartEventTimers } from './start-event-timers.js';

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
 * start events: its timers move to the successor (the previous version, which becomes the latest; none if it was the
 * only one); the message and signal start event indexes follow PROCESS_DELETED by themselves.
 */
function handOverStartEvents(ctx: ProcessingContext, deleted: ProcessDefinition, successor: ProcessDefinition | undefined): void {
  replaceStartEventTimers(ctx, deleted, successor ? planStartEventTimers(ctx, successor.model) : [], successor);
}
