/** Checkbox: true or false; form-js reads anything but `true` as false when the form opens. */
import type { FieldBehaviour } from './field-behaviour.js';

export const checkboxBehaviour: FieldBehaviour = {
  emptyValue: () => false,
  sanitize: (value) => value === true,
  submittedSchema: () => ({ type: ['boolean', 'null'] }),
  wrongTypeCode: () => 'notABoolean',
};
