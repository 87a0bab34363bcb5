/**
 * Every reference BPMN draws every element (diagram interchange, for bpmn-js) and passes the Camunda 8.3 rules the
 * designer checks before it deploys, with one known exception:
 * user tasks link their forms by `formId` (our engine and server support linked forms, as Zeebe 8.4 does), which the
 * 8.3 rule set reports. The lint runs in a plain Node process (see testing/camunda-lint.mjs).
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceResourceFiles } from './index.js';

const LINKED_FORM = /^error camunda-compat\/user-task-form at \w+: Property <formId> only allowed by Camunda 8\.4 or newer$/;

interface LintResult { file: string; warnings: string[]; problems: string[] }

const processes = referenceResourceFiles().filter((file) => file.endsWith('.bpmn'));
const results: LintResult[] = JSON.parse(execFileSync(process.execPath, [fileURLToPath(new URL('./testing/camunda-lint.mjs', import.meta.url)), ...processes], { encoding: 'utf8' }));

describe('the Camunda 8.3 lint of the designer', () => {
  it.each(results.map((result): [string, LintResult] => [path.basename(result.file), result]))('finds nothing in %s but forms linked by id', (_name, result) => {
    expect(result.warnings).toEqual([]);
    expect(result.problems.filter((problem) => !LINKED_FORM.test(problem))).toEqual([]);
  });
});
