/**
 * The form-js schema (form-js 2.0, schemaVersion up to 19) as far as the validator reads it. Everything else a
 * component carries (labels, layout, appearance) is allowed and ignored.
 */

export interface FormSchema {
  type: 'default';
  id?: string;
  components?: FormComponent[];
  schemaVersion?: number;
  [property: string]: unknown;
}

export interface FormComponent {
  type: string;
  id?: string;
  /** The data key of an input field; dots nest (`owner.email`). */
  key?: string;
  /** The data path of a group or dynamic list; dots nest. */
  path?: string;
  components?: FormComponent[];
  conditional?: { hide?: string };
  /** `true` or a FEEL unary test (`=status = "closed"`). */
  readonly?: boolean | string;
  disabled?: boolean;
  defaultValue?: unknown;
  validate?: FieldValidation;
  /** Option sources of select, radio, checklist and taglist: exactly one of them. */
  values?: unknown;
  valuesKey?: unknown;
  valuesExpression?: unknown;
  decimalDigits?: number;
  increment?: number | string;
  serializeToString?: boolean;
  subtype?: 'date' | 'time' | 'datetime';
  timeSerializingFormat?: 'utc_offset' | 'utc_normalized' | 'no_timezone';
  timeInterval?: number;
  disallowPassedDates?: boolean;
  expression?: string;
  computeOn?: 'change' | 'presubmit';
  accept?: string;
  multiple?: boolean | string;
  isRepeating?: boolean;
  defaultRepetitions?: number;
  allowAddRemove?: boolean;
  [property: string]: unknown;
}

export interface FieldValidation {
  required?: boolean;
  /** A number or a FEEL expression (`=minAmount`). */
  min?: number | string;
  max?: number | string;
  minLength?: number | string;
  maxLength?: number | string;
  /** A JavaScript regular expression, unanchored as form-js applies it. */
  pattern?: string;
  patternErrorMessage?: string;
  validationType?: 'email' | 'phone' | 'custom';
  [property: string]: unknown;
}
