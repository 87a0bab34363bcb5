/**
 * What a story test checks on every page it reaches: axe-core finds no serious or critical violation, the page has
 * had no CSP violation or uncaught error so far, and a screenshot is kept. Plus the phone a citizen uses.
 */
import { expect } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { expectAccessible } from './accessibility.js';
import { openPage, type WatchedPage } from './browser.js';
import { keepScreenshot } from './staff-api.js';

/** `suite` and `step` name the screenshot (`<suite>-<step>.png`) and, in a failure, the page. */
export async function checkPage(watched: WatchedPage, suite: string, step: string): Promise<void> {
  await keepScreenshot(watched.page, suite, step);
  await expectAccessible(watched.page, `${suite}: ${step}`);
  expect({ step, problems: watched.problems }).toEqual({ step, problems: [] });
}

/** A German-speaking phone of a common size (390×844, touch), watched for CSP violations and page errors. */
export async function openPhonePage(browser: Browser): Promise<WatchedPage> {
  return openPage(await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }));
}
