/**
 * For browser tests of the staff app: a German page and signing in on it; calls to the server's API as a staff member
 * (to deploy, or to act as a colleague at the same moment); a zeebe-node client of the engine; and screenshots kept
 * as artifacts (`AMTSFLOW_BROWSER_ARTIFACTS`, by default `.tmp/browser-artifacts/` in the checkout).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { ZBClient } from 'zeebe-node';
import { as, signIn, type Credentials, type TestServer } from '../../../server/tests/test-server.js';
import { openPage, type WatchedPage } from './browser.js';
import { STAFF_PASSWORD, type Platform } from './platform.js';

export { type Credentials };

export interface StaffApi {
  signIn(username: string): Promise<Credentials>;
  call: (who: Credentials, method: 'get' | 'post' | 'put', url: string) => ReturnType<typeof as>;
  deploy(who: Credentials, files: { name: string; content: Buffer | string }[]): Promise<void>;
}

export function staffApi(platform: Platform): StaffApi {
  const test: TestServer = { server: platform.server, http: request(platform.server.app), dataDir: '', stop: async () => undefined };
  return {
    signIn: (username) => signIn(test, username),
    call: (who, method, url) => as(test, who, method, url),
    async deploy(who, files) {
      let call = as(test, who, 'post', '/api/deployments');
      for (const file of files) call = call.attach('files', Buffer.from(file.content), file.name);
      const response = await call;
      if (response.status !== 201) throw new Error(`Deployment failed: ${response.status} ${JSON.stringify(response.body)}`);
    },
  };
}

export function engineClient(platform: Platform): ZBClient {
  return new ZBClient(platform.engine.gatewayAddress, { useTLS: false, loglevel: 'NONE', retry: false });
}

/** In the checkout's `.tmp/` (gitignored), where CI and people find them after a run; `AMTSFLOW_BROWSER_ARTIFACTS` moves them. */
export const ARTIFACTS_DIR = process.env.AMTSFLOW_BROWSER_ARTIFACTS ?? fileURLToPath(new URL('../../../.tmp/browser-artifacts/', import.meta.url));

/** A full-page screenshot named after the test file and the step, for looking at what the test saw. */
export async function keepScreenshot(page: Page, suite: string, step: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${suite}-${step}.png`), fullPage: true });
}

/** A page in a German-speaking browser of a desktop's size, watched for CSP violations and page errors. */
export async function openGermanPage(browser: Browser): Promise<WatchedPage> {
  return openPage(await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } }));
}

/** Signs in through the sign-in page, as staff do. */
export async function signInThroughPage(page: Page, platform: Platform, username: string): Promise<void> {
  await page.goto(`${platform.url}/staff/`);
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}
