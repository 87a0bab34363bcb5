/**
 * The citizen portal end to end in Debian's Chromium on a phone's screen: a process manager publishes a service; a
 * citizen finds it in the catalogue, is stopped by the form's own rules before anything is sent, sees the server's
 * field errors at their fields, attaches a PDF, reviews and sends the application, gets the reference number and
 * follows the status link. Every page passes axe-core without serious or critical violations and runs without CSP
 * violations; screenshots are kept (support/staff-api.ts).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { devices, type Browser, type Request } from 'playwright-core';
import { PDF_BYTES, PNG_BYTES, serviceProcess } from '../../server/tests/portal-fixtures.js';
import { expectAccessible } from './support/accessibility.js';
import { launchBrowser, openPage, type WatchedPage } from './support/browser.js';
import { createProcessManager, startPlatform, type Platform } from './support/platform.js';
import { keepScreenshot, staffApi } from './support/staff-api.js';

jest.setTimeout(180_000);

const FORM = {
  id: 'fundsache-melden-form',
  type: 'default',
  components: [
    { id: 'finder', key: 'finderName', type: 'textfield', label: 'Name der Finderin oder des Finders', validate: { required: true } },
    { id: 'place', key: 'fundort', type: 'textfield', label: 'Fundort' },
    { id: 'photo', key: 'nachweis', type: 'filepicker', label: 'Foto oder Beleg', accept: '.pdf,image/png' },
  ],
};
const PROCESS_ID = 'fundsache-melden';
const TITLE = 'Fundsache melden';
/** A form with a date: on a phone, form-js's date picker (flatpickr) offers the phone's own. */
const DATED_FORM = {
  id: 'verlust-melden-form',
  type: 'default',
  components: [
    { id: 'owner', key: 'ownerName', type: 'textfield', label: 'Ihr Name' },
    { id: 'lostOn', key: 'lostOn', type: 'datetime', subtype: 'date', dateLabel: 'Verloren am' },
    { id: 'receipt', key: 'beleg', type: 'filepicker', label: 'Beleg', accept: '.pdf' },
  ],
};
const DATED_PROCESS_ID = 'verlust-melden';
/**
 * A form longer than a phone's screen, which the portal renders in sections (one form-js form each): its conditions
 * reach from the top to the bottom and back, so they only hold if the sections share their data.
 */
const LONG_FORM = {
  id: 'veranstaltung-anzeigen-form',
  type: 'default',
  components: [
    { id: 'securityNotice', type: 'text', text: 'Mit mehr als 500 Gästen brauchen Sie einen Sicherheitsdienst.', conditional: { hide: '=guests = null or guests <= 500' } },
    { id: 'forCompany', key: 'forCompany', type: 'checkbox', label: 'Ich zeige die Veranstaltung für eine Firma an' },
    ...['Vorname', 'Nachname', 'Straße und Hausnummer', 'Postleitzahl', 'Ort', 'E-Mail-Adresse', 'Name der Veranstaltung', 'Ort der Veranstaltung']
      .map((label, index) => ({ id: `field${index}`, key: `field${index}`, type: 'textfield', label, validate: { required: true } })),
    { id: 'guests', key: 'guests', type: 'number', label: 'Erwartete Gäste' },
    { id: 'notes', key: 'notes', type: 'textarea', label: 'Anmerkungen' },
    { id: 'vatId', key: 'company.vatId', type: 'textfield', label: 'USt-IdNr. der Firma', validate: { required: true }, conditional: { hide: '=forCompany != true' } },
  ],
};
const LONG_PROCESS_ID = 'veranstaltung-anzeigen';

describe('the citizen portal on a phone', () => {
  let platform: Platform;
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    platform = await startPlatform();
    await createProcessManager(platform);
    const api = staffApi(platform);
    const manager = await api.signIn('prozess.mueller');
    await api.deploy(manager, [
      { name: `${FORM.id}.form`, content: JSON.stringify(FORM) },
      { name: `${PROCESS_ID}.bpmn`, content: serviceProcess(PROCESS_ID, FORM.id) },
    ]);
    const published = await api.call(manager, 'post', '/api/services')
      .send({ processId: PROCESS_ID, title: TITLE, description: 'Melden Sie einen Gegenstand, den Sie gefunden haben.', referencePrefix: 'PORTAL' });
    expect(published.status).toBe(201);
    await api.deploy(manager, [
      { name: `${DATED_FORM.id}.form`, content: JSON.stringify(DATED_FORM) },
      { name: `${DATED_PROCESS_ID}.bpmn`, content: serviceProcess(DATED_PROCESS_ID, DATED_FORM.id) },
    ]);
    expect((await api.call(manager, 'post', '/api/services').send({ processId: DATED_PROCESS_ID, title: 'Verlust melden', referencePrefix: 'VERLUST' })).status).toBe(201);
    await api.deploy(manager, [
      { name: `${LONG_FORM.id}.form`, content: JSON.stringify(LONG_FORM) },
      { name: `${LONG_PROCESS_ID}.bpmn`, content: serviceProcess(LONG_PROCESS_ID, LONG_FORM.id) },
    ]);
    expect((await api.call(manager, 'post', '/api/services').send({ processId: LONG_PROCESS_ID, title: 'Veranstaltung anzeigen', referencePrefix: 'VA' })).status).toBe(201);
    browser = await launchBrowser();
    watched = await openPage(await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }));
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('takes an application from the catalogue through the form, its review and the receipt to the status link', async () => {
    const { page } = watched;
    const submissions: Request[] = [];
    page.on('request', (sent) => {
      if (sent.url().endsWith(`/api/portal/services/${PROCESS_ID}/submissions`)) submissions.push(sent);
    });

    await page.goto(`${platform.url}/`);
    await page.getByRole('heading', { name: 'Online-Dienste der Stadtverwaltung', level: 1 }).waitFor();
    expect(await page.title()).toBe('Online-Dienste der Stadtverwaltung – Online-Dienste');
    await page.getByText('Melden Sie einen Gegenstand, den Sie gefunden haben.').waitFor();
    await expectAccessible(page, 'catalogue');
    await keepScreenshot(page, 'portal', '1-catalogue');

    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(await page.title()).toBe(`${TITLE} – Online-Dienste`);
    const finder = page.getByLabel(/Name der Finderin oder des Finders/);
    await finder.waitFor();
    await page.getByText('Keine Datei ausgewählt').waitFor(); // form-js's own texts in German, its button's too
    await expectAccessible(page, 'service form');

    // The form's rules, checked in the browser with forms/: nothing reaches the server.
    await page.getByLabel('Fundort').fill('Marktplatz, vor dem Rathaus');
    const toReview = page.getByRole('button', { name: 'Weiter zur Überprüfung' });
    await toReview.click();
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte korrigieren Sie folgende Angaben:' });
    await summary.getByRole('link', { name: /^Name der Finderin oder des Finders: Dieses Feld ist ein Pflichtfeld\./ }).waitFor();
    await page.locator('.fjs-form-field-error').first().waitFor();
    expect(submissions).toEqual([]);
    expect(await finder.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'service form with errors');
    await keepScreenshot(page, 'portal', '2-form-errors');
    await summary.getByRole('link').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await finder.getAttribute('id'));

    await finder.fill('Erika Mustermann');
    // A picture named like a PDF: the server judges by the bytes, and says so at the file's field, in German.
    const chooseFile = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
      // As a citizen does it: through form-js's button and the browser's file chooser.
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Datei auswählen' }).click()]);
      await chooser.setFiles(file);
    };
    await chooseFile({ name: 'beleg.pdf', mimeType: 'application/pdf', buffer: PNG_BYTES });
    await toReview.click();
    await page.getByRole('region', { name: 'Angaben überprüfen' }).getByRole('button', { name: 'Antrag absenden' }).click();
    const refused = 'beleg.pdf: Der Name passt nicht zum Inhalt der Datei (image/png).';
    await page.locator('.fjs-form-field-filepicker .fjs-form-field-error', { hasText: refused }).waitFor();
    await summary.getByRole('link', { name: `Foto oder Beleg: ${refused}` }).waitFor();
    await chooseFile({ name: 'beleg.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
    await toReview.click();
    const review = page.getByRole('region', { name: 'Angaben überprüfen' });
    await review.waitFor();
    await review.getByText('Erika Mustermann').waitFor();
    await review.getByText('Marktplatz, vor dem Rathaus').waitFor();
    await review.getByText('beleg.pdf').waitFor();
    expect(await page.title()).toBe(`Angaben überprüfen – ${TITLE} – Online-Dienste`);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Angaben überprüfen');
    await expectAccessible(page, 'review');
    await keepScreenshot(page, 'portal', '3-review');

    // A field error only the server finds comes back to its field.
    await page.route('**/submissions', (route) => route.fulfill({
      status: 422, contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'urn:amtsflow:problem:form-invalid', title: 'Invalid form data', errors: [{ pointer: '/data/fundort', detail: 'Bitte nennen Sie den Fundort genauer.' }] }),
    }));
    await review.getByRole('button', { name: 'Antrag absenden' }).click();
    await summary.getByRole('link', { name: 'Fundort: Bitte nennen Sie den Fundort genauer.' }).waitFor();
    await page.locator('.fjs-form-field-error', { hasText: 'Bitte nennen Sie den Fundort genauer.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    await page.unroute('**/submissions');

    await page.getByLabel('Fundort').fill('Marktplatz 1, vor dem Rathaus');
    await toReview.click();
    await review.getByText('Marktplatz 1, vor dem Rathaus').waitFor();
    await review.getByRole('button', { name: 'Antrag absenden' }).click();
    await page.getByRole('heading', { name: 'Antrag eingegangen', level: 1 }).waitFor();
    expect(await page.title()).toBe('Antrag eingegangen – Online-Dienste');
    await page.getByText(`PORTAL-${new Date().getFullYear()}-000001`).waitFor();
    await expectAccessible(page, 'receipt');
    await keepScreenshot(page, 'portal', '4-receipt');

    const sent = submissions[submissions.length - 1];
    expect(sent.headers()['idempotency-key']).toMatch(/^[0-9a-f]{64}$/);
    expect(sent.headers()['content-type']).toMatch(/^multipart\/form-data/);
    expect(submissions[0].headers()['idempotency-key']).not.toBe(sent.headers()['idempotency-key']);

    await page.getByRole('link', { name: 'Stand Ihres Antrags ansehen' }).click();
    await page.getByRole('heading', { name: 'Stand Ihres Antrags', level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/status\/[A-Za-z0-9_-]{43}$/);
    await page.getByText(/^Eingegangen – /).waitFor();
    await page.getByText(`PORTAL-${new Date().getFullYear()}-000001`).waitFor();
    const download = page.getByRole('link', { name: /^beleg\.pdf herunterladen/ });
    await download.waitFor();
    await expectAccessible(page, 'status');
    await keepScreenshot(page, 'portal', '5-status');

    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await page.getByRole('heading', { name: 'Where your application stands', level: 1 }).waitFor();
    await page.getByText(/^Received – /).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectAccessible(page, 'status in English');

    // The status link opened on its own, as from a bookmark or a mail.
    await page.goto(page.url());
    await page.getByRole('heading', { name: 'Where your application stands', level: 1 }).waitFor();
    await page.getByText(`PORTAL-${new Date().getFullYear()}-000001`).waitFor();
    expect(watched.problems).toEqual([]);
  });

  it('keeps the page\'s tab order and the label on a phone\'s own date input, which form-js\'s flatpickr brings with tabindex 1 and no name', async () => {
    const phone = await openPage(await browser.newContext({ ...devices['Pixel 7'], locale: 'de-DE' }));
    const { page } = phone;
    try {
      await page.goto(`${platform.url}/services/${DATED_PROCESS_ID}`);
      await page.getByRole('heading', { name: 'Verlust melden', level: 1 }).waitFor();
      const phoneDate = page.locator('input.flatpickr-mobile'); // the phone's own date input, the case at hand
      await phoneDate.waitFor();
      await page.getByRole('button', { name: 'Datei auswählen' }).waitFor();
      const positive = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[tabindex]')].filter((element) => element.tabIndex > 0).map((element) => element.outerHTML));
      expect(positive).toEqual([]);
      // From the field before it, Tab reaches the date next, as the page reads; its label names it.
      await page.getByLabel('Ihr Name').focus();
      await page.keyboard.press('Tab');
      expect(await phoneDate.evaluate((input) => input === document.activeElement)).toBe(true);
      expect(await page.getByLabel('Verloren am').evaluate((input) => input.classList.contains('flatpickr-mobile'))).toBe(true);
      await expectAccessible(page, 'service form with a date on a phone');
      expect(phone.problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('speaks the chosen language in form-js\'s own words and its calendar, also after a switch while the form is open', async () => {
    const desktop = await openPage(await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } }));
    const { page } = desktop;
    try {
      await page.goto(`${platform.url}/services/${DATED_PROCESS_ID}`);
      const date = page.getByLabel('Verloren am');
      await date.waitFor();
      const calendar = page.locator('.flatpickr-calendar.open');
      const weekdays = async () => {
        await date.click();
        await calendar.waitFor();
        const days = (await calendar.locator('.flatpickr-weekday').allTextContents()).map((day) => day.trim());
        await page.keyboard.press('Escape');
        await calendar.waitFor({ state: 'detached' });
        return days;
      };
      expect(await weekdays()).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So']);
      expect(await date.getAttribute('placeholder')).toBe('TT.MM.JJJJ');
      await page.getByRole('button', { name: 'Datei auswählen' }).waitFor();

      await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
      await page.getByRole('button', { name: 'Browse' }).waitFor();
      expect(await weekdays()).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
      expect(await date.getAttribute('placeholder')).toBe('dd.mm.yyyy');

      await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
      await page.getByRole('button', { name: 'Datei auswählen' }).waitFor();
      expect(await weekdays()).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So']);
      await expectAccessible(page, 'service form on a desktop, German again');
      expect(desktop.problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('renders a long form in sections that behave as one form: conditions across them, errors, the review and what is sent', async () => {
    const phone = await openPage(await browser.newContext({ ...devices['Pixel 7'], locale: 'de-DE' }));
    const { page } = phone;
    try {
      await page.goto(`${platform.url}/services/${LONG_PROCESS_ID}`);
      await page.getByRole('heading', { name: 'Veranstaltung anzeigen', level: 1 }).waitFor();
      await page.getByLabel('Anmerkungen').waitFor();
      expect(await page.locator('.fjs-form').count()).toBeGreaterThan(1); // else this test proves nothing
      const vatId = page.getByLabel(/^USt-IdNr\. der Firma/);
      const notice = page.getByText('Mit mehr als 500 Gästen brauchen Sie einen Sicherheitsdienst.');
      expect(await vatId.count()).toBe(0);
      expect(await notice.count()).toBe(0);
      // bpmn.io's watermark under each section, a form-js form of its own, as form-js's licence asks.
      expect(await page.locator('.fjs-powered-by').filter({ visible: true }).count()).toBe(await page.locator('.fjs-form').count());

      // A field at the top shows a field at the bottom; one at the bottom shows a text at the top.
      await page.getByLabel('Ich zeige die Veranstaltung für eine Firma an').check();
      await vatId.waitFor();
      await page.getByLabel('Erwartete Gäste').fill('800');
      await notice.waitFor();
      await page.getByLabel('Erwartete Gäste').fill('120');
      await notice.waitFor({ state: 'detached' });

      for (const [index, value] of ['Erika', 'Mustermann', 'Am Markt 1', '42799', 'Leichlingen', 'erika@example.org', 'Blütenfest', 'Marktplatz'].entries()) {
        const label = (LONG_FORM.components[index + 2] as { label: string }).label;
        await page.getByRole('textbox', { name: new RegExp(`^${label}\\s*\\*?$`) }).fill(value);
      }
      // Enter in a field stays in the form, whichever section it is in; the buttons lead on.
      for (const field of [page.getByLabel('Erwartete Gäste'), vatId]) { // the second is a section's only field
        await field.press('Enter');
        expect(await page.getByRole('alert').filter({ hasText: 'Bitte korrigieren Sie folgende Angaben:' }).count()).toBe(0);
      }
      // The required field of the last section is named in the summary and its link leads to it.
      await page.getByRole('button', { name: 'Weiter zur Überprüfung' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Bitte korrigieren Sie folgende Angaben:' });
      await summary.getByRole('link', { name: 'USt-IdNr. der Firma: Dieses Feld ist ein Pflichtfeld.' }).waitFor();
      expect(await summary.getByRole('link').count()).toBe(1);
      await summary.getByRole('link').click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(await vatId.getAttribute('id'));
      await vatId.fill('DE123456789');

      await page.getByRole('button', { name: 'Weiter zur Überprüfung' }).click();
      const review = page.getByRole('region', { name: 'Angaben überprüfen' });
      for (const value of ['Erika', 'Marktplatz', '120', 'DE123456789']) await review.getByText(value, { exact: true }).waitFor();
      await expectAccessible(page, 'long form in sections, reviewed');
      await review.getByRole('button', { name: 'Antrag absenden' }).click();
      await page.getByRole('heading', { name: 'Antrag eingegangen', level: 1 }).waitFor();
      await page.getByText(`VA-${new Date().getFullYear()}-000001`).waitFor();
      expect(phone.problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
