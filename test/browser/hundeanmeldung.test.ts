/**
 * The city's Hundeanmeldung end to end in Debian's Chromium, against `npm start`'s composition (reference processes
 * seeded, connectors running, mail into an SMTP sink): a citizen on a phone registers a large dog with its proofs; an
 * Ordnungsamt clerk checks the §11 Anzeige and opens the proof; a Kämmerei clerk confirms the tax the DMN computed; the
 * Hundesteuerbescheid arrives by mail as a PDF; the citizen's status page shows the case closed. And a small dog goes
 * to the Kämmerei only. Every page passes axe-core without serious or critical violations and runs without CSP
 * violations or page errors; screenshots are kept (support/staff-api.ts).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { pdfPageTexts } from '../../connectors/builtin/pdf/testing/pdf-text.js';
import { eventually } from '../../engine/tests/harness.js';
import { createStaff } from '../../server/tests/test-server.js';
import { expectAccessible } from './support/accessibility.js';
import { launchBrowser, openPage, type WatchedPage } from './support/browser.js';
import { startFullPlatform, type FullPlatform } from './support/full-platform.js';
import { keepScreenshot, openGermanPage, signInThroughPage } from './support/staff-api.js';

jest.setTimeout(300_000);

const SERVICE_TITLE = 'Hund anmelden (Hundesteuer, Landeshundegesetz)';
const YEAR = new Date().getFullYear();
/** Leichlingen's rate for one dog (domain.md §1.3), which `hundesteuer.dmn` gives for a whole year. */
const YEARLY_TAX_ONE_DOG = '125,00 €';

interface Citizen {
  firstName: string;
  lastName: string;
  email: string;
}
interface Dog {
  name: string;
  breed: string;
  heightCm: string;
  weightKg: string;
}

/** A one-page PDF such as an insurer sends: the Haftpflicht certificate the citizen attaches. */
async function insuranceCertificate(dog: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([595, 842]);
  page.drawText(`Versicherungsbestaetigung Hundehalterhaftpflicht: ${dog}`, { x: 50, y: 780, size: 12, font: await document.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await document.save());
}

async function openPhone(browser: Browser): Promise<WatchedPage> {
  return openPage(await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }));
}

/** form-js's select is a list that opens under the field, not a native one: tapped open, then the option tapped. */
async function choose(page: Page, label: string | RegExp, option: string): Promise<void> {
  const field = page.locator('.fjs-form-field-select').filter({ has: page.getByLabel(label) });
  await field.locator('.fjs-select-display').tap();
  await field.locator('.fjs-dropdownlist-item', { hasText: option }).tap();
  await field.locator('.fjs-select-display', { hasText: option }).waitFor();
}

/** Types a date into form-js's date field and confirms it with Enter, which closes the calendar over the next fields. */
async function fillDate(page: Page, label: RegExp, date: string): Promise<void> {
  const field = page.getByLabel(label);
  await field.fill(date);
  await field.press('Enter');
  await page.locator('.flatpickr-calendar.open').waitFor({ state: 'detached' });
}

/** Fills the start form as the citizen does, all but the date the dog came (left for the error summary to name). */
async function fillApplication(page: Page, citizen: Citizen, dog: Dog, proof: Buffer | undefined): Promise<void> {
  await choose(page, 'Anrede', 'Frau');
  await page.getByLabel(/^Vorname/).fill(citizen.firstName);
  await page.getByLabel(/^Nachname/).fill(citizen.lastName);
  await fillDate(page, /^Geburtsdatum/, '01.04.1980');
  await page.getByLabel(/^E-Mail-Adresse/).fill(citizen.email);
  await page.getByLabel(/^Straße und Hausnummer/).fill('Am Büscherhof 1');
  await page.getByLabel(/^Postleitzahl/).fill('42799');

  await page.getByLabel(/^Rufname/).fill(dog.name);
  await page.getByLabel(/^Rasse oder Mischung/).fill(dog.breed);
  await page.getByLabel('Hündin').check();
  await fillDate(page, /^Wurftag/, '01.03.2024');
  await page.getByLabel(/^Widerristhöhe/).fill(dog.heightCm);
  await page.getByLabel(/^Gewicht/).fill(dog.weightKg);
  await page.getByLabel(/^Chipnummer/).fill('276098106123456');
  await page.getByLabel(/^Haftpflichtversicherung/).fill('Provinzial Rheinland');
  await page.getByLabel(/^Versicherungsscheinnummer/).fill('HV-2024-0815');
  if (proof) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Datei auswählen' }).first().tap()]);
    await chooser.setFiles({ name: 'haftpflicht.pdf', mimeType: 'application/pdf', buffer: proof });
  }
  await page.getByLabel(/^Ich versichere/).check();
}

/** The citizen's way from the catalogue to the receipt; returns the reference and the status link's address. */
async function applyOnPhone(page: Page, platform: FullPlatform, citizen: Citizen, dog: Dog, proof: Buffer | undefined, shots: string): Promise<{ reference: string; statusUrl: string }> {
  await page.goto(`${platform.url}/`);
  await page.getByRole('heading', { name: 'Online-Dienste der Stadtverwaltung', level: 1 }).waitFor();
  await page.getByRole('link', { name: SERVICE_TITLE }).tap();
  await page.getByRole('heading', { name: SERVICE_TITLE, level: 1 }).waitFor();
  await page.getByLabel(/^Vorname/).waitFor();
  // form-js's own words in German too: an empty select, the date's placeholder, a list item's remove button, the calendar.
  await page.locator('.fjs-form-field-select').filter({ has: page.getByLabel('Anrede') }).getByText('Bitte auswählen').waitFor();
  expect(await page.getByLabel(/^Geburtsdatum/).getAttribute('placeholder')).toBe('TT.MM.JJJJ');
  await page.getByRole('button', { name: 'Eintrag 1 entfernen' }).waitFor();
  await page.getByLabel(/^Geburtsdatum/).focus();
  const calendar = page.locator('.flatpickr-calendar.open');
  expect(await calendar.locator('.flatpickr-weekday').allTextContents()).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'].map((day) => expect.stringContaining(day)));
  await page.keyboard.press('Escape');
  await calendar.waitFor({ state: 'detached' });
  await expectAccessible(page, `${shots}: service form`);
  await keepScreenshot(page, shots, '1-form');

  await fillApplication(page, citizen, dog, proof);
  // A date field has no label of its own, only its input's: the error summary still names it.
  await page.getByRole('button', { name: 'Weiter zur Überprüfung' }).tap();
  const summary = page.getByRole('alert').filter({ hasText: 'Bitte korrigieren Sie folgende Angaben:' });
  await summary.getByRole('link', { name: 'Aufnahme in den Haushalt am: Dieses Feld ist ein Pflichtfeld.' }).waitFor();
  expect(await summary.getByRole('link').count()).toBe(1);
  // Its link leads to the date's input (form-js's id for it ends in `-date`).
  await summary.getByRole('link').tap();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe(await page.getByLabel(/^Aufnahme in den Haushalt am/).getAttribute('id'));
  await fillDate(page, /^Aufnahme in den Haushalt am/, `01.01.${YEAR}`);
  // Nothing runs off the phone's screen: no sideways scrolling, no label cut off.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
  expect(await page.locator('.fjs-form-field-label').evaluateAll((labels) => labels.filter((label) => label.scrollWidth > label.clientWidth).map((label) => label.textContent))).toEqual([]);
  await keepScreenshot(page, shots, '2-form-filled');

  // The form's own button, the first a citizen scrolling down meets, leads to the review as the portal's does.
  await page.getByRole('button', { name: 'Anmeldung absenden' }).tap();
  const review = page.getByRole('region', { name: 'Angaben überprüfen' });
  await review.waitFor();
  await review.getByText(citizen.email).waitFor();
  // Date fields under their labels, written as the citizen wrote them.
  for (const [label, date] of [['Geburtsdatum', '01.04.1980'], ['Wurftag (ungefähr) (1)', '01.03.2024'], ['Aufnahme in den Haushalt am', `01.01.${YEAR}`]]) {
    await review.locator('.review__entry', { has: page.getByRole('term').getByText(label, { exact: true }) }).getByText(date, { exact: true }).waitFor();
  }
  await review.getByText(dog.name, { exact: true }).waitFor();
  if (proof) await review.getByText('haftpflicht.pdf').waitFor();
  await expectAccessible(page, `${shots}: review`);
  await keepScreenshot(page, shots, '3-review');

  await review.getByRole('button', { name: 'Antrag absenden' }).tap();
  await page.getByRole('heading', { name: 'Antrag eingegangen', level: 1 }).waitFor();
  const reference = await page.getByText(new RegExp(`^HUND-${YEAR}-\\d{6}$`)).textContent();
  await expectAccessible(page, `${shots}: receipt`);
  await keepScreenshot(page, shots, '4-receipt');
  await page.getByRole('link', { name: 'Stand Ihres Antrags ansehen' }).tap();
  await page.getByRole('heading', { name: 'Stand Ihres Antrags', level: 1 }).waitFor();
  await page.getByText(/^Eingegangen – /).waitFor();
  return { reference: reference!, statusUrl: page.url() };
}

/** Opens the task of this case from the department's task list and claims it. */
async function claimFromList(page: Page, taskName: string, reference: string, shots: string): Promise<void> {
  await page.getByRole('heading', { name: 'Aufgaben', level: 1 }).waitFor();
  await page.getByRole('link', { name: taskName }).first().waitFor();
  await expectAccessible(page, `${shots}: task list`);
  await keepScreenshot(page, shots, '0-task-list');
  await page.getByRole('link', { name: taskName }).first().click();
  await page.getByRole('heading', { name: taskName, level: 1 }).waitFor();
  await page.getByText(new RegExp(reference)).first().waitFor();
  await page.getByRole('button', { name: 'Aufgabe übernehmen' }).click();
  await page.getByRole('status').getByText('Sie bearbeiten diese Aufgabe jetzt.').waitFor();
}

/** A Kämmerei clerk claims the tax task of the case, finds the DMN's yearly tax on it and confirms it. */
async function confirmTax(browser: Browser, platform: FullPlatform, reference: string, shots: string): Promise<WatchedPage> {
  const kaemmerei = await openGermanPage(browser);
  const { page } = kaemmerei;
  await signInThroughPage(page, platform, 'k-clerk');
  await claimFromList(page, 'Steuerfestsetzung prüfen (Kämmerei)', reference, shots);
  await page.getByText(/Berechnet: 125 € im Jahr/).waitFor();
  // No Befreiung or Ermäßigung was applied for, so the form mentions none.
  await page.getByText('Hunde im Haushalt: 1, davon steuerlich gefährlich: 0.', { exact: true }).waitFor();
  expect(await page.getByText(/(Befreiung|Ermäßigung) beantragt/).count()).toBe(0);
  await expectAccessible(page, `${shots}: Kämmerei task`);
  await keepScreenshot(page, shots, '1-task');
  await page.getByLabel(/^Kassenzeichen/).fill('6.0001.2026');
  await page.getByLabel('Berechnung bestätigt').check();
  await page.getByRole('button', { name: 'Aufgabe abschließen' }).click();
  await page.getByRole('status').getByText('Die Aufgabe ist abgeschlossen.').waitFor();
  await keepScreenshot(page, shots, '2-completed');
  return kaemmerei;
}

/** The citizen's status page, reloaded until the case is closed. */
async function expectClosed(phone: WatchedPage, statusUrl: string, shots: string): Promise<void> {
  const { page } = phone;
  await page.goto(statusUrl);
  await eventually(async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Stand Ihres Antrags', level: 1 }).waitFor();
    return (await page.getByText('Abgeschlossen', { exact: true }).count()) > 0;
  }, 20_000);
  await page.getByText('Abgeschlossen am').waitFor();
  await expectAccessible(page, `${shots}: status closed`);
  await keepScreenshot(page, shots, '5-status-closed');
}

async function bescheidText(platform: FullPlatform, email: string, reference: string): Promise<string> {
  const mail = await platform.mailTo(email, `Hundesteuerbescheid – Aktenzeichen ${reference}`);
  const pdf = mail.message.parts.find((part) => part.contentType === 'application/pdf');
  expect(pdf?.filename).toMatch(/^Hundesteuerbescheid-.*\.pdf$/);
  return (await pdfPageTexts(pdf!.bytes)).join('\n');
}

describe('the Hundeanmeldung in a browser', () => {
  let platform: FullPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startFullPlatform();
    await createStaff(platform.server, 'o-clerk', ['clerk'], ['ordnungsamt']);
    await createStaff(platform.server, 'k-clerk', ['clerk'], ['kaemmerei']);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('takes a large dog from the citizen\'s phone through the Ordnungsamt and the Kämmerei to the Bescheid in the citizen\'s mail', async () => {
    const citizen = { firstName: 'Erika', lastName: 'Mustermann', email: 'erika.mustermann@example.org' };
    const proof = await insuranceCertificate('Bella');
    const phone = await openPhone(browser);
    // A Labrador of 57 cm and 30 kg: a large dog under §11 LHundG NRW, which the Ordnungsamt must check.
    const { reference, statusUrl } = await applyOnPhone(phone.page, platform, citizen, { name: 'Bella', breed: 'Labrador Retriever', heightCm: '57', weightKg: '30' }, proof, 'hundeanmeldung-citizen');
    expect(phone.problems).toEqual([]);

    const ordnungsamt = await openGermanPage(browser);
    const { page } = ordnungsamt;
    await signInThroughPage(page, platform, 'o-clerk');
    await claimFromList(page, 'Nachweise prüfen (Ordnungsamt)', reference, 'hundeanmeldung-ordnungsamt');
    await page.getByRole('cell', { name: 'ANZEIGE_§11' }).waitFor();
    // The citizen's proof, opened from the task: the very file sent from the phone.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'haftpflicht.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('haftpflicht.pdf');
    expect(await readFile(await download.path())).toEqual(proof);
    await expectAccessible(page, 'Ordnungsamt task');
    await keepScreenshot(page, 'hundeanmeldung-ordnungsamt', '1-task');
    await page.getByLabel('Erlaubnis erteilt bzw. Anzeige bestätigt').check();
    await page.getByLabel(/^Nebenbestimmungen/).fill('Leinenpflicht innerorts (§11 Abs. 6 LHundG NRW)');
    await page.getByRole('button', { name: 'Aufgabe abschließen' }).click();
    await page.getByRole('status').getByText('Die Aufgabe ist abgeschlossen.').waitFor();
    await keepScreenshot(page, 'hundeanmeldung-ordnungsamt', '2-completed');
    expect(ordnungsamt.problems).toEqual([]);
    const decision = await platform.mailTo(citizen.email, 'Entscheidung des Ordnungsamts');
    expect(decision.message.parts[0].text).toContain('Leinenpflicht innerorts');

    const kaemmerei = await confirmTax(browser, platform, reference, 'hundeanmeldung-kaemmerei');
    expect(kaemmerei.problems).toEqual([]);

    const bescheid = await bescheidText(platform, citizen.email, reference);
    expect(bescheid).toContain(reference);
    expect(bescheid).toContain('Bella');
    expect(bescheid).toContain(YEARLY_TAX_ONE_DOG);
    expect(bescheid).toContain('Kassenzeichen 6.0001.2026');

    await expectClosed(phone, statusUrl, 'hundeanmeldung-citizen');
    expect(phone.problems).toEqual([]);
  });

  it('sends a small dog to the Kämmerei only, and the Bescheid follows its confirmation', async () => {
    const citizen = { firstName: 'Max', lastName: 'Schmitz', email: 'max.schmitz@example.org' };
    const phone = await openPhone(browser);
    // A Dackel of 25 cm and 9 kg: neither large (§11) nor listed, so the Ordnungsamt has nothing to check.
    const { reference, statusUrl } = await applyOnPhone(phone.page, platform, citizen, { name: 'Waldi', breed: 'Dackel', heightCm: '25', weightKg: '9' }, undefined, 'hundeanmeldung-small-citizen');

    const kaemmerei = await confirmTax(browser, platform, reference, 'hundeanmeldung-small-kaemmerei');
    expect(kaemmerei.problems).toEqual([]);
    const ordnungsamt = await openGermanPage(browser);
    await signInThroughPage(ordnungsamt.page, platform, 'o-clerk');
    await ordnungsamt.page.getByRole('heading', { name: 'Aufgaben', level: 1 }).waitFor();
    await ordnungsamt.page.getByRole('status').getByText('Gefundene Aufgaben: 0').waitFor();

    const bescheid = await bescheidText(platform, citizen.email, reference);
    expect(bescheid).toContain(reference);
    expect(bescheid).toContain('Waldi');
    expect(bescheid).toContain(YEARLY_TAX_ONE_DOG);
    expect(platform.smtp.received.filter((mail) => mail.recipients.includes(citizen.email)).map((mail) => mail.message.headers.subject))
      .toEqual([`Hundesteuerbescheid – Aktenzeichen ${reference}`]);
    await expectClosed(phone, statusUrl, 'hundeanmeldung-small-citizen');
    expect(phone.problems).toEqual([]);
  });
});
