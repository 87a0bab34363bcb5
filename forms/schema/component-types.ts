/** The component types of form-js 2.0 and how each binds to data (form-js: `config.keyed`, `pathed`, `repeatable`). */

export type ComponentKind =
  /** The form itself (`default`). */
  | 'form'
  /** Holds a value under its `key`. */
  | 'input'
  /** Optionally moves its children under its `path`. */
  | 'group'
  /** Repeats its children once per item of the list under its `path`. */
  | 'list'
  /** Shows something; holds no value. */
  | 'display';

const KINDS: Readonly<Record<string, ComponentKind>> = {
  default: 'form',
  textfield: 'input',
  textarea: 'input',
  number: 'input',
  datetime: 'input',
  expression: 'input',
  filepicker: 'input',
  checkbox: 'input',
  checklist: 'input',
  radio: 'input',
  select: 'input',
  taglist: 'input',
  group: 'group',
  dynamiclist: 'list',
  text: 'display',
  image: 'display',
  table: 'display',
  html: 'display',
  documentPreview: 'display',
  spacer: 'display',
  separator: 'display',
  iframe: 'display',
  button: 'display',
};

export function componentKind(type: unknown): ComponentKind | undefined {
  return typeof type === 'string' && Object.hasOwn(KINDS, type) ? KINDS[type] : undefined;
}

export type InputType =
  | 'textfield' | 'textarea' | 'number' | 'datetime' | 'expression' | 'filepicker'
  | 'checkbox' | 'checklist' | 'radio' | 'select' | 'taglist';

export const OPTION_TYPES: ReadonlySet<string> = new Set(['checklist', 'radio', 'select', 'taglist']);
