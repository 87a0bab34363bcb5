/**
 * FEEL for the engine: expressions and unary tests compiled once and cached, evaluated with Camunda's extra built-in
 * functions and decimal arithmetic on numbers, failures as values. Sources come without Zeebe's leading `=`.
 */
import { ok, type Result } from '../result.js';
import { compileFeel } from './compile.js';
import { parseFeel } from './syntax.js';
import { variablePath } from './variable-path.js';

export { compileFeel, type CompiledFeel } from './compile.js';
export { feelEquals } from './compare-values.js';
export { toJsonValue } from './json-value.js';
export { compileUnaryTests, type CompiledUnaryTests } from './unary-tests.js';

export function evaluateFeel(source: string, variables: Record<string, unknown>): Result<unknown> {
  const compiled = compileFeel(source);
  return compiled.ok ? compiled.value.evaluate(variables) : compiled;
}

/** For deployment: whether the expression compiles, which also caches it for the first evaluation. */
export function checkFeelSyntax(source: string): Result<void> {
  const compiled = compileFeel(source);
  return compiled.ok ? ok(undefined) : compiled;
}

/** The variable an expression reads when it is nothing but that variable or a path into it (`result.total`). */
export function variableReadBy(source: string): string | undefined {
  const parsed = parseFeel(source);
  return parsed.ok ? variablePath(parsed.value.topNode, source)?.[0] : undefined;
}
