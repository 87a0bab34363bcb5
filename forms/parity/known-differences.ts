/**
 * Where the validator deliberately rejects what form-js's viewer accepts: each a value form-js's own widgets never
 * produce, or a safeguard form-js lacks. Every entry is listed in `forms/README.md` and has a test of its own in
 * `known-differences.test.ts`. The parity test allows an error of ours the viewer does not give only when the
 * viewer changed the value (it had no safe answer) or when one of these explains it.
 */
import type { ErrorCode } from '../messages/messages.js';

export interface KnownDifference {
  readonly code: ErrorCode;
  /** Whether this difference explains our error for the submitted value (undefined when nothing was submitted). */
  explains(submitted: unknown, component: Record<string, unknown>): boolean;
  readonly why: string;
}

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    code: 'notAnOption',
    explains: (submitted, component) => !submitted || component.valuesExpression !== undefined,
    why: 'form-js clears a value outside the options only when it is truthy and only when the options expression yields a list',
  },
  {
    code: 'notAList',
    explains: (_submitted, component) => component.valuesExpression !== undefined,
    why: 'form-js keeps a value that is no list in a checklist or taglist whose options come from an expression, when the value is falsy or the expression yields no list',
  },
  {
    code: 'timeInterval',
    explains: (submitted) => typeof submitted === 'string',
    why: "form-js's time picker offers only the field's time steps, but a time submitted off them is kept",
  },
  {
    code: 'dateTooEarly',
    explains: (submitted) => typeof submitted === 'string',
    why: "form-js's date picker drops a date before 1900 when the value changes, but keeps it where the field is shown with it (a form opened with it, a list item added with it)",
  },
  {
    code: 'pastDate',
    explains: (submitted) => typeof submitted === 'string',
    why: 'with disallowPassedDates form-js drops a past date when the value changes, but keeps it where the field is shown with it',
  },
  {
    code: 'fileType',
    explains: () => true,
    why: "form-js leaves `accept` to the browser's file dialog, which does not enforce it",
  },
  {
    code: 'tooManyFiles',
    explains: () => true,
    why: "form-js leaves `multiple` to the browser's file dialog, which does not enforce it",
  },
  {
    code: 'invalidValue',
    explains: (submitted) => submitted === false || submitted === 0,
    why: 'form-js keeps any falsy file picker value (false, 0) as if no file were chosen',
  },
  {
    code: 'listLength',
    explains: (submitted) => Array.isArray(submitted),
    why: 'form-js offers no buttons to add or remove items where allowAddRemove is off, but accepts a list of any length',
  },
  {
    code: 'numberOutOfRange',
    explains: (submitted) => typeof submitted === 'number' || typeof submitted === 'string',
    why: 'form-js accepts numbers from 1e21 on, where JavaScript numbers lose their digits and its decimal rules crash',
  },
  {
    code: 'tooLong',
    explains: () => true,
    why: 'form-js has no limit on the length of text',
  },
  {
    code: 'tooManyItems',
    explains: () => true,
    why: 'form-js has no limit on the number of list items or chosen values',
  },
];

export function knownDifference(code: ErrorCode, submitted: unknown, component: Record<string, unknown>): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find((difference) => difference.code === code && difference.explains(submitted, component));
}
