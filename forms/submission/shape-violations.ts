/** Turns the JSON Schema problems of a submitted value into the error a citizen reads. */
import type { ShapeProblem } from '../compile/submission-shape.js';
import type { Violation } from '../fields/field-behaviour.js';
import type { ErrorCode } from '../messages/messages.js';

export type ShapeProblems = ReadonlyMap<string, readonly ShapeProblem[]>;

/** The problems at `pointer`, and with `within` also those inside the value there (a checklist's items). */
export function problemsAt(problems: ShapeProblems, pointer: string, within: boolean): ShapeProblem[] {
  if (problems.size === 0) return [];
  const found = [...(problems.get(pointer) ?? [])];
  if (within) {
    for (const [at, list] of problems) if (at.startsWith(pointer + '/')) found.push(...list);
  }
  return found;
}

export function violationOf(problems: readonly ShapeProblem[], wrongType: ErrorCode): Violation | undefined {
  if (problems.length === 0) return undefined;
  const tooLong = problems.find((problem) => problem.keyword === 'maxLength');
  if (tooLong !== undefined) return { code: 'tooLong', params: { value: String(tooLong.limit) } };
  const tooMany = problems.find((problem) => problem.keyword === 'maxItems');
  if (tooMany !== undefined) return { code: 'tooManyItems', params: { value: String(tooMany.limit) } };
  return { code: wrongType };
}
