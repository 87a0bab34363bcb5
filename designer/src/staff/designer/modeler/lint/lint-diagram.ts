/** Runs the Camunda 8.3 rules over the modeler's definitions and answers the problems by element. */
import { Linter } from 'bpmnlint';
import { LINT_CONFIG, lintResolver } from './camunda-lint-config.js';

export interface LintIssue {
  elementId: string;
  rule: string;
  message: string;
  severity: 'error' | 'warning';
  documentationUrl?: string;
}

const linter = new Linter({ config: LINT_CONFIG, resolver: lintResolver });

export async function lintDefinitions(definitions: unknown): Promise<LintIssue[]> {
  const results = await linter.lint(definitions);
  const issues: LintIssue[] = [];
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      if (report.category === 'info') continue;
      issues.push({
        elementId: report.id ?? '',
        rule: rule.replace(/^camunda-compat\//, ''),
        message: report.message,
        // A rule that crashed counts as an error: a diagram that cannot be checked is not deployed.
        severity: report.category === 'warn' ? 'warning' : 'error',
        documentationUrl: report.meta?.documentation?.url,
      });
    }
  }
  return issues;
}

export const blocksDeploy = (issues: readonly LintIssue[]) => issues.some((issue) => issue.severity === 'error');
