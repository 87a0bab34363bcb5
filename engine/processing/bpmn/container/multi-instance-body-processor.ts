/**
 * The body of a multi-instance activity: runs the activity once per item of the input collection, all at once or one
 * after another, and completes once all inner instances completed or the completion condition holds.
 */
import type { MultiInstanceDefinition } from '../../../bpmn/model.js';
import { ok, type Result } from '../../../result.js';
import type { ElementInstance } from '../../../state/types.js';
import { raiseIncident } from '../../behaviors/incidents.js';
import {
  collectOutput, completionConditionHolds, initializeOutputCollection, propagateOutputCollection, readInputCollection,
  setLoopVariables,
} from '../../behaviors/multi-instance.js';
import type { ProcessingContext } from '../../context.js';
import type { ElementProcessor } from '../element-processor.js';
import { activateInnerInstance, completeElement, markActivated, nodeOf, terminateChildren } from '../lifecycle.js';

/** What follows an inner instance's completion, decided while its variables still exist. */
type InnerOutcome =
  | { kind: 'completeBody'; terminateOthers: boolean }
  | { kind: 'activateNext'; item: unknown }
  | { kind: 'waitForOthers' };

export const multiInstanceBodyProcessor: ElementProcessor = {
  onActivate(ctx, body, node) {
    const loop = node.multiInstance!;
    const collection = readInputCollection(ctx, body, loop);
    if (!collection.ok) return raiseIncident(ctx, body, 'EXTRACT_VALUE_ERROR', collection.failure.message, 'activate');
    if (!markActivated(ctx, body)) return;
    initializeOutputCollection(ctx, body, loop, collection.value.length);
    if (collection.value.length === 0) return completeBody(ctx, body, loop);
    const items = loop.sequential ? collection.value.slice(0, 1) : collection.value;
    items.forEach((item, index) => startInnerInstance(ctx, body, loop, index + 1, item));
  },
  completeChild(ctx, body, inner) {
    const loop = nodeOf(ctx, body).multiInstance!;
    const outcome = innerOutcome(ctx, body, inner, loop);
    if (!outcome.ok) return raiseIncident(ctx, inner, 'EXTRACT_VALUE_ERROR', outcome.failure.message, 'complete');
    ctx.write({ type: 'ELEMENT_COMPLETED', key: inner.key });
    const next = outcome.value;
    if (next.kind === 'activateNext') {
      startInnerInstance(ctx, body, loop, body.innerInstances!.created + 1, next.item);
    } else if (next.kind === 'completeBody') {
      if (next.terminateOthers) terminateChildren(ctx, body);
      completeBody(ctx, body, loop);
    }
  },
};

function innerOutcome(ctx: ProcessingContext, body: ElementInstance, inner: ElementInstance, loop: MultiInstanceDefinition): Result<InnerOutcome> {
  const collected = collectOutput(ctx, body, inner, loop);
  if (!collected.ok) return collected;
  const conditionHolds = completionConditionHolds(ctx, body, inner, loop);
  if (!conditionHolds.ok) return conditionHolds;
  if (conditionHolds.value) return ok({ kind: 'completeBody', terminateOthers: true });
  if (loop.sequential) {
    const collection = readInputCollection(ctx, body, loop);
    if (!collection.ok) return collection;
    const created = body.innerInstances!.created;
    if (created < collection.value.length) return ok({ kind: 'activateNext', item: collection.value[created] });
  }
  return ok(body.activeChildren > 1 ? { kind: 'waitForOthers' } : { kind: 'completeBody', terminateOthers: false });
}

/** The loop variables are written at once, so they are there before the inner instance's input mappings run. */
function startInnerInstance(ctx: ProcessingContext, body: ElementInstance, loop: MultiInstanceDefinition, loopCounter: number, item: unknown): void {
  setLoopVariables(ctx, activateInnerInstance(ctx, body, loopCounter), loop, item);
}

function completeBody(ctx: ProcessingContext, body: ElementInstance, loop: MultiInstanceDefinition): void {
  propagateOutputCollection(ctx, body, loop);
  completeElement(ctx, body);
}
