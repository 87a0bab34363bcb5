/** For tests and scripts: the value of a FEEL expression, or an exception with the failure's message. */
import { evaluateFeel } from './index.js';

export function valueOf(source: string, variables: Record<string, unknown> = {}): unknown {
  const result = evaluateFeel(source, variables);
  if (!result.ok) throw new Error(result.failure.message);
  return result.value;
}
