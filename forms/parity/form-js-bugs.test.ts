/**
 * Where form-js has no safe answer, shown on the real viewer: it crashes or silently changes the value. The
 * validator answers with a field error instead (listed in `forms/README.md`).
 */
import type { ErrorCode } from '../messages/messages.js';
import type { FormSchema } from '../schema/form-schema.js';
import { validateSubmission } from '../submission/validate-submission.js';
import { FormJsOracle, shutDownOracle } from './form-js-oracle.js';
import { readPath } from './verdict-comparison.js';

const TIME_ZONE = 'Europe/Berlin';
const group = { type: 'group', path: 'owner', components: [{ type: 'textfield', key: 'name' }] };

interface Bug {
  readonly title: string;
  readonly components: Record<string, unknown>[];
  readonly input?: Record<string, unknown>;
  readonly values: Record<string, unknown>;
  /** The viewer crashes with this message, or (undefined) silently puts `silently` in place of the value. */
  readonly crash?: RegExp;
  readonly silently?: unknown;
  readonly path: string;
  readonly code: ErrorCode;
}

const BUGS: Bug[] = [
  {
    title: 'a number of 1e21 where decimal digits are limited',
    components: [{ type: 'number', key: 'amount', decimalDigits: 2 }],
    values: { amount: 1e21 },
    crash: /reading 'length'/,
    path: 'amount',
    code: 'numberOutOfRange',
  },
  {
    title: 'text submitted where a group belongs',
    components: [group],
    values: { owner: 'Max' },
    crash: /Cannot create property/,
    path: 'owner',
    code: 'notAGroup',
  },
  {
    title: 'text in the input data where a group belongs',
    components: [group],
    input: { owner: 'Max' },
    values: {},
    crash: /Cannot create property/,
    path: 'owner',
    code: 'notAGroup',
  },
  {
    title: 'text where a checklist with options from an expression holds a list',
    components: [{ type: 'checklist', key: 'extras', valuesExpression: '=options' }],
    input: { options: ['a', 'b'] },
    values: { extras: 'abc' },
    crash: /some is not a function/,
    path: 'extras',
    code: 'notAList',
  },
  {
    title: 'Infinity (through the browser API, not JSON)',
    components: [{ type: 'number', key: 'amount', validate: { max: 10 } }],
    values: { amount: Infinity },
    silently: null,
    path: 'amount',
    code: 'notANumber',
  },
  {
    title: 'a date before 1900',
    components: [{ type: 'datetime', key: 'born', subtype: 'date' }],
    values: { born: '1899-12-31' },
    silently: null,
    path: 'born',
    code: 'dateTooEarly',
  },
  {
    title: 'a past date where past dates are not allowed',
    components: [{ type: 'datetime', key: 'visit', subtype: 'date', disallowPassedDates: true }],
    values: { visit: '2001-02-03' },
    silently: null,
    path: 'visit',
    code: 'pastDate',
  },
  {
    title: 'a value outside the options',
    components: [{ type: 'radio', key: 'sex', values: ['male', 'female'] }],
    values: { sex: 'unknown' },
    silently: null,
    path: 'sex',
    code: 'notAnOption',
  },
  {
    title: 'a key of files that were not uploaded',
    components: [{ type: 'filepicker', key: 'proof' }],
    values: { proof: 'files::missing' },
    silently: null,
    path: 'proof',
    code: 'unknownUpload',
  },
];

afterAll(shutDownOracle);

describe('where form-js has no safe answer', () => {
  it.each(BUGS)('the viewer fails on $title; the validator rejects it', async (bug) => {
    const schema = { type: 'default', components: bug.components } as FormSchema;
    const oracle = await FormJsOracle.open(schema, { timeZone: TIME_ZONE });
    const viewer = await oracle.run(bug.input ?? {}, bug.values, {}, 'fresh');
    if (bug.crash !== undefined) expect(viewer.crash).toMatch(bug.crash);
    else {
      expect(viewer.errors.has(bug.path)).toBe(false);
      expect(readPath(viewer.data, bug.path)).toEqual(bug.silently);
    }
    const ours = validateSubmission(schema, bug.values, { data: bug.input, timeZone: TIME_ZONE });
    expect(ours.errors.map((error) => [error.path, error.code])).toContainEqual([bug.path, bug.code]);
  });
});
