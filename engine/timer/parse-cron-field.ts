/**
 * One plain field of a Spring cron expression: `*`, a value or a range `a-b`, each optionally followed by a step `/n`
 * (a lone value with a step runs to the field's end: `10/15` in the minute field is 10, 25, 40 and 55), as a
 * comma-separated list; months and days of the week also by their English three-letter names.
 */
import { fail, ok, type Result } from '../result.js';

export interface CronFieldSpec {
  /** As messages name the field: `hour`, `day of week`. */
  name: string;
  min: number;
  max: number;
  /** What `*` covers when that is not min to max (Spring's day of week: 1 to 7, Monday to Sunday). */
  everyValue?: readonly [number, number];
  /** Names for the values from `namesFrom` on, in order. */
  names?: readonly string[];
  namesFrom?: number;
  /** Whether `?` may stand for `*`, as in the two day fields. */
  questionMark?: boolean;
}

const PART = /^(\*|[0-9A-Z]+)(?:-([0-9A-Z]+))?(?:\/(\d+))?$/;

/** The values the field matches, ascending; the field text is upper case. */
export function parseCronField(text: string, spec: CronFieldSpec): Result<number[]> {
  const field = spec.questionMark && text === '?' ? '*' : text;
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const range = partRange(part, spec);
    if (!range.ok) return range;
    const [from, to, step] = range.value;
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return ok([...values].sort((a, b) => a - b));
}

function partRange(part: string, spec: CronFieldSpec): Result<[number, number, number]> {
  const match = PART.exec(part);
  if (match === null) return fail(`'${part}' is not a value, range or step of the ${spec.name} field`);
  const [, first, last, stepText] = match;
  const step = stepText === undefined ? 1 : Number(stepText);
  if (step < 1) return fail(`the step in '${part}' must be 1 or more`);
  if (first === '*') {
    if (last !== undefined) return fail(`'${part}' is not a value, range or step of the ${spec.name} field`);
    const [from, to] = spec.everyValue ?? [spec.min, spec.max];
    return ok([from, to, step]);
  }
  const from = fieldValue(first, spec);
  if (!from.ok) return from;
  if (last === undefined) return ok([from.value, stepText === undefined ? from.value : spec.max, step]);
  const to = fieldValue(last, spec);
  if (!to.ok) return to;
  if (from.value > to.value) return fail(`the range '${part}' of the ${spec.name} field runs backwards`);
  return ok([from.value, to.value, step]);
}

/** A number or a name, within the field's bounds. */
export function fieldValue(token: string, spec: CronFieldSpec): Result<number> {
  const nameIndex = spec.names?.indexOf(token) ?? -1;
  const value = nameIndex >= 0 ? nameIndex + (spec.namesFrom ?? spec.min) : /^\d+$/.test(token) ? Number(token) : NaN;
  if (Number.isNaN(value)) return fail(`'${token}' is not a ${spec.name}`);
  if (value < spec.min || value > spec.max) return fail(`${spec.name} ${value} is outside ${spec.min}-${spec.max}`);
  return ok(value);
}
