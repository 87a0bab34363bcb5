/**
 * The Rechnungseingang's upload page end to end in Debian's Chromium: a clerk of the Rechnungseingang finds it in the
 * navigation, is told beside the field when a file is not an XRechnung, uploads KoSIT's sample invoice and gets its
 * Aktenzeichen, and the Rechnungsworkflow runs with it; the page speaks English when asked. Every state passes
 * axe-core without serious or critical violations and runs without CSP violations; screenshots are kept.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { bpmnProcess, eventually, sequence, serviceTask } from '../../engine/tests/harness.js';
import { createStaff } from '../../server/tests/test-server.js';
import { SHARED } from '../support/shared-files.js';
import { expectAccessible } from './support/accessibility.js';
import { launchBrowser, type WatchedPage } from './support/browser.js';
import { createProcessManager, startPlatform, type Platform } from './support/platform.js';
import { keepScreenshot, openGermanPage, signInThroughPage, staffApi } from './support/staff-api.js';

jest.setTimeout(180_000);

describe('the Rechnungseingang\'s upload page in a browser', () => {
  let platform: Platform;
  let browser: Browser;
  let watched: WatchedPage;
  const sample = path.join(SHARED, 'xrechnung-samples', 'valid', '01.01a-INVOICE_ubl.xml');

  beforeAll(async () => {
    platform = await startPlatform();
    const manager = await createProcessManager(platform);
    await createStaff(platform.server, 'eingang.schmitz', ['clerk'], ['rechnungseingang']);
    const api = staffApi(platform);
    // A stand-in for the Rechnungsworkflow whose first step waits: the test looks at what it was started with.
    await api.deploy(await api.signIn(manager.username), [
      { name: 'rechnungsworkflow.bpmn', content: bpmnProcess('rechnungsworkflow', sequence({ id: 'lesen', xml: serviceTask('lesen', 'amtsflow:xrechnung-intake:1') })) },
    ]);
    browser = await launchBrowser();
    watched = await openGermanPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('tells the clerk beside the field that a PDF is not an XRechnung', async () => {
    const { page } = watched;
    await signInThroughPage(page, platform, 'eingang.schmitz');
    await page.getByRole('link', { name: 'Rechnungseingang' }).click();
    await page.getByRole('heading', { name: 'E-Rechnungen hochladen', level: 1 }).waitFor();
    expect(await page.title()).toBe('E-Rechnungen hochladen – amtsflow');
    await expectAccessible(page, 'upload page');

    await page.getByRole('button', { name: 'Hochladen' }).click();
    const field = page.getByLabel('XRechnung-Datei');
    await page.getByRole('alert').getByRole('link', { name: 'Bitte wählen Sie eine XRechnung-Datei aus.' }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    await field.setInputFiles({ name: 'rechnung.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') });
    await page.getByRole('button', { name: 'Hochladen' }).click();
    const message = 'Die Datei ist kein XML (zum Beispiel ein PDF oder eine beschädigte Datei). Laden Sie die XRechnung als XML-Datei hoch.';
    await page.getByRole('alert').getByRole('link', { name: message }).waitFor();
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toBe(message);
    await expectAccessible(page, 'upload page with an error');
    await keepScreenshot(page, 'invoices', '1-not-xml');
  });

  it('uploads a sample XRechnung and shows its Aktenzeichen; the Rechnungsworkflow has started with it', async () => {
    const { page } = watched;
    const field = page.getByLabel('XRechnung-Datei');
    await field.setInputFiles({ name: '01.01a-INVOICE_ubl.xml', mimeType: 'application/xml', buffer: readFileSync(sample) });
    await page.getByRole('button', { name: 'Hochladen' }).click();
    const year = new Date().getUTCFullYear();
    await page.getByRole('status').getByText(`01.01a-INVOICE_ubl.xml ist eingegangen: Aktenzeichen RECH-${year}-000001.`).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    const row = page.getByRole('table', { name: 'In dieser Sitzung eingegangen' }).getByRole('row', { name: /RECH-/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['01.01a-INVOICE_ubl.xml', `RECH-${year}-000001`, 'UBL (Rechnung)', expect.stringMatching(/^\d+$/)]);
    const instances = await eventually(async () => {
      const found = await platform.engine.reads.findInstancesByVariable('aktenzeichen', JSON.stringify(`RECH-${year}-000001`));
      return found.length > 0 && found;
    }, 10_000);
    expect(await row.getByRole('cell').nth(3).textContent()).toBe(instances[0]);
    await expectAccessible(page, 'upload page after an upload');
    await keepScreenshot(page, 'invoices', '2-received');
    expect(watched.problems).toEqual([]);
  });

  it('speaks English when asked', async () => {
    const { page } = watched;
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await page.getByRole('heading', { name: 'Upload e-invoices', level: 1 }).waitFor();
    await page.getByLabel('XRechnung file').setInputFiles({ name: 'notiz.xml', mimeType: 'application/xml', buffer: Buffer.from('<?xml version="1.0"?><note xmlns="urn:example:notes"/>') });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('alert').getByRole('link', { name: /^The file is XML but not an XRechnung/ }).waitFor();
    await expectAccessible(page, 'upload page in English');
    await keepScreenshot(page, 'invoices', '3-english');
    expect(watched.problems).toEqual([]);
  });
});
