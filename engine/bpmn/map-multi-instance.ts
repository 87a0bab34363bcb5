/** `bpmn:multiInstanceLoopCharacteristics` with its `zeebe:loopCharacteristics` → the activity's multi-instance definition. */
import {
  childElement, extensionElements, nonBlankAttribute, validationError, type ModdleElement, type ValidationError,
} from '../xml/index.js';
import { requiredExpression } from './expression.js';
import type { MultiInstanceDefinition } from './model.js';

const PATH = ['multiInstanceLoopCharacteristics'];
const ZEEBE_PATH = [...PATH, 'extensionElements', 'loopCharacteristics'];

export function mapMultiInstance(loop: ModdleElement, id: string, errors: ValidationError[]): MultiInstanceDefinition | undefined {
  const completionCondition = expression(completionConditionBody(loop), id, [...PATH, 'completionCondition'], errors);
  const characteristics = extensionElements(loop, 'zeebe:LoopCharacteristics');
  if (characteristics.length !== 1) {
    errors.push(validationError(id, "Must have exactly one 'zeebe:loopCharacteristics' extension element", PATH));
    return undefined;
  }
  const [rawInputCollection, inputElement, outputCollection, rawOutputElement] = ['inputCollection', 'inputElement', 'outputCollection', 'outputElement']
    .map((name) => nonBlankAttribute(characteristics[0]!, name));
  if (rawInputCollection === undefined) {
    errors.push(validationError(id, "Attribute 'inputCollection' must be present and not empty", ZEEBE_PATH));
  }
  if (outputCollection !== undefined && rawOutputElement === undefined) {
    errors.push(validationError(id, "Attribute 'outputElement' must be present if the attribute 'outputCollection' is set", ZEEBE_PATH));
  } else if (rawOutputElement !== undefined && outputCollection === undefined) {
    errors.push(validationError(id, "Attribute 'outputCollection' must be present if the attribute 'outputElement' is set", ZEEBE_PATH));
  }
  // Zeebe takes the input collection and the output element only as expressions
  const inputCollection = expression(rawInputCollection, id, ZEEBE_PATH, errors);
  const outputElement = expression(rawOutputElement, id, ZEEBE_PATH, errors);
  if (inputCollection === undefined) return undefined;
  return {
    sequential: loop.isSequential === true,
    inputCollection,
    ...(inputElement !== undefined && { inputElement }),
    ...(outputCollection !== undefined && { outputCollection }),
    ...(outputElement !== undefined && { outputElement }),
    ...(completionCondition !== undefined && { completionCondition }),
  };
}

function completionConditionBody(loop: ModdleElement): string | undefined {
  const condition = childElement(loop, 'completionCondition');
  return condition && nonBlankAttribute(condition, 'body');
}

function expression(raw: string | undefined, id: string, path: string[], errors: ValidationError[]): string | undefined {
  if (raw === undefined) return undefined;
  const parsed = requiredExpression(raw);
  if ('source' in parsed) return parsed.source;
  errors.push(validationError(id, parsed.error, path));
  return undefined;
}
