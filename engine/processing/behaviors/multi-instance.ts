/**
 * The variables of a multi-instance activity: its input collection, the loop variables of each inner instance, the
 * output collection of the body, and the completion condition with the body's counts.
 */
import type { MultiInstanceDefinition } from '../../bpmn/model.js';
import { variableReadBy } from '../../feel/index.js';
import { fail, ok, type Result } from '../../result.js';
import type { ElementInstance } from '../../state/types.js';
import type { ProcessingContext } from '../context.js';
import { evaluateCondition, evaluateInScope, evaluateList } from './expressions.js';
import { propagateVariables, setLocalVariable } from './variables.js';

export const LOOP_COUNTER = 'loopCounter';

/** Evaluated in the body's scope on activation, and again for each next item of a sequential body. */
export function readInputCollection(ctx: ProcessingContext, body: ElementInstance, loop: MultiInstanceDefinition): Result<unknown[]> {
  return evaluateList(ctx.state, body.key, loop.inputCollection);
}

/** Local variables of a new inner instance, written before its input mappings run so that they can read them. */
export function setLoopVariables(ctx: ProcessingContext, inner: ElementInstance, loop: MultiInstanceDefinition, item: unknown): void {
  if (loop.inputElement !== undefined) setLocalVariable(ctx, inner.key, loop.inputElement, item);
  // An output element that only reads a variable gets that variable here, as null: a worker's result then lands in
  // the inner instance instead of a scope that parallel instances share and overwrite.
  const output = loop.outputElement === undefined ? undefined : variableReadBy(loop.outputElement);
  if (output !== undefined && output !== loop.inputElement && output !== LOOP_COUNTER) {
    setLocalVariable(ctx, inner.key, output, null);
  }
  setLocalVariable(ctx, inner.key, LOOP_COUNTER, inner.loopCounter);
}

/** The body's output collection starts as one null per item. */
export function initializeOutputCollection(ctx: ProcessingContext, body: ElementInstance, loop: MultiInstanceDefinition, size: number): void {
  if (loop.outputCollection !== undefined) setLocalVariable(ctx, body.key, loop.outputCollection, new Array(size).fill(null));
}

/** Writes the completing inner instance's output element at its place in the output collection: input order. */
export function collectOutput(ctx: ProcessingContext, body: ElementInstance, inner: ElementInstance, loop: MultiInstanceDefinition): Result<void> {
  const name = loop.outputCollection;
  if (name === undefined) return ok(undefined);
  const output = loop.outputElement === undefined ? ok(null) : evaluateInScope(ctx.state, inner.key, loop.outputElement);
  if (!output.ok) return output;
  const collection = ctx.state.variables.get(body.key)?.get(name)?.value;
  const index = inner.loopCounter! - 1;
  if (!Array.isArray(collection) || index >= collection.length) {
    const found = Array.isArray(collection) ? `a list of ${collection.length} items` : `'${JSON.stringify(collection ?? null)}'`;
    return fail(`Expected the output collection '${name}' to be a list with an item at position ${inner.loopCounter}, but it is ${found}; something else may have written to this variable`);
  }
  const updated = [...collection];
  updated[index] = output.value;
  setLocalVariable(ctx, body.key, name, updated);
  return ok(undefined);
}

/**
 * Evaluated in the completing inner instance's scope, with the body's counts (which take precedence over variables of
 * the same name) as they are once this instance has completed.
 */
export function completionConditionHolds(ctx: ProcessingContext, body: ElementInstance, inner: ElementInstance, loop: MultiInstanceDefinition): Result<boolean> {
  if (loop.completionCondition === undefined) return ok(false);
  const counts = body.innerInstances!;
  return evaluateCondition(ctx.state, inner.key, loop.completionCondition, {
    numberOfInstances: counts.created,
    numberOfActiveInstances: body.activeChildren - 1,
    numberOfCompletedInstances: counts.completed + 1,
    numberOfTerminatedInstances: counts.terminated,
  });
}

/** On the body's completion its output collection leaves it, as an output mapping's result would. */
export function propagateOutputCollection(ctx: ProcessingContext, body: ElementInstance, loop: MultiInstanceDefinition): void {
  const name = loop.outputCollection;
  if (name === undefined) return;
  const collection = ctx.state.variables.get(body.key)?.get(name)?.value ?? null;
  propagateVariables(ctx, body.flowScopeKey, { [name]: collection });
}
