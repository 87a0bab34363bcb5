/**
 * Test support: whether the validator's verdict on a submission agrees with form-js's viewer. Agreement means:
 * every field the viewer rejects, the validator rejects, with form-js's very messages where it applies form-js's
 * rules; every other rejection of the validator is one where the viewer had no safe answer (it crashed, or it
 * silently changed the submitted value) or a known difference; and where neither rejects anything, the data are
 * the same.
 */
import { deepEqual } from '../data/json-value.js';
import type { SubmissionResult } from '../submission/validate-submission.js';
import type { FieldError } from '../submission/field-errors.js';
import type { ErrorCode } from '../messages/messages.js';
import type { OracleVerdict } from './form-js-oracle.js';
import { knownDifference } from './known-differences.js';

/** The codes of form-js's own rules, whose English messages are form-js's. */
const FORM_JS_RULES: ReadonlySet<ErrorCode> = new Set([
  'required', 'pattern', 'min', 'max', 'minInvalid', 'maxInvalid', 'minLength', 'maxLength', 'phone', 'email', 'integer',
  'decimalDigit', 'decimalDigits', 'increment',
]);

export interface Disagreement {
  readonly path: string;
  readonly problem: string;
}

export interface ComparisonInput {
  readonly ours: SubmissionResult;
  readonly viewer: OracleVerdict;
  /** What the user filled in, as the viewer got it. */
  readonly clean: Record<string, unknown>;
  readonly componentOf: (error: FieldError) => Record<string, unknown>;
  /** Known differences that explained an error of ours, counted for the report. */
  readonly explained?: Map<string, number>;
}

export function compareVerdicts({ ours, viewer, clean, componentOf, explained }: ComparisonInput): Disagreement[] {
  if (viewer.crash !== undefined) {
    return ours.errors.length > 0 ? [] : [{ path: '', problem: `the viewer crashed (${viewer.crash}) but the validator accepts` }];
  }
  const disagreements: Disagreement[] = [];
  const ourByPath = new Map<string, FieldError[]>();
  for (const error of ours.errors) ourByPath.set(error.path, [...(ourByPath.get(error.path) ?? []), error]);
  for (const [path, messages] of viewer.errors) {
    const mine = ourByPath.get(path);
    // a group or list item the validator rejects as a whole covers the errors of its fields
    if (mine === undefined && [...ourByPath.keys()].some((rejected) => isInside(path, rejected))) continue;
    if (mine === undefined) {
      disagreements.push({ path, problem: `the viewer rejects it (${messages.join(' ')}) but the validator does not` });
    } else if (mine.every((error) => FORM_JS_RULES.has(error.code)) && !deepEqual(mine.map((error) => error.message), messages)) {
      disagreements.push({ path, problem: `messages differ: ours ${JSON.stringify(mine.map((error) => error.message))}, form-js ${JSON.stringify(messages)}` });
    }
  }
  const rejectedContainers = ours.errors.filter((error) => !FORM_JS_RULES.has(error.code)).map((error) => error.path);
  for (const [path, errors] of ourByPath) {
    if (viewer.errors.has(path)) continue;
    // inside a group or list item the validator rejects as a whole, what the viewer makes of it does not matter
    if (rejectedContainers.some((container) => isInside(path, container))) continue;
    for (const error of errors) {
      const problem = unexplained(error, viewer, clean, componentOf(error), explained);
      if (problem !== undefined) disagreements.push({ path, problem });
    }
  }
  // both sides as JSON: a list item whose fields are all hidden is a hole in form-js's data
  if (ours.errors.length === 0 && viewer.errors.size === 0 && !deepEqual(asJson(ours.data), asJson(viewer.data))) {
    disagreements.push({ path: '', problem: `data differ: ours ${JSON.stringify(ours.data)}, form-js ${JSON.stringify(viewer.data)}` });
  }
  return disagreements;
}

function unexplained(error: FieldError, viewer: OracleVerdict, clean: Record<string, unknown>, component: Record<string, unknown>, explained?: Map<string, number>): string | undefined {
  const problem = `the validator rejects it (${error.code}: ${error.message}) but the viewer does not`;
  if (FORM_JS_RULES.has(error.code)) return problem;
  const submitted = readPath(clean, error.path);
  // the viewer had no safe answer: it silently put another value in place of what was submitted. A field's value
  // missing altogether is no such answer: the viewer hid the field, which the validator must do too. (A group or a
  // list is no field: the viewer's data hold it only through its fields' values.)
  const kept = readPath(viewer.data, error.path);
  const container = component.type === 'group' || component.type === 'dynamiclist';
  if (submitted !== undefined && (kept !== undefined || container) && !deepEqual(kept, submitted)) return undefined;
  const difference = knownDifference(error.code, submitted, component);
  if (difference === undefined) return problem;
  explained?.set(difference.code, (explained.get(difference.code) ?? 0) + 1);
  return undefined;
}

function isInside(path: string, container: string): boolean {
  return path.startsWith(container + '.') || path.startsWith(container + '[');
}

function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value) ?? 'null');
}

/** Reads `owner.email`, `dogs[1].breed` from data. */
export function readPath(data: unknown, path: string): unknown {
  let current = data;
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    current = part.startsWith('[') ? (current as unknown[])[Number(part.slice(1, -1))] : (current as Record<string, unknown>)[part];
  }
  return current;
}
