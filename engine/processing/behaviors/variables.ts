/** Variable scopes as Zeebe documents them: local writes, propagation to the nearest scope that has the name. */
import type { EngineState } from '../../state/engine-state.js';
import type { Key } from '../../state/types.js';
import type { ProcessingContext } from '../context.js';

/** All variables visible from a scope; a nearer scope's variable hides an outer one of the same name. */
export function visibleVariables(state: EngineState, scopeKey: Key): Record<string, unknown> {
  const chain: Key[] = [];
  for (let key = scopeKey; key !== -1; ) {
    const element = state.elementInstances.get(key);
    if (!element) break;
    chain.push(key);
    key = element.flowScopeKey;
  }
  const result: Record<string, unknown> = {};
  for (let i = chain.length - 1; i >= 0; i--) {
    const vars = state.variables.get(chain[i]);
    if (vars) for (const [name, variable] of vars) result[name] = variable.value;
  }
  return result;
}

/** The variables of the scope itself, without those of the scopes around it. */
export function localVariables(state: EngineState, scopeKey: Key): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, variable] of state.variables.get(scopeKey) ?? []) result[name] = variable.value;
  return result;
}

export function setLocalVariable(ctx: ProcessingContext, scopeKey: Key, name: string, value: unknown): void {
  const element = ctx.state.elementInstances.get(scopeKey)!;
  const existing = ctx.state.variables.get(scopeKey)?.get(name);
  if (existing && sameValue(existing.value, value)) return;
  ctx.write({
    type: existing ? 'VARIABLE_UPDATED' : 'VARIABLE_CREATED',
    key: existing ? existing.key : ctx.nextKey(),
    name,
    value,
    scopeKey,
    processInstanceKey: element.processInstanceKey,
  });
}

export function setLocalVariables(ctx: ProcessingContext, scopeKey: Key, document: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(document)) setLocalVariable(ctx, scopeKey, name, value);
}

/**
 * Merges a document into a scope: each variable updates the nearest scope (from `scopeKey` outwards) that already
 * has it, or is created in the process instance's root scope.
 */
export function propagateVariables(ctx: ProcessingContext, scopeKey: Key, document: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(document)) {
    setLocalVariable(ctx, scopeOwning(ctx.state, scopeKey, name), name, value);
  }
}

function scopeOwning(state: EngineState, scopeKey: Key, name: string): Key {
  let key = scopeKey;
  for (;;) {
    if (state.variables.get(key)?.has(name)) return key;
    const element = state.elementInstances.get(key)!;
    if (element.flowScopeKey === -1) return key;
    key = element.flowScopeKey;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
