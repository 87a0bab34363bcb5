/**
 * The task list end to end in Debian's Chromium: a Kämmerei clerk finds the department's tasks, tells their cases
 * apart by Aktenzeichen (or the instance's number, for a case without one) and searches by it, claims one, is
 * stopped by the form's own rules before anything is sent, sees the server's field errors at their fields, completes
 * it; and is told so when a colleague completed a task first. Every page passes axe-core without serious or critical
 * violations and runs without CSP violations; screenshots are kept (support/staff-api.ts).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { ZBClient } from 'zeebe-node';
import { eventually } from '../../engine/tests/harness.js';
import { createStaff } from '../../server/tests/test-server.js';
import { DOG_TAX_FORM, userTask, userTaskProcess } from '../../server/tests/task-fixtures.js';
import { expectAccessible } from './support/accessibility.js';
import { launchBrowser, type WatchedPage } from './support/browser.js';
import { createProcessManager, startPlatform, type Platform } from './support/platform.js';
import { engineClient, keepScreenshot, openGermanPage, signInThroughPage, staffApi, type Credentials, type StaffApi } from './support/staff-api.js';

jest.setTimeout(180_000);

const PROCESS = userTaskProcess('hundesteuer-festsetzen', userTask('festsetzen', {
  name: 'Hundesteuer festsetzen', formId: DOG_TAX_FORM.id, candidateGroups: 'kaemmerei', dueDate: '2030-01-15T10:00:00Z',
}));

describe('the task list in a browser', () => {
  let platform: Platform;
  let api: StaffApi;
  let zeebe: ZBClient;
  let colleague: Credentials;
  let manager: Credentials;
  let browser: Browser;
  let watched: WatchedPage;
  const instances: string[] = [];

  const taskKeyOf = async (processInstanceKey: string) => eventually(async () => {
    const response = await api.call(manager, 'get', '/api/tasks?limit=200');
    return (response.body.tasks as { key: string; processInstanceKey: string }[]).find((task) => task.processInstanceKey === processInstanceKey)?.key;
  }, 10_000);

  beforeAll(async () => {
    platform = await startPlatform();
    await createProcessManager(platform);
    await createStaff(platform.server, 'k-clerk', ['clerk'], ['kaemmerei']);
    await createStaff(platform.server, 'k-clerk-2', ['clerk'], ['kaemmerei']);
    api = staffApi(platform);
    manager = await api.signIn('prozess.mueller');
    colleague = await api.signIn('k-clerk-2');
    await api.deploy(manager, [
      { name: `${DOG_TAX_FORM.id}.form`, content: JSON.stringify(DOG_TAX_FORM) },
      { name: 'hundesteuer-festsetzen.bpmn', content: PROCESS },
    ]);
    zeebe = engineClient(platform);
    // Bello's case has an Aktenzeichen, Rex's (as a process without one would have it) has none.
    for (const variables of [{ hund: 'Bello', aktenzeichen: 'HUND-2026-000101' }, { hund: 'Rex' }]) {
      const created = await zeebe.createProcessInstance({ bpmnProcessId: 'hundesteuer-festsetzen', variables: { ...variables, halter: 'Erika Mustermann' } });
      instances.push(String(created.processInstanceKey));
    }
    for (const instance of instances) await taskKeyOf(instance);
    browser = await launchBrowser();
    watched = await openGermanPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await zeebe?.close();
    await platform?.stop();
  });

  it('lets a Kämmerei clerk claim a task, checks the form before sending it, and completes it', async () => {
    const { page } = watched;
    await signInThroughPage(page, platform, 'k-clerk');

    await page.getByRole('heading', { name: 'Aufgaben', level: 1 }).waitFor();
    expect(await page.title()).toBe('Aufgaben – amtsflow');
    expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Aufgaben' }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('status').getByText('Gefundene Aufgaben: 2').waitFor();
    await expectAccessible(page, 'task list');
    await keepScreenshot(page, 'task-list', '1-queue');

    // Filters go into the address; the clerk has claimed nothing yet.
    await page.getByLabel('Bearbeitung').selectOption('me');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.getByRole('status').getByText('Gefundene Aufgaben: 0').waitFor();
    expect(page.url()).toContain('assignee=me');
    await page.getByLabel('Bearbeitung').selectOption('unassigned');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.getByRole('status').getByText('Gefundene Aufgaben: 2').waitFor();

    // Each case by its Aktenzeichen, or by its instance's number when it has none.
    await page.getByRole('columnheader', { name: 'Aktenzeichen' }).waitFor();
    await page.getByRole('cell', { name: 'HUND-2026-000101', exact: true }).waitFor();
    await page.getByRole('cell', { name: `Vorgang ${instances[1]}`, exact: true }).waitFor();
    // Searching by the beginning of an Aktenzeichen, in any case; the search goes into the address too.
    const search = page.getByRole('searchbox', { name: 'Aktenzeichen' });
    await search.fill('hund-2026');
    await search.press('Enter');
    await page.getByRole('status').getByText('Gefundene Aufgaben: 1').waitFor();
    expect(page.url()).toContain('aktenzeichen=hund-2026');
    expect(await page.getByRole('cell', { name: 'HUND-2026-000101', exact: true }).count()).toBe(1);
    await expectAccessible(page, 'task list searched by Aktenzeichen');
    await keepScreenshot(page, 'task-list', '1-searched-by-aktenzeichen');
    await search.fill('HUND-2026-000999');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.getByRole('status').getByText('Gefundene Aufgaben: 0').waitFor();
    await search.fill('');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.getByRole('status').getByText('Gefundene Aufgaben: 2').waitFor();

    const taskKey = await taskKeyOf(instances[0]);
    await page.getByRole('link', { name: 'Hundesteuer festsetzen' }).first().waitFor();
    await page.goto(`${platform.url}/staff/tasks/${taskKey}`);
    await page.getByRole('heading', { name: 'Hundesteuer festsetzen – HUND-2026-000101', level: 1, exact: true }).waitFor();
    await page.waitForFunction((title) => document.title === title, 'Hundesteuer festsetzen – HUND-2026-000101 – amtsflow');
    await page.getByText('Übernehmen Sie die Aufgabe, um das Formular auszufüllen und sie abzuschließen.').waitFor();
    await page.getByText('Zu diesem Vorgang gibt es keine Unterlagen.').waitFor();
    await page.getByLabel(/Steuerbetrag/).waitFor();
    await expectAccessible(page, 'task before claiming');

    await page.getByRole('button', { name: 'Aufgabe übernehmen' }).click();
    await page.getByRole('status').getByText('Sie bearbeiten diese Aufgabe jetzt.').waitFor();
    const complete = page.getByRole('button', { name: 'Aufgabe abschließen' });
    await complete.waitFor();

    // The form's rules, checked in the browser with forms/: nothing reaches the server.
    const completions: string[] = [];
    page.on('request', (sent) => {
      if (sent.url().endsWith('/complete')) completions.push(sent.url());
    });
    await page.getByLabel('Vermerk').fill('Halter ist umgezogen, neue Anschrift folgt');
    // form-js's own check on leaving the field speaks the app's language too.
    await page.getByLabel('Vermerk').press('Tab');
    await page.locator('.fjs-form-field-error', { hasText: 'Höchstens 20 Zeichen.' }).waitFor();
    await complete.click();
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte korrigieren Sie folgende Angaben:' });
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBe(3);
    // The messages are the server's validator's, in the app's language (not form-js's English ones).
    await summary.getByText(/Dieses Feld ist ein Pflichtfeld\./).first().waitFor();
    expect(completions).toEqual([]);
    await page.locator('.fjs-form-field-error').first().waitFor();
    await expectAccessible(page, 'task form with errors');
    await keepScreenshot(page, 'task-list', '2-form-errors');
    // Each error in the summary leads to its field.
    await summary.getByRole('link').nth(1).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Halter ist umgezogen, neue Anschrift folgt');

    // A field error only the server finds comes back to its field.
    await page.route('**/complete', (route) => route.fulfill({
      status: 422, contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'urn:amtsflow:problem:form-invalid', title: 'Invalid form data', errors: [{ pointer: '/data/note', detail: 'Der Vermerk nennt kein Kassenzeichen.' }] }),
    }));
    await page.getByLabel(/Steuerbetrag/).fill('96');
    await page.getByLabel('Vermerk').fill('Bello, Halterin ok');
    await page.getByLabel('Geprüft').check();
    await complete.click();
    await summary.getByRole('link', { name: 'Vermerk: Der Vermerk nennt kein Kassenzeichen.' }).waitFor();
    await page.locator('.fjs-form-field-error', { hasText: 'Der Vermerk nennt kein Kassenzeichen.' }).waitFor();
    await page.unroute('**/complete');

    await complete.click();
    await page.getByRole('status').getByText('Die Aufgabe ist abgeschlossen.').waitFor();
    await keepScreenshot(page, 'task-list', '3-completed');
    const variables = await eventually(async () => {
      const found = await platform.engine.reads.variablesOf(instances[0]);
      return found.some((variable) => variable.name === 'taxAmount') && found;
    }, 10_000);
    expect(Object.fromEntries(variables.map((variable) => [variable.name, JSON.parse(variable.value)]))).toMatchObject({ taxAmount: 96, note: 'Bello, Halterin ok', approved: true, hund: 'Bello' });
    expect((await api.call(manager, 'get', `/api/tasks/${taskKey}`)).status).toBe(410);
    expect(watched.problems).toEqual([]);
  });

  it('tells the clerk when a colleague completed the task first', async () => {
    const { page } = watched;
    await page.getByRole('link', { name: 'Zur Aufgabenliste', exact: true }).click();
    await page.getByRole('status').getByText('Gefundene Aufgaben: 1').waitFor();
    await page.getByRole('link', { name: 'Hundesteuer festsetzen' }).click();
    await page.getByRole('heading', { name: `Hundesteuer festsetzen – Vorgang ${instances[1]}`, level: 1, exact: true }).waitFor();
    // A screen reader hears the new page: focus moved from the link, which is gone, to the page's heading.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(page.url()).toMatch(/\/staff\/tasks\/\d+$/);
    const taskKey = page.url().split('/').pop()!;
    expect(taskKey).toBe(await taskKeyOf(instances[1]));

    // Meanwhile the colleague claims and completes it.
    expect((await api.call(colleague, 'post', `/api/tasks/${taskKey}/claim`)).status).toBe(200);
    const completed = await api.call(colleague, 'post', `/api/tasks/${taskKey}/complete`).send({ data: { taxAmount: 50, approved: true } });
    expect(completed.status).toBe(200);

    // By keyboard: claiming is among the first stops after the back link.
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    for (let stop = 0; stop < 3 && (await focused()) !== 'Aufgabe übernehmen'; stop++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Aufgabe übernehmen');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('Diese Aufgabe wurde inzwischen von jemand anderem abgeschlossen. Ihre Angaben wurden nicht gespeichert.').waitFor();
    await page.getByRole('link', { name: 'Zur Aufgabenliste', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Aufgabe abschließen' }).count()).toBe(0);
    await expectAccessible(page, 'task completed by someone else');
    await keepScreenshot(page, 'task-list', '4-conflict');
    expect(watched.problems).toEqual([]);
  });

  it('speaks English when asked', async () => {
    const { page } = watched;
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await page.getByRole('link', { name: 'To the task list', exact: true }).click();
    await page.getByRole('heading', { name: 'Tasks', level: 1 }).waitFor();
    await page.getByRole('status').getByText('Tasks found: 0').waitFor();
    await page.getByRole('searchbox', { name: 'File reference' }).waitFor();
    expect(await page.title()).toBe('Tasks – amtsflow');
    await expectAccessible(page, 'task list in English');
  });

  it('shows the case\'s data where a task has no form, and completes it without data', async () => {
    const { page } = watched;
    await api.deploy(manager, [{ name: 'akte-pruefen.bpmn', content: userTaskProcess('akte-pruefen', userTask('pruefen', { name: 'Akte prüfen', candidateGroups: 'kaemmerei' })) }]);
    const created = await zeebe.createProcessInstance({
      bpmnProcessId: 'akte-pruefen',
      variables: { betrag: 1250.5, befreit: false, halter: { name: 'Erika Mustermann', ort: 'Leichlingen' }, hunde: ['Bello', 'Rex'], hinweis: '' },
    });
    const taskKey = await taskKeyOf(String(created.processInstanceKey));
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
    await page.goto(`${platform.url}/staff/tasks/${taskKey}`);
    await page.getByRole('heading', { name: /^Akte prüfen – Vorgang/, level: 1 }).waitFor();

    const caseData = page.locator('details.case-data');
    expect(await caseData.getAttribute('open')).not.toBeNull();
    const valueOf = (name: string) => caseData.locator('.case-data__entry', { has: page.getByRole('term').getByText(name, { exact: true }) }).last().getByRole('definition').first().innerText(); // the innermost entry of that name
    expect(await valueOf('betrag')).toBe('1.250,5');
    expect(await valueOf('befreit')).toBe('nein');
    expect(await valueOf('hinweis')).toBe('keine Angabe');
    expect(await valueOf('ort')).toBe('Leichlingen');
    expect(await caseData.getByRole('listitem').allInnerTexts()).toEqual(['Bello', 'Rex']);
    await expectAccessible(page, 'task without a form');
    await keepScreenshot(page, 'task-list', '5-no-form');

    await page.getByRole('button', { name: 'Aufgabe übernehmen' }).click();
    await page.getByRole('button', { name: 'Aufgabe abschließen' }).click();
    await page.getByRole('status').getByText('Die Aufgabe ist abgeschlossen.').waitFor();
    expect((await api.call(manager, 'get', `/api/tasks/${taskKey}`)).status).toBe(410);
    expect(watched.problems).toEqual([]);
  });
});
