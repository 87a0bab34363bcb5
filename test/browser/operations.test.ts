/**
 * Operations end to end in Debian's Chromium: an admin finds instances by state, sees a completed one and its
 * history, sees an incident on the diagram and in the list, fixes a variable, retries the incident so the instance
 * completes, and cancels another instance after confirming. Every page passes axe-core without serious or critical
 * violations and runs without CSP violations; screenshots are kept (support/staff-api.ts).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { Job, ZBClient } from 'zeebe-node';
import { eventually } from '../../engine/tests/harness.js';
import { createStaff } from '../../server/tests/test-server.js';
import { expectAccessible } from './support/accessibility.js';
import { launchBrowser, type WatchedPage } from './support/browser.js';
import { createProcessManager, startPlatform, type Platform } from './support/platform.js';
import { engineClient, keepScreenshot, openGermanPage, signInThroughPage, staffApi } from './support/staff-api.js';

jest.setTimeout(180_000);

describe('operations in a browser', () => {
  let platform: Platform;
  let zeebe: ZBClient;
  let browser: Browser;
  let watched: WatchedPage;
  const instance: Record<'completed' | 'failing' | 'running', string> = { completed: '', failing: '', running: '' };

  /** Jobs activated but not yet handled, by instance: one activation may bring the jobs of several instances. */
  const activated = new Map<string, Job>();
  const jobOf = (processInstanceKey: string) => eventually(async () => {
    if (!activated.has(processInstanceKey)) {
      const jobs = await zeebe.activateJobs({ type: 'steuer-berechnen', worker: 'test', maxJobsToActivate: 10, timeout: 60_000, requestTimeout: 1000 });
      for (const job of jobs) activated.set(String(job.processInstanceKey), job);
    }
    const job = activated.get(processInstanceKey);
    activated.delete(processInstanceKey);
    return job;
  }, 10_000);

  const openInstance = async (page: Page, key: string) => {
    await page.goto(`${platform.url}/staff/operations/instances/${key}`);
    await page.getByRole('heading', { name: `Prozessinstanz ${key}`, level: 1 }).waitFor();
  };

  beforeAll(async () => {
    platform = await startPlatform();
    const manager = await createProcessManager(platform);
    await createStaff(platform.server, 'betrieb.admin', ['admin']);
    const api = staffApi(platform);
    await api.deploy(await api.signIn(manager.username), [
      { name: 'hundesteuer-berechnen.bpmn', content: await readFile(new URL('./fixtures/hundesteuer-berechnen.bpmn', import.meta.url)) },
    ]);
    zeebe = engineClient(platform);
    const start = async (hund: string) => String((await zeebe.createProcessInstance({ bpmnProcessId: 'hundesteuer-berechnen', variables: { hund } })).processInstanceKey);
    instance.completed = await start('Wuff');
    instance.failing = await start('Bello');
    instance.running = await start('Rex');
    await zeebe.completeJob({ jobKey: (await jobOf(instance.completed)).key, variables: { steuer: 120 } });
    await zeebe.failJob({ jobKey: (await jobOf(instance.failing)).key, retries: 0, errorMessage: 'Kassensystem antwortet nicht', retryBackOff: 0 });
    await eventually(async () => (await platform.engine.reads.processInstance(instance.failing))?.activeIncidents === 1 || undefined, 10_000);
    await eventually(async () => (await platform.engine.reads.processInstance(instance.completed))?.state === 'COMPLETED' || undefined, 10_000);
    browser = await launchBrowser();
    watched = await openGermanPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await zeebe?.close();
    await platform?.stop();
  });

  it('lets an admin find instances by state and see a completed one with its history', async () => {
    const { page } = watched;
    await signInThroughPage(page, platform, 'betrieb.admin');
    await page.getByRole('heading', { name: 'Prozessinstanzen', level: 1 }).waitFor();
    expect(await page.title()).toBe('Prozessinstanzen – amtsflow');
    await page.getByRole('status').getByText('Gefundene Prozessinstanzen: 3, neueste zuerst.').waitFor();
    await expectAccessible(page, 'instance list');
    await keepScreenshot(page, 'operations', '1-instances');

    await page.getByLabel('Zustand').selectOption('COMPLETED');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.getByRole('status').getByText('Gefundene Prozessinstanzen: 1, neueste zuerst.').waitFor();
    expect(page.url()).toContain('state=COMPLETED');
    await page.getByRole('link', { name: instance.completed }).click();
    await page.getByRole('heading', { name: `Prozessinstanz ${instance.completed}`, level: 1 }).waitFor();
    await page.locator('.facts').getByText('Abgeschlossen').waitFor();
    const history = page.getByRole('table', { name: 'Verlauf' });
    await history.getByRole('row', { name: /Steuer berechnen SERVICE_TASK Abgeschlossen/ }).waitFor();
    await page.getByText('Kein Schritt ist gerade aktiv.').waitFor();
    // The path it took: every step marked on the diagram with how often it completed, and said in words.
    await page.locator('.instance-diagram .djs-element[data-element-id="berechnen"].was-completed').waitFor();
    expect(await page.locator('.djs-overlay .completed-badge').allTextContents()).toEqual(expect.arrayContaining(['1']));
    await page.getByText(/^Abgeschlossene Schritte: .*Steuer berechnen \(1-mal abgeschlossen\)/).waitFor();
    await expectAccessible(page, 'completed instance');
    expect(watched.problems).toEqual([]);
  });

  it('shows an incident on the diagram, and a fixed variable and a retry let the instance complete', async () => {
    const { page } = watched;
    await page.goto(`${platform.url}/staff/operations?state=INCIDENT`);
    await page.getByRole('status').getByText('Gefundene Prozessinstanzen: 1, neueste zuerst.').waitFor();
    await page.getByRole('row', { name: new RegExp(`${instance.failing}.*Aktiv, 1 Störung`) }).waitFor();
    await page.getByRole('link', { name: instance.failing }).click();
    await page.getByRole('heading', { name: `Prozessinstanz ${instance.failing}`, level: 1 }).waitFor();

    // The diagram counts the incident on its element; the list below says the same in words.
    await page.locator('.djs-overlay .incident-badge').getByText('1').waitFor();
    expect(await page.locator('.djs-element[data-element-id="berechnen"].has-incident').count()).toBe(1);
    await page.getByText('Steuer berechnen: 1 aktiv, 1 Störung(en)').waitFor();
    const incidents = page.getByRole('table', { name: 'Störungen' });
    await incidents.getByText('Kassensystem antwortet nicht').waitFor();
    await expectAccessible(page, 'instance with an incident');
    await keepScreenshot(page, 'operations', '2-incident');

    // A variable is changed as JSON, checked before it is sent.
    await page.getByRole('button', { name: 'Ändern hund' }).click();
    const editor = page.getByLabel('Neuer Wert für hund (JSON)');
    await editor.fill('Bella');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Das ist kein gültiges JSON.', { exact: false }).waitFor();
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'variable editor with an error');
    await editor.fill('"Bella"');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('status').getByText('Die Variable hund ist geändert.').waitFor();
    await page.getByRole('table', { name: 'Variablen' }).getByText('"Bella"').waitFor();

    await incidents.getByRole('button', { name: 'Erneut versuchen (Steuer berechnen)' }).click();
    await page.getByRole('status').getByText('Die Störung bei „Steuer berechnen“ ist behoben; der Schritt wird erneut ausgeführt.').waitFor();
    await incidents.getByText(/^Behoben am/).waitFor();

    // The worker runs again and gets the fixed variable; the instance completes.
    const job = await jobOf(instance.failing);
    expect(job.variables).toMatchObject({ hund: 'Bella' });
    await zeebe.completeJob({ jobKey: job.key, variables: { steuer: 96 } });
    await eventually(async () => (await platform.engine.reads.processInstance(instance.failing))?.state === 'COMPLETED' || undefined, 10_000);
    await openInstance(page, instance.failing);
    await page.locator('.facts').getByText('Abgeschlossen').waitFor();
    expect(await page.getByRole('button', { name: 'Instanz abbrechen' }).count()).toBe(0);
    await keepScreenshot(page, 'operations', '3-completed-after-retry');
    expect(watched.problems).toEqual([]);
  });

  it('cancels an instance only after asking', async () => {
    const { page } = watched;
    await openInstance(page, instance.running);
    await page.getByText('Steuer berechnen: 1 aktiv').waitFor();
    await page.locator('.djs-overlay .token-badge').getByText('1').waitFor();

    await page.getByRole('button', { name: 'Instanz abbrechen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Prozessinstanz abbrechen?' });
    await dialog.waitFor();
    await expectAccessible(page, 'cancel dialog');
    await keepScreenshot(page, 'operations', '4-cancel-dialog');
    // Escape keeps it running, and the focus goes back to the button.
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    expect(await focused()).toBe('Nein, weiterlaufen lassen');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused()).toBe('Instanz abbrechen');
    expect((await platform.engine.reads.processInstance(instance.running))?.state).toBe('ACTIVE');

    // Confirmed by keyboard alone.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Ja, abbrechen');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Die Prozessinstanz ist abgebrochen.').waitFor();
    await page.locator('.facts').getByText('Abgebrochen').waitFor();
    expect((await platform.engine.reads.processInstance(instance.running))?.state).toBe('CANCELED');
    await expectAccessible(page, 'canceled instance');
    expect(watched.problems).toEqual([]);
  });
});
