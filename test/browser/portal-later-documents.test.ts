/**
 * Handing in documents later on the citizen portal's status page, in Debian's Chromium on a phone's screen: the form
 * shows only for an open case of a service that takes documents; an empty or refused choice is named at the file
 * input and summarised; the accepted PDF is announced and joins the status page's files. Every state passes axe-core
 * and runs without CSP violations; screenshots are kept (support/staff-api.ts).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { DOCUMENTS_MESSAGE, PDF_BYTES, processAskingForDocuments } from '../../server/tests/portal-fixtures.js';
import { expectAccessible } from './support/accessibility.js';
import { launchBrowser, openPage, type WatchedPage } from './support/browser.js';
import { createProcessManager, startPlatform, type Platform } from './support/platform.js';
import { keepScreenshot, staffApi } from './support/staff-api.js';

jest.setTimeout(180_000);

const FORM = {
  id: 'nachweis-form',
  type: 'default',
  components: [{ id: 'name', key: 'halterName', type: 'textfield', label: 'Name', validate: { required: true } }],
};
const PROCESS_ID = 'mit-nachweisen';

describe('handing in documents later on the status page, on a phone', () => {
  let platform: Platform;
  let browser: Browser;
  let watched: WatchedPage;
  let statusToken: string;

  beforeAll(async () => {
    platform = await startPlatform();
    await createProcessManager(platform);
    const api = staffApi(platform);
    const manager = await api.signIn('prozess.mueller');
    await api.deploy(manager, [
      { name: `${FORM.id}.form`, content: JSON.stringify(FORM) },
      { name: `${PROCESS_ID}.bpmn`, content: processAskingForDocuments(PROCESS_ID, FORM.id) },
    ]);
    const published = await api.call(manager, 'post', '/api/services')
      .send({ processId: PROCESS_ID, title: 'Antrag mit Nachweisen', referencePrefix: 'NACH', laterDocuments: { message: DOCUMENTS_MESSAGE, variable: 'unterlagen' } });
    expect(published.status).toBe(201);
    const submitted = await fetch(`${platform.url}/api/portal/services/${PROCESS_ID}/submissions`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ data: { halterName: 'Erika Mustermann' } }),
    });
    expect(submitted.status).toBe(201);
    ({ statusToken } = await submitted.json() as { statusToken: string });
    browser = await launchBrowser();
    watched = await openPage(await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }));
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('names a missing or refused file at the input, and announces the accepted proof, which joins the files', async () => {
    const { page } = watched;
    await page.goto(`${platform.url}/status/${statusToken}`);
    const section = page.getByRole('region', { name: 'Nachweise nachreichen' });
    await section.waitFor();
    await page.getByText('Sie haben keine Dateien mitgeschickt.').waitFor();
    const input = section.getByLabel('Dateien (PDF, PNG, JPEG oder Text)');
    expect(await input.getAttribute('accept')).toContain('application/pdf');
    await expectAccessible(page, 'status with the form for later documents');
    await keepScreenshot(page, 'portal-later-documents', '1-form');

    const send = section.getByRole('button', { name: 'Nachweise senden' });
    await send.click();
    const summary = page.getByRole('alert').filter({ hasText: 'Die Nachweise konnten nicht angenommen werden:' });
    await summary.getByRole('link', { name: 'Bitte wählen Sie mindestens eine Datei aus.' }).waitFor();
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await expectAccessible(page, 'no file chosen');

    // A program named like a PDF: the server judges by the bytes, and its answer comes back to the input.
    await input.setInputFiles({ name: 'nachweis.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\u0090\u0000\u0003') });
    await send.click();
    // The server's words, in the portal's language.
    const refused = 'Nicht angenommen: nachweis.pdf: Angenommen werden nur PDF-, PNG-, JPEG- und Textdateien.';
    await section.locator('.field__error', { hasText: refused }).waitFor();
    await summary.getByRole('link', { name: refused }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('later-documents');
    await expectAccessible(page, 'refused file');
    await keepScreenshot(page, 'portal-later-documents', '2-refused');

    await input.setInputFiles({ name: 'sachkundenachweis.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
    expect(await input.getAttribute('aria-invalid')).toBeNull();
    await send.click();
    await section.getByRole('status').getByText('Vielen Dank. Ihre Nachweise sind eingegangen: sachkundenachweis.pdf').waitFor();
    await page.getByRole('link', { name: /^sachkundenachweis\.pdf herunterladen/ }).waitFor();
    await expectAccessible(page, 'documents received');
    await keepScreenshot(page, 'portal-later-documents', '3-received');

    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await page.getByRole('region', { name: 'Hand in documents' }).getByLabel('Files (PDF, PNG, JPEG or text)').waitFor();
    await expectAccessible(page, 'the form in English');
    expect(watched.problems).toEqual([]);
  });
});
