/** A JavaScript function that FEEL can call, positionally or with named arguments. */
export type FeelCallable = ((...args: never[]) => unknown) & { $args: string[] };

/**
 * feelin learns a function's parameter names from `$args`, else from its source text, which a compiler may rename;
 * so every function handed to FEEL states them. A name starting with `...` takes the remaining arguments.
 */
export function feelCallable<F extends (...args: never[]) => unknown>(parameterNames: string[], implementation: F): F & FeelCallable {
  return Object.assign(implementation, { $args: parameterNames });
}
