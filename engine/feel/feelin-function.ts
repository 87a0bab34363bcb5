/**
 * FEEL source turned into a feelin closure once. feelin parses and builds its execution tree on every evaluate() and
 * exports no interpreter for a tree parsed earlier; but a FEEL `function(...)` it returns keeps the tree it built, so
 * calling that function evaluates the body without parsing again.
 */
import { evaluate, isFunction } from 'feelin';

export type FeelinFunction = (...args: unknown[]) => unknown;

/**
 * Builds `function(<parameterNames>) <body>`; the body sees its parameters and nothing else. `knownNames` are names
 * the parser must be told of (names holding a keyword, `get or else`). Throws when the names or the body do not parse.
 */
export function defineFeelinFunction(parameterNames: string[], body: string, knownNames: readonly string[] = []): FeelinFunction {
  // Not a plain object, so feelin keeps this very object as the closure's scope instead of a copy; it is emptied once
  // parsed, because the closure copies its scope on every call and needs none of it.
  const scope: Record<string, null> = Object.create(null);
  for (const name of knownNames) scope[name] = null;
  // The body goes on lines of its own so that a trailing line comment cannot swallow the closing parenthesis.
  const definition = evaluate(`function(${parameterNames.join(', ')}) (\n${body}\n)`, scope, 'camunda');
  for (const name of knownNames) delete scope[name];
  const feelFunction = definition.value;
  // A name in backticks may read differently as a parameter (`a, b` would become two), so check what feelin read.
  if (!isFunction(feelFunction) || feelFunction.parameterNames.join('\n') !== parameterNames.join('\n')) {
    throw new Error(`feelin cannot take ${parameterNames.join(', ')} as parameter names`);
  }
  // feelin adds the warnings of every call to the array of the evaluate() that built the closure; emptied after each
  // call, or it would grow for as long as the compiled expression lives.
  const warnings = definition.warnings;
  return (...args) => {
    try {
      return feelFunction.fn(...args);
    } finally {
      warnings.length = 0;
    }
  };
}
