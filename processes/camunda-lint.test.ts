/**
 * Every reference BPMN draws every element (diagram interchange, for bpmn-js) and passes the lint the designer checks
 * before it deploys (Camunda 8.3's rules, forms linked by id allowed), so a process manager can open, change and
 * redeploy it. The lint runs in a plain Node process (see testing/camunda-lint.mjs).
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceResourceFiles } from './index.js';

interface LintResult { file: string; warnings: string[]; problems: string[] }

const processes = referenceResourceFiles().filter((file) => file.endsWith('.bpmn'));
const results: LintResult[] = JSON.parse(execFileSync(process.execPath, [fileURLToPath(new URL('./testing/camunda-lint.mjs', import.meta.url)), ...processes], { encoding: 'utf8' }));

describe('the Camunda 8.3 lint of the designer', () => {
  it.each(results.map((result): [string, LintResult] => [path.basename(result.file), result]))('finds nothing in %s', (_name, result) => {
    expect(result.warnings).toEqual([]);
    expect(result.problems).toEqual([]);
  });
});
