/** PublishMessage: correlates the message now and buffers it for its time to live. */
import { messageIdLookup } from '../../state/engine-state.js';
import { correlatePublishedMessage } from '../behaviors/message-correlation.js';
import type { ProcessingContext } from '../context.js';
import { invalidArgument, Rejection } from './rejection.js';

export interface PublishMessageCommand {
  name: string;
  correlationKey: string;
  /** Time to live in ms; 0 correlates now or never. */
  timeToLive: number;
  messageId: string;
  variables: Record<string, unknown>;
}

export function publishMessage(ctx: ProcessingContext, command: PublishMessageCommand): number {
  if (command.name.trim() === '') throw invalidArgument('Expected to publish a message with a name, but the name is empty');
  if (command.timeToLive < 0) {
    throw invalidArgument(`Expected to publish a message with a time to live of zero or more milliseconds, but got ${command.timeToLive}`);
  }
  if (command.messageId !== '' && ctx.state.messageIds.has(messageIdLookup(command))) {
    throw new Rejection('ALREADY_EXISTS',
      `Expected to publish a new message with id '${command.messageId}', but a message with that id was already published`);
  }
  const key = ctx.nextKey();
  const deadline = command.timeToLive > 0 ? ctx.now + command.timeToLive : -1;
  const { timeToLive: _timeToLive, ...message } = command;
  ctx.write({ type: 'MESSAGE_PUBLISHED', key, ...message, deadline });
  correlatePublishedMessage(ctx, { key, ...message, buffered: deadline > 0 });
  return key;
}
