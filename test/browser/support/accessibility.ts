/**
 * axe-core on the page as it is: WCAG 2.0/2.1 A and AA rules. Injected through the DevTools protocol (evaluate), so
 * the page's CSP, which forbids inline scripts, stays as strict as in production.
 */
import { expect } from '@jest/globals';
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Fails the test on a serious or critical violation, naming the page (`where`) it was found on. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await seriousAccessibilityViolations(page);
  expect({ where, violations }).toEqual({ where, violations: [] });
}
