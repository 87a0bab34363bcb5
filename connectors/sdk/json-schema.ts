/**
 * The JSON Schema subset a connector declares its input and output with, plus the `x-template` annotation that tells
 * the element-template generator how a property appears in the designer. ajv checks the schema; the annotation is a
 * registered ajv keyword without validation meaning.
 */

export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface JsonSchema {
  type?: JsonSchemaType | JsonSchemaType[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: readonly unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  oneOf?: readonly JsonSchema[];
  anyOf?: readonly JsonSchema[];
  allOf?: readonly JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  examples?: readonly unknown[];
  'x-template'?: TemplateHints;
}

/** How a top-level input property reaches the job, and how the designer shows it. */
export interface TemplateHints {
  /**
   * `input` (default): a `zeebe:input` mapping to a local variable of the same name; the process manager may write
   * a FEEL expression (`=owner.email`). `header`: a `zeebe:taskHeader`, a static value fixed at design time (only for
   * string, number, integer and boolean properties).
   */
  binding?: 'input' | 'header';
  /** Properties panel group id; groups are declared on the connector. Default: `input`. */
  group?: string;
  /** FEEL support in the designer for input bindings. Default: `optional` for strings, `required` for objects and arrays. */
  feel?: 'optional' | 'required' | 'static';
  /** Show a multi-line `Text` field instead of a `String` field. */
  multiline?: boolean;
  placeholder?: string;
  /** Labels for the `enum` values of a Dropdown, in the same order. */
  choiceLabels?: readonly string[];
  /**
   * `{{secrets.NAME}}` placeholders in this property (in every string inside it) are replaced with the secret before
   * the connector runs. Only properties marked like this are searched, so a citizen's text can never pull a secret.
   */
  secret?: boolean;
  /** Show the property only when another property has one of these values. */
  condition?: { property: string; equals?: string | boolean | number; oneOf?: readonly (string | number)[] };
  /** Not shown in the designer: a hidden field with this fixed value (or the schema's `default`). */
  hidden?: boolean;
}

/** The input of a connector: an object schema whose top-level properties are the fields of its element template. */
export interface InputSchema extends JsonSchema {
  type: 'object';
  properties: Record<string, JsonSchema>;
}
