/** BroadcastSignal: triggers every subscription to the signal and every signal start event, now; nothing is buffered. */
import { broadcastSignal as broadcast } from '../behaviors/signal-broadcast.js';
import type { ProcessingContext } from '../context.js';
import { invalidArgument } from './rejection.js';

export function broadcastSignal(ctx: ProcessingContext, name: string, variables: Record<string, unknown>): number {
  if (name.trim() === '') throw invalidArgument('Expected to broadcast a signal with a name, but the name is empty');
  return broadcast(ctx, name, variables);
}
