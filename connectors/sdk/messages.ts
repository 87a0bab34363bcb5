/**
 * Messages a connector publishes to the engine, for a process that waits at a message catch event (a payment that
 * became final, a reply that arrived). The runtime publishes them on its own gateway connection.
 */

export interface MessageToPublish {
  /** The message name of the catch event. */
  name: string;
  /** Matched against the catch event's correlation key, e.g. `=payment.transactionId`. */
  correlationKey: string;
  variables?: Record<string, unknown>;
  /** How long the message waits for a subscription when no instance waits yet. Default 0: only those waiting now. */
  timeToLiveMs?: number;
  /** While a message with this id (and name and correlation key) is buffered, another with it is not published. */
  messageId?: string;
}

/** `duplicate`: a message with the same id is still buffered, so nothing was published (a retried publish). */
export type PublishedMessage = { outcome: 'published'; messageKey: string } | { outcome: 'duplicate' };

export interface MessagePublisher {
  publishMessage(message: MessageToPublish): Promise<PublishedMessage>;
}
