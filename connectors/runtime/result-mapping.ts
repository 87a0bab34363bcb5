/**
 * What a completed job writes back to the process, as in Camunda's connectors: the `resultVariable` header names a
 * variable that receives the whole output; the `resultExpression` header is a FEEL context evaluated against the
 * output (`={ kassenzeichen: body.id }`), whose entries become variables. Neither: nothing is written.
 */
import { evaluate } from 'feelin';
import { PermanentFailure } from '../sdk/connector-error.js';
import { RESULT_EXPRESSION_HEADER, RESULT_VARIABLE_HEADER } from '../sdk/define-connector.js';

export function resultVariables(output: unknown, customHeaders: Record<string, string>): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const resultVariable = customHeaders[RESULT_VARIABLE_HEADER]?.trim();
  if (resultVariable) variables[resultVariable] = output ?? null;
  const expression = customHeaders[RESULT_EXPRESSION_HEADER]?.trim().replace(/^=/, '').trim();
  if (expression) Object.assign(variables, evaluateResultExpression(expression, output));
  return variables;
}

function evaluateResultExpression(expression: string, output: unknown): Record<string, unknown> {
  const context = output !== null && typeof output === 'object' && !Array.isArray(output) ? (output as Record<string, unknown>) : { result: output };
  let value: unknown;
  try {
    value = evaluate(expression, context).value;
  } catch (error) {
    throw new PermanentFailure(`The result expression '${expression}' is not valid FEEL: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PermanentFailure(`The result expression '${expression}' must produce a context ({ name: value }), got ${JSON.stringify(value)}`);
  }
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
