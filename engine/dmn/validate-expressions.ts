/**
 * Every FEEL text of a graph must parse, so a typo is a rejected deployment rather than a failed evaluation later.
 * The messages are dmn-scala's (Zeebe 8.3's DMN engine), with our reason for the syntax error.
 */
import { compileFeel, compileUnaryTests } from '../feel/index.js';
import { validationError, type ValidationError } from '../xml/index.js';
import { labelOf } from './map-decision-table.js';
import type { Decision, DecisionTable } from './model.js';

export function validateExpressions(decisions: Decision[], errors: ValidationError[]): void {
  for (const { id, logic } of decisions) {
    const expression = (source: string, path: string[]) => {
      const compiled = compileFeel(source);
      if (!compiled.ok) errors.push(validationError(id, `FEEL expression: ${parseFailure(source, compiled.failure.message)}`, path));
    };
    if (logic.type === 'LITERAL_EXPRESSION') {
      expression(logic.expression, ['literalExpression']);
    } else {
      validateTable(logic, expression, (source, path) => {
        const compiled = compileUnaryTests(source);
        if (!compiled.ok) errors.push(validationError(id, `FEEL unary-tests: ${parseFailure(source, compiled.failure.message)}`, path));
      });
    }
  }
}

type Check = (source: string, path: string[]) => void;

function validateTable({ inputs, outputs, rules }: DecisionTable, expression: Check, unaryTests: Check): void {
  inputs.forEach((input, index) => expression(input.expression, [labelOf('input', input.id, index), 'inputExpression']));
  outputs.forEach((output, index) => {
    if (output.defaultOutputEntry !== undefined) expression(output.defaultOutputEntry, [labelOf('output', output.id, index), 'defaultOutputEntry']);
  });
  rules.forEach((rule, index) => {
    const label = labelOf('rule', rule.id, index);
    rule.inputEntries.forEach((entry, position) => unaryTests(entry, [label, `inputEntry ${position + 1}`]));
    rule.outputEntries.forEach((entry, position) => expression(entry, [label, `outputEntry ${position + 1}`]));
  });
}

function parseFailure(source: string, reason: string): string {
  return `failed to parse expression '${source}': ${reason}`;
}
