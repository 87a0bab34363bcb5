/** The behaviour of each input type. */
import type { InputType } from '../schema/component-types.js';
import { checkboxBehaviour } from './checkbox-field.js';
import { multipleChoiceBehaviour, singleChoiceBehaviour } from './choice-fields.js';
import { datetimeBehaviour } from './datetime-field.js';
import { expressionBehaviour } from './expression-field.js';
import type { FieldBehaviour } from './field-behaviour.js';
import { filepickerBehaviour } from './filepicker-field.js';
import { numberBehaviour } from './number-field.js';
import { textareaBehaviour, textfieldBehaviour } from './text-fields.js';

export const FIELD_BEHAVIOURS: Readonly<Record<InputType, FieldBehaviour>> = {
  textfield: textfieldBehaviour,
  textarea: textareaBehaviour,
  number: numberBehaviour,
  datetime: datetimeBehaviour,
  expression: expressionBehaviour,
  filepicker: filepickerBehaviour,
  checkbox: checkboxBehaviour,
  checklist: multipleChoiceBehaviour,
  taglist: multipleChoiceBehaviour,
  radio: singleChoiceBehaviour,
  select: singleChoiceBehaviour,
};
