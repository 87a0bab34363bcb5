/**
 * Test support: fast-check arbitraries of submissions for any form, from its outline: input data the form reads,
 * the values a user fills in (valid, invalid, missing, wrong-typed, at the boundaries, for fields that end up
 * hidden) and what a hand-made request adds to them (unknown keys, values for read-only, disabled and computed
 * fields, keys named like input variables, malformed groups and lists).
 */
import fc from 'fast-check';
import { feelVocabulary, outlineOf, type FeelVocabulary, type FieldOutline, type Outline } from './form-outline.js';
import type { UploadedTestFile } from './form-js-oracle.js';

export interface ParityCase {
  readonly input: Record<string, unknown>;
  /** What a user filled in: only the form's own keys; what the viewer gets. */
  readonly clean: Record<string, unknown>;
  /** What is posted: `clean` and more; what the validator gets. */
  readonly posted: Record<string, unknown>;
  readonly files: Record<string, UploadedTestFile[]>;
}

interface Zone {
  /** `Date#getTimezoneOffset` in the zone: -60 for +01:00. */
  offsetAt(instant: number): number;
}

/** The zone's offsets from Intl (the generator's own arithmetic, independent of the validator's). */
function zoneOf(timeZone: string): Zone {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  return {
    offsetAt(instant) {
      const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
      const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
      return match === null ? 0 : (match[1] === '+' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
    },
  };
}

interface Pools {
  readonly vocabulary: FeelVocabulary;
  readonly zone: Zone;
  readonly input: Record<string, unknown>;
  /** Evaluated now, like the viewer's `new Date()`. */
  readonly offsetNow: number;
  /**
   * Values the form opens with: valid dates and times only. form-js keeps an invalid one a form opens with, but the
   * oracle fills a form in as a user types, where form-js's pickers drop or move it.
   */
  readonly prefill?: boolean;
}

const FILES: Record<string, UploadedTestFile[]> = {
  'files::pdf': [{ name: 'impfpass.pdf', type: 'application/pdf' }],
  'files::image': [{ name: 'hund.JPG', type: 'image/jpeg' }],
  'files::two': [{ name: 'a.pdf', type: 'application/pdf' }, { name: 'b.png', type: 'image/png' }],
};

const wrongTyped = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom('a', 1, true), { maxLength: 2 }),
  fc.constant({ nested: 'x' }),
);

/**
 * `timeZone` is the zone the viewer runs in: date-times are written as form-js writes them there. `now` tells the
 * moment the viewer and the validator take for now (the time zone offset of times without a date).
 */
export function parityCases(schema: Record<string, any>, timeZone: string, now: () => number = Date.now): fc.Arbitrary<ParityCase> {
  const outline = outlineOf(schema.components);
  const vocabulary = feelVocabulary(schema);
  const zone = zoneOf(timeZone);
  return inputArbitrary(vocabulary, outline, zone, now).chain((input) => {
    const pools: Pools = { vocabulary, input, zone, offsetNow: zone.offsetAt(now()) };
    return fc.tuple(scopeValues(outline, pools), junkArbitrary(outline, vocabulary)).map(([clean, junk]) => ({
      input,
      clean,
      posted: addJunk(clean, junk, outline),
      files: FILES,
    }));
  });
}

function inputArbitrary(vocabulary: FeelVocabulary, outline: readonly Outline[], zone: Zone, now: () => number): fc.Arbitrary<Record<string, unknown>> {
  const variables: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, members] of vocabulary.variables) {
    if (vocabulary.optionVariables.has(name)) variables[name] = fc.option(optionList(vocabulary), { nil: undefined, freq: 6 });
    else if (members.size > 0) {
      const entries = Object.fromEntries([...members].map((member) => [member, fc.option(scalar(vocabulary), { nil: undefined })]));
      variables[name] = fc.option(fc.record(entries), { nil: undefined, freq: 6 });
    } else variables[name] = fc.option(scalar(vocabulary), { nil: undefined, freq: 4 });
  }
  // sometimes the form opens with a value for a field already there
  return fc.tuple(fc.record(variables), fc.option(scopeValues(outline, { vocabulary, zone, input: {}, offsetNow: zone.offsetAt(now()), prefill: true }), { nil: undefined, freq: 5 })).map(([values, prefill]) =>
    dropUndefined({ ...(prefill ?? {}), ...values }),
  );
}

function scalar(vocabulary: FeelVocabulary): fc.Arbitrary<unknown> {
  const literals = [...vocabulary.strings, ...vocabulary.numbers];
  return fc.oneof(
    ...(literals.length > 0 ? [fc.constantFrom(...literals)] : []),
    fc.boolean(),
    fc.integer({ min: -3, max: 400 }),
    fc.constantFrom('a', 'Hund', '', null),
    fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }),
  );
}

function optionList(vocabulary: FeelVocabulary): fc.Arbitrary<unknown[]> {
  const option = fc.oneof(
    fc.constantFrom('dackel', 'pudel', 'mischling', 'value', ...vocabulary.strings),
    fc.integer({ min: 0, max: 3 }),
    fc.record({ label: fc.constantFrom('Dackel', 'Pudel'), value: fc.constantFrom('dackel', 'pudel', 7) }),
    fc.constantFrom(null, '', { label: '' }, false),
  );
  return fc.array(option, { maxLength: 4 });
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function put(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = target;
  for (const segment of path.slice(0, -1)) {
    if (Object.prototype.toString.call(current[segment]) !== '[object Object]') current[segment] = {};
    current = current[segment] as Record<string, unknown>;
  }
  current[path[path.length - 1]] = value;
}

/** Values for the editable fields of a scope (the form, a group's content, a list item), each maybe left out. */
function scopeValues(outline: readonly Outline[], pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const parts: fc.Arbitrary<[readonly string[], unknown] | undefined>[] = [];
  const collect = (outlines: readonly Outline[], prefix: readonly string[]) => {
    for (const entry of outlines) {
      if (entry.kind === 'field') {
        if (entry.editable) parts.push(fc.option(fieldValue(entry, pools).map((value) => [[...prefix, ...entry.keyPath], value] as [readonly string[], unknown]), { nil: undefined, freq: 4 }));
      } else if (entry.kind === 'group') {
        if (entry.path.length === 0) collect(entry.children, prefix);
        else parts.push(groupValue(entry.children, pools).map((value) => [[...prefix, ...entry.path], value] as [readonly string[], unknown]));
      } else {
        parts.push(fc.option(listValue(entry.children, pools).map((value) => [[...prefix, ...entry.path], value] as [readonly string[], unknown]), { nil: undefined, freq: 3 }));
      }
    }
  };
  collect(outline, []);
  return fc.tuple(...parts).map((entries) => {
    const values: Record<string, unknown> = {};
    for (const entry of entries) if (entry !== undefined) put(values, entry[0], entry[1]);
    return values;
  });
}

function groupValue(children: readonly Outline[], pools: Pools): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: scopeValues(children, pools), weight: 12 }, { arbitrary: fc.constantFrom('eine Gruppe', 3, [], null), weight: 1 });
}

function listValue(children: readonly Outline[], pools: Pools): fc.Arbitrary<unknown> {
  const item = fc.oneof({ arbitrary: scopeValues(children, pools), weight: 10 }, { arbitrary: fc.constantFrom('ein Eintrag', 5, null), weight: 1 });
  return fc.oneof({ arbitrary: fc.array(item, { maxLength: 3 }), weight: 12 }, { arbitrary: fc.constantFrom('keine Liste', { 0: {} }, null), weight: 1 });
}

function fieldValue(field: FieldOutline, pools: Pools): fc.Arbitrary<unknown> {
  const { component } = field;
  const typed = ((): fc.Arbitrary<unknown> => {
    switch (component.type) {
      case 'textfield':
      case 'textarea':
        return textValue(component, pools);
      case 'number':
        return numberValue(component);
      case 'checkbox':
        return fc.oneof({ arbitrary: fc.boolean(), weight: 8 }, { arbitrary: fc.constantFrom(null, 'true', 1), weight: 1 });
      case 'select':
      case 'radio':
        return fc.oneof({ arbitrary: optionValue(component, pools), weight: 6 }, { arbitrary: fc.constantFrom('nope', 0, false, '', null, [], { value: 'x' }), weight: 1 });
      case 'checklist':
      case 'taglist':
        return fc.oneof(
          { arbitrary: fc.array(optionValue(component, pools), { maxLength: 3 }), weight: 6 },
          { arbitrary: fc.array(fc.constantFrom('nope', 0, null), { minLength: 1, maxLength: 2 }), weight: 1 },
          { arbitrary: fc.constantFrom('abc', null, { 0: 'a' }), weight: 1 },
        );
      case 'datetime':
        return datetimeValue(component, pools);
      case 'filepicker':
        return fc.oneof({ arbitrary: fc.constantFrom(...Object.keys(FILES)), weight: 6 }, { arbitrary: fc.constantFrom('files::missing', '', null, 5, false), weight: 1 });
      default:
        return wrongTyped;
    }
  })();
  return fc.oneof({ arbitrary: typed, weight: 12 }, { arbitrary: wrongTyped, weight: 1 });
}

function textValue(component: Record<string, any>, pools: Pools): fc.Arbitrary<unknown> {
  const { minLength, maxLength } = component.validate ?? {};
  const lengths = [minLength, maxLength].filter((length): length is number => typeof length === 'number');
  return fc.oneof(
    fc.constantFrom('', ' ', 'a', 'Max Mustermann', 'C-123', 'max@example.de', 'max@', '+4930664040900', '004930664040900', '030 123', 'zwei\nZeilen\tTab'),
    fc.string({ maxLength: 12 }),
    ...(pools.vocabulary.strings.length > 0 ? [fc.constantFrom(...pools.vocabulary.strings)] : []),
    ...lengths.flatMap((length) => [fc.constant('x'.repeat(length)), fc.constant('x'.repeat(length + 1)), fc.constant(` ${'y'.repeat(Math.max(0, length - 1))} `)]),
  );
}

function numberValue(component: Record<string, any>): fc.Arbitrary<unknown> {
  const { min, max } = component.validate ?? {};
  const bounds = [min, max].filter((bound): bound is number => typeof bound === 'number').flatMap((bound) => [bound, bound - 1, bound + 1, bound + 0.5]);
  const increment = Number(component.increment);
  const steps = Number.isFinite(increment) && increment > 0 ? [increment * 3, increment * 2.5, -increment] : [];
  const serialized = component.serializeToString ? [fc.constantFrom('12', '-3.25', '0', '007')] : [];
  return fc.oneof(
    { arbitrary: fc.integer({ min: -20, max: 1500 }), weight: 4 },
    { arbitrary: fc.constantFrom(0, -0, 1.5, 0.25, 0.125, 2.999, 1e-7, 100, ...bounds, ...steps), weight: 4 },
    { arbitrary: fc.constantFrom(null, '', '12', 'abc', 1e21, Infinity, Number.NaN, 2 ** 53 + 2), weight: 1 },
    ...serialized.map((arbitrary) => ({ arbitrary, weight: 3 })),
  );
}

/** Values among the field's options where the test knows them, and the strings the form's FEEL mentions. */
function optionValue(component: Record<string, any>, pools: Pools): fc.Arbitrary<unknown> {
  const known: unknown[] = [];
  const fromList = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const option of list) known.push(Object.prototype.toString.call(option) === '[object Object]' ? (option as { value?: unknown }).value : option);
  };
  fromList(component.values);
  if (component.valuesKey) fromList(pools.input[component.valuesKey]);
  if (typeof component.valuesExpression === 'string') {
    for (const name of pools.vocabulary.optionVariables) fromList(pools.input[name]);
  }
  if (component.values === undefined && component.valuesKey === undefined && component.valuesExpression === undefined) known.push('value');
  const candidates = known.filter((value) => value !== undefined);
  return candidates.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...candidates), weight: 5 }, { arbitrary: fc.constantFrom('dackel', 'nope'), weight: 1 }) : fc.constantFrom('dackel', 'nope', 'value');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Dates, times and date-times as form-js writes them (in the test's time zone), on the field's steps or off them. */
function datetimeValue(component: Record<string, any>, pools: Pools): fc.Arbitrary<unknown> {
  const subtype = component.subtype ?? 'date';
  const format = component.timeSerializingFormat;
  const interval = [1, 5, 10, 15, 30, 60].includes(component.timeInterval) ? component.timeInterval : 15;
  // months without a change of daylight saving time
  const day = fc.record({ year: fc.integer({ min: 1995, max: 2035 }), month: fc.constantFrom(1, 2, 5, 6, 7, 8, 11, 12), day: fc.integer({ min: 1, max: 28 }) });
  const onSteps = fc.integer({ min: 0, max: Math.floor(1439 / interval) }).map((step) => step * interval);
  const minutes = pools.prefill ? onSteps : fc.oneof({ arbitrary: onSteps, weight: 5 }, { arbitrary: fc.integer({ min: 0, max: 1439 }), weight: 1 });
  const date = ({ year, month, day: dayOfMonth }: { year: number; month: number; day: number }) => `${year}-${pad(month)}-${pad(dayOfMonth)}`;
  const time = (value: number, offset: number) => {
    if (format === 'utc_normalized') {
      const normalized = (value + offset + 1440) % 1440;
      return `${pad(Math.floor(normalized / 60))}:${pad(normalized % 60)}Z`;
    }
    const base = `${pad(Math.floor(value / 60))}:${pad(value % 60)}`;
    if (format !== 'utc_offset') return base;
    const sign = offset > 0 ? '-' : '+';
    return `${base}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  };
  const valid = (() => {
    if (subtype === 'date') return day.map(date);
    if (subtype === 'time') return minutes.map((value) => time(value, pools.offsetNow));
    return fc.tuple(day, minutes).map(([when, value]) => {
      const wall = Date.UTC(when.year, when.month - 1, when.day, Math.floor(value / 60), value % 60);
      // no change of daylight saving time in these months: the offset at the wall time is the offset at the instant
      const offset = pools.zone.offsetAt(wall);
      if (format === 'utc_normalized') return `${new Date(wall + offset * 60_000).toISOString().slice(0, 16)}Z`;
      return `${date(when)}T${time(value, offset)}`;
    });
  })();
  const early = subtype === 'date' ? ['1899-12-31', '0999-05-05', '2001-02-03'] : subtype === 'datetime' ? ['1899-12-31T10:00Z'] : [];
  if (pools.prefill) return valid;
  return fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: fc.constantFrom('2024-13-01', 'gestern', '', null, '25:00', '2024-02-30T10:00', ...early), weight: 1 });
}

interface Junk {
  readonly root: Record<string, unknown>;
  readonly nonEditable: Record<string, unknown>;
}

function junkArbitrary(outline: readonly Outline[], vocabulary: FeelVocabulary): fc.Arbitrary<Junk> {
  const overrides = Object.fromEntries([...vocabulary.variables.keys()].map((name) => [name, fc.option(fc.constantFrom(['nope', 'dackel'], true, 99, 'x'), { nil: undefined })]));
  const root = fc.tuple(fc.record(overrides), fc.dictionary(fc.constantFrom('unknown', 'extra', 'constructor', 'toString'), fc.constantFrom(1, 'x', { a: 1 }), { maxKeys: 2 }));
  const nonEditable = fc.constantFrom('posted', 42, true, ['x']);
  return fc.tuple(root, nonEditable, fc.boolean()).map(([[overridden, extra], value, withValues]) => ({
    root: dropUndefined({ ...overridden, ...extra }),
    nonEditable: withValues ? nonEditableValues(outline, value) : {},
  }));
}

function nonEditableValues(outline: readonly Outline[], value: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const collect = (outlines: readonly Outline[], prefix: readonly string[]) => {
    for (const entry of outlines) {
      if (entry.kind === 'field' && !entry.editable) put(values, [...prefix, ...entry.keyPath], value);
      else if (entry.kind === 'group') collect(entry.children, [...prefix, ...entry.path]);
    }
  };
  collect(outline, []);
  return values;
}

/** `clean` with the junk a hand-made request adds; the form's own values always win. */
function addJunk(clean: Record<string, unknown>, junk: Junk, outline: readonly Outline[]): Record<string, unknown> {
  const posted = JSON.parse(JSON.stringify(clean, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? `__${value}__` : value)), (_key, value) =>
    value === '__Infinity__' ? Infinity : value === '__NaN__' ? Number.NaN : value === '__-Infinity__' ? -Infinity : value,
  );
  mergeMissing(posted, junk.nonEditable);
  for (const [key, value] of Object.entries(junk.root)) if (!Object.hasOwn(posted, key)) Object.defineProperty(posted, key, { value, enumerable: true, writable: true, configurable: true });
  addItemJunk(posted, outline);
  return posted;
}

function mergeMissing(target: Record<string, unknown>, extra: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(extra)) {
    const existing = target[key];
    if (existing === undefined) target[key] = value;
    else if (Object.prototype.toString.call(existing) === '[object Object]' && Object.prototype.toString.call(value) === '[object Object]') {
      mergeMissing(existing as Record<string, unknown>, value as Record<string, unknown>);
    }
  }
}

/** An unknown key in every group object and list item the submission holds. */
function addItemJunk(values: unknown, outline: readonly Outline[]): void {
  if (Object.prototype.toString.call(values) !== '[object Object]') return;
  const record = values as Record<string, unknown>;
  for (const entry of outline) {
    if (entry.kind === 'group') {
      const group = entry.path.length === 0 ? record : readPath(record, entry.path);
      if (entry.path.length > 0 && Object.prototype.toString.call(group) === '[object Object]') (group as Record<string, unknown>).unbekannt = 'x';
      addItemJunk(group, entry.children);
    } else if (entry.kind === 'list') {
      const items = readPath(record, entry.path);
      if (!Array.isArray(items)) continue;
      for (const item of items) {
        if (Object.prototype.toString.call(item) !== '[object Object]') continue;
        (item as Record<string, unknown>).unbekannt = 'x';
        addItemJunk(item, entry.children);
      }
    }
  }
}

function readPath(record: Record<string, unknown>, path: readonly string[]): unknown {
  let current: unknown = record;
  for (const segment of path) current = current === null || typeof current !== 'object' ? undefined : (current as Record<string, unknown>)[segment];
  return current;
}
