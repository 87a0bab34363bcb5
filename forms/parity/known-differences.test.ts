/**
 * Each known difference, shown on the real viewer: form-js accepts and keeps the value, the validator rejects it.
 * The list and its reasons are in `known-differences.ts` and `forms/README.md`.
 */
import { compileForm } from '../compile/compile-form.js';
import type { Limits } from '../compile/compiled-form.js';
import type { ErrorCode } from '../messages/messages.js';
import type { FormSchema } from '../schema/form-schema.js';
import { validateSubmission } from '../submission/validate-submission.js';
import { FormJsOracle, shutDownOracle, type UploadedTestFile } from './form-js-oracle.js';
import { KNOWN_DIFFERENCES } from './known-differences.js';
import { readPath } from './verdict-comparison.js';

const TIME_ZONE = 'Europe/Berlin';

interface Difference {
  readonly code: ErrorCode;
  readonly title: string;
  readonly components: Record<string, unknown>[];
  readonly input?: Record<string, unknown>;
  readonly values: Record<string, unknown>;
  readonly path: string;
  readonly files?: Record<string, UploadedTestFile[]>;
  readonly limits?: Partial<Limits>;
  /** `opened`: the viewer opens the form on the data, as a browser with a filled-in form would. */
  readonly opened?: boolean;
}

const pdf = { name: 'impfpass.pdf', type: 'application/pdf' };
const photo = { name: 'hund.jpg', type: 'image/jpeg' };

const DIFFERENCES: Difference[] = [
  {
    code: 'notAnOption',
    title: 'a falsy value outside the options',
    components: [{ type: 'select', key: 'size', valuesExpression: '=sizes' }],
    input: { sizes: ['small', 'large'] },
    values: { size: 0 },
    path: 'size',
  },
  {
    code: 'notAnOption',
    title: 'any value where the options expression yields no list',
    components: [{ type: 'select', key: 'size', valuesExpression: '=sizes' }],
    input: { sizes: 'small' },
    values: { size: 'giant' },
    path: 'size',
  },
  {
    code: 'notAList',
    title: 'a checklist value that is no list, options from an expression',
    components: [{ type: 'checklist', key: 'extras', valuesExpression: '=extras' }],
    input: { extras: ['a', 'b'] },
    values: { extras: false },
    path: 'extras',
  },
  {
    code: 'timeInterval',
    title: 'a time off the field’s steps',
    components: [{ type: 'datetime', key: 'at', subtype: 'time', timeInterval: 15 }],
    values: { at: '10:07' },
    path: 'at',
    opened: true,
  },
  {
    code: 'dateTooEarly',
    title: 'a date before 1900 in a form opened with it',
    components: [{ type: 'datetime', key: 'born', subtype: 'date' }],
    values: { born: '1899-12-31' },
    path: 'born',
    opened: true,
  },
  {
    code: 'pastDate',
    title: 'a past date where past dates are not allowed, in a form opened with it',
    components: [{ type: 'datetime', key: 'visit', subtype: 'date', disallowPassedDates: true }],
    values: { visit: '2001-02-03' },
    path: 'visit',
    opened: true,
  },
  {
    code: 'fileType',
    title: 'a file `accept` does not name',
    components: [{ type: 'filepicker', key: 'proof', accept: '.pdf' }],
    values: { proof: 'files::photo' },
    files: { 'files::photo': [photo] },
    path: 'proof',
  },
  {
    code: 'tooManyFiles',
    title: 'two files where `multiple` is off',
    components: [{ type: 'filepicker', key: 'proof' }],
    values: { proof: 'files::two' },
    files: { 'files::two': [pdf, photo] },
    path: 'proof',
  },
  {
    code: 'invalidValue',
    title: 'a file picker value of false',
    components: [{ type: 'filepicker', key: 'proof' }],
    values: { proof: false },
    path: 'proof',
  },
  {
    code: 'listLength',
    title: 'an item added to a list without add and remove',
    components: [{ type: 'dynamiclist', path: 'dogs', isRepeating: true, components: [{ type: 'textfield', key: 'name' }] }],
    input: { dogs: [{ name: 'Bello' }] },
    values: { dogs: [{ name: 'Bello' }, { name: 'Hasso' }] },
    path: 'dogs',
  },
  {
    code: 'numberOutOfRange',
    title: 'a number of 1e21',
    components: [{ type: 'number', key: 'amount' }],
    values: { amount: 1e21 },
    path: 'amount',
  },
  {
    code: 'tooLong',
    title: 'text beyond the length limit',
    components: [{ type: 'textarea', key: 'remarks' }],
    values: { remarks: 'x'.repeat(11) },
    limits: { maxTextLength: 10 },
    path: 'remarks',
  },
  {
    code: 'tooManyItems',
    title: 'more values than the limit',
    components: [{ type: 'checklist', key: 'extras', values: ['a', 'b', 'c'] }],
    values: { extras: ['a', 'b', 'c'] },
    limits: { maxItems: 2 },
    path: 'extras',
  },
];

afterAll(shutDownOracle);

describe('known differences from form-js', () => {
  it('shows every listed difference', () => {
    expect(new Set(DIFFERENCES.map((difference) => difference.code))).toEqual(new Set(KNOWN_DIFFERENCES.map((difference) => difference.code)));
  });

  it.each(DIFFERENCES)('$code: the viewer keeps $title, the validator rejects it', async (difference) => {
    const schema = { type: 'default', components: difference.components } as FormSchema;
    const oracle = await FormJsOracle.open(schema, { timeZone: TIME_ZONE });
    const viewer = await oracle.run(difference.input ?? {}, difference.values, difference.files, difference.opened ? 'opened' : 'fresh');
    expect(viewer.crash).toBeUndefined();
    expect(viewer.errors.has(difference.path)).toBe(false);
    expect(readPath(viewer.data, difference.path)).toEqual(difference.values[difference.path.split('.')[0]]);

    const form = compileForm(schema, { limits: difference.limits });
    const ours = validateSubmission(form, difference.values, { data: difference.input, files: difference.files, timeZone: TIME_ZONE });
    expect(ours.errors.map((error) => [error.path, error.code])).toContainEqual([difference.path, difference.code]);
  });
});
