/** `zeebe:ioMapping` → input and output variable mappings with FEEL sources. */
import {
  childElements, extensionElements, stringAttribute, validationError, type ModdleElement, type ValidationError,
} from '../xml/index.js';
import { mappingSourceAsFeel } from './expression.js';
import type { VariableMapping } from './model.js';

export function mapIoMapping(element: ModdleElement, id: string, errors: ValidationError[]) {
  const inputs: VariableMapping[] = [];
  const outputs: VariableMapping[] = [];
  for (const ioMapping of extensionElements(element, 'zeebe:IoMapping')) {
    inputs.push(...mapParameters(childElements(ioMapping, 'inputParameters'), 'input', id, errors));
    outputs.push(...mapParameters(childElements(ioMapping, 'outputParameters'), 'output', id, errors));
  }
  return { inputs, outputs };
}

function mapParameters(parameters: ModdleElement[], direction: 'input' | 'output', id: string, errors: ValidationError[]) {
  const mappings: VariableMapping[] = [];
  for (const parameter of parameters) {
    const target = stringAttribute(parameter, 'target')?.trim() ?? '';
    if (target === '') {
      errors.push(validationError(id, "Attribute 'target' must be present and not empty", ['extensionElements', 'ioMapping', direction]));
      continue;
    }
    mappings.push({ source: mappingSourceAsFeel(stringAttribute(parameter, 'source')), target });
  }
  return mappings;
}
