/** Timers, message and signal subscriptions, buffered messages. */
import type { Appliers } from './applier.js';

type SubscriptionEvents =
  | 'TIMER_CREATED' | 'TIMER_TRIGGERED' | 'TIMER_CANCELED'
  | 'MESSAGE_SUBSCRIPTION_CREATED' | 'MESSAGE_SUBSCRIPTION_DELETED'
  | 'SIGNAL_SUBSCRIPTION_CREATED' | 'SIGNAL_SUBSCRIPTION_DELETED'
  | 'MESSAGE_PUBLISHED' | 'MESSAGE_CORRELATED' | 'MESSAGE_EXPIRED' | 'SIGNAL_BROADCAST';

export const subscriptionAppliers: Appliers<SubscriptionEvents> = {
  TIMER_CREATED(state, { type: _type, ...timer }) {
    state.addTimer(timer);
  },
  TIMER_TRIGGERED(state, event) {
    const timer = state.timers.get(event.key);
    if (timer) state.removeTimer(timer);
  },
  TIMER_CANCELED(state, event) {
    const timer = state.timers.get(event.key);
    if (timer) state.removeTimer(timer);
  },
  MESSAGE_SUBSCRIPTION_CREATED(state, { type: _type, ...subscription }) {
    state.addMessageSubscription(subscription);
  },
  MESSAGE_SUBSCRIPTION_DELETED(state, event) {
    const subscription = state.messageSubscriptions.get(event.key);
    if (subscription) state.removeMessageSubscription(subscription);
  },
  SIGNAL_SUBSCRIPTION_CREATED(state, { type: _type, ...subscription }) {
    state.addSignalSubscription(subscription);
  },
  SIGNAL_SUBSCRIPTION_DELETED(state, event) {
    const subscription = state.signalSubscriptions.get(event.key);
    if (subscription) state.removeSignalSubscription(subscription);
  },
  MESSAGE_PUBLISHED(state, { type: _type, ...message }) {
    // a message without time to live is correlated while it is published, or never
    if (message.deadline > 0) state.addMessage({ ...message, correlatedProcessIds: [] });
  },
  MESSAGE_CORRELATED(state, event) {
    state.messages.get(event.key)?.correlatedProcessIds.push(event.bpmnProcessId);
  },
  MESSAGE_EXPIRED(state, event) {
    const message = state.messages.get(event.key);
    if (message) state.removeMessage(message);
  },
  SIGNAL_BROADCAST() {},
};
