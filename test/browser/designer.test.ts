/**
 * End to end in Debian's Chromium: a process manager signs in, imports a form and a process through the designer,
 * sees the lint problems of the broken process block its deploy, fixes it in the properties panel and deploys it.
 * Every page visited passes axe-core without serious or critical violations and runs without CSP violations.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import { DeploymentStore } from '../../server/index.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { launchBrowser, openPage, type WatchedPage } from './support/browser.js';
import { dragFormFieldToEnd, selectFormField, setFieldPattern } from './support/form-editor.js';
import { createProcessManager, startPlatform, STAFF_PASSWORD, type Platform } from './support/platform.js';

jest.setTimeout(180_000);

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

async function expectAccessible(page: Page, where: string) {
  const violations = await seriousAccessibilityViolations(page);
  expect({ where, violations }).toEqual({ where, violations: [] });
}

describe('the designer in a browser', () => {
  let platform: Platform;
  let browser: Browser;
  let context: BrowserContext;
  let watched: WatchedPage;

  beforeAll(async () => {
    platform = await startPlatform();
    await createProcessManager(platform);
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    watched = await openPage(context);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('lets a process manager sign in, deploy a start form, and deploy a process only once its lint errors are fixed', async () => {
    const { page } = watched;
    await page.goto(`${platform.url}/staff/`);
    await page.getByRole('heading', { name: 'Anmeldung', level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('de');

    // A sign-in with nothing entered names both fields, tied to them.
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').getByText('Bitte geben Sie Ihren Benutzernamen ein.').waitFor();
    expect(await page.getByLabel('Benutzername').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'sign-in with errors');

    await page.getByLabel('Benutzername').fill('prozess.mueller');
    await page.getByLabel('Passwort').fill(STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Designer', level: 1 }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Designer' }).getAttribute('aria-current')).toBe('page');
    await page.getByText('Noch kein Prozess bereitgestellt.').waitFor();
    await expectAccessible(page, 'designer overview');

    // The start form: imported, previewed live, a field dragged onto it (the editor keeps its own preact because
    // dragging broke on newer ones, form-js#760), deployed.
    await page.getByLabel('Formular-Datei importieren').setInputFiles(fixture('hund-anmelden-start.form'));
    await page.getByRole('heading', { name: 'Neues Formular', level: 1 }).waitFor();
    expect(await page.getByLabel('Formular-ID').inputValue()).toBe('hund-anmelden-start');
    const preview = page.locator('.form-preview-container');
    await preview.getByLabel('Name des Hundes').waitFor();
    await dragFormFieldToEnd(page, 'textarea');
    await preview.getByRole('textbox', { name: 'Text area' }).waitFor();
    expect(await preview.locator('label').allTextContents()).toEqual(['Name des Hundes*', 'Rasse', 'Text area']);
    const checks = page.getByRole('region', { name: 'Prüfung' });
    await checks.getByText('Keine Probleme gefunden: Portal, Aufgabenliste und Server können das Formular prüfen.').waitFor();

    // What is entered in the preview is checked with the server's rules, at the preview's fields.
    await checks.getByRole('button', { name: 'Eingaben der Vorschau prüfen' }).click();
    await checks.getByText('Ungültige Eingaben in der Vorschau: 1. Sie sind an den Feldern markiert.').waitFor();
    await preview.locator('.fjs-form-field-error', { hasText: 'Dieses Feld ist ein Pflichtfeld.' }).waitFor();
    await preview.getByLabel(/^Name des Hundes/).fill('Bello');
    await checks.getByRole('button', { name: 'Eingaben der Vorschau prüfen' }).click();
    await checks.getByText('Die Eingaben der Vorschau sind gültig: der Server nähme sie so an.').waitFor();

    // A pattern no browser can use: named at once, deploying waits, and the problem leads to its field.
    await setFieldPattern(page, 'rasse', '[');
    await checks.getByText('Probleme im Formular: 1. So kann es nicht bereitgestellt werden.').waitFor();
    await checks.getByText(/validate\.pattern is not a valid regular expression/).waitFor();
    await page.getByRole('button', { name: 'Formular bereitstellen' }).click();
    await page.getByRole('alert').getByText('Bitte beheben Sie zuerst die Probleme des Formulars (siehe Prüfung).').waitFor();
    await expectAccessible(page, 'form editor with a problem');
    await selectFormField(page, 'hundename');
    await checks.getByRole('button', { name: 'Feld rasse anzeigen' }).click();
    await page.locator('.form-editor-container .fjs-element.fjs-editor-selected[data-id="rasse"]').waitFor();
    await setFieldPattern(page, 'rasse', '');
    await checks.getByText('Keine Probleme gefunden: Portal, Aufgabenliste und Server können das Formular prüfen.').waitFor();

    await expectAccessible(page, 'form editor');
    await page.getByRole('button', { name: 'Formular bereitstellen' }).click();
    await page.getByRole('status').getByText('Formular hund-anmelden-start ist als Version 1 bereitgestellt.').waitFor();

    // The process: its service task has no job type, which the Camunda 8.3 rules report as an error.
    await page.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
    await page.getByRole('heading', { name: 'Designer', level: 1 }).waitFor();
    await page.getByLabel('BPMN-Datei importieren').setInputFiles(fixture('hund-anmelden.bpmn'));
    await page.getByRole('heading', { name: 'Neuer Prozess', level: 1 }).waitFor();
    const lintPanel = page.getByRole('region', { name: 'Prüfung' });
    await lintPanel.getByText(/^Fehler: 1,/).waitFor();
    await page.locator('.lint-badge--error').first().waitFor();
    const deployButton = page.getByRole('toolbar', { name: 'Prozess-Aktionen' }).getByRole('button', { name: 'Bereitstellen' });
    expect(await deployButton.getAttribute('aria-disabled')).toBe('true');
    await page.getByText('Bereitstellen ist erst möglich, wenn alle Fehler behoben sind.').waitFor();
    await expectAccessible(page, 'modeler with lint errors');

    const deploymentsBefore = await deployedProcesses(platform);
    await deployButton.click({ force: true }); // aria-disabled keeps it focusable and clickable; the click must do nothing
    await page.waitForTimeout(500);
    expect(await deployedProcesses(platform)).toEqual(deploymentsBefore);

    // Fix it where the list points: select the element, give it a job type in the properties panel.
    await lintPanel.getByRole('button', { name: 'Element Bescheid erstellen anzeigen' }).click();
    const properties = page.getByRole('region', { name: 'Eigenschaften des ausgewählten Elements' });
    await properties.getByText('Aufgabendefinition', { exact: true }).click();
    await properties.getByLabel('Job-Typ').fill('bescheid-erstellen');
    await lintPanel.getByText(/^(Keine Probleme gefunden\.|Fehler: 0,)/).waitFor();
    expect(await deployButton.getAttribute('aria-disabled')).toBe('false');
    await expectAccessible(page, 'modeler without errors');

    // The changes are not deployed yet: leaving the page, or switching the language (which rebuilds the modeler), asks.
    const asked: string[] = [];
    const decline = (dialog: Dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    };
    page.on('dialog', decline);
    await page.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    page.off('dialog', decline);
    expect(asked).toEqual(Array(2).fill('Ihre Änderungen sind weder bereitgestellt noch heruntergeladen und gehen verloren. Trotzdem fortfahren?'));
    await page.getByRole('heading', { name: 'Neuer Prozess', level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await properties.getByLabel('Job-Typ').inputValue()).toBe('bescheid-erstellen');

    await deployButton.click();
    await page.getByRole('status').getByText('Prozess hund-anmelden ist als Version 1 bereitgestellt.').waitFor();

    // What the engine got: the user task for the Kämmerei, the linked start form and the fixed job type.
    const xml = await deployedXml(platform, 'hund-anmelden', 1);
    expect(xml).toContain('candidateGroups="kaemmerei"');
    expect(xml).toContain('formId="hund-anmelden-start"');
    expect(xml).toMatch(/<zeebe:taskDefinition type="bescheid-erstellen"/);

    await page.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
    await page.getByRole('link', { name: 'Version 1 von hund-anmelden', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Version 1 von hund-anmelden-start', exact: true }).waitFor();
    await expectAccessible(page, 'designer overview with deployments');

    // Published in the citizen portal: the prefix is checked before anything is sent, then the service is listed.
    const publishForm = page.getByRole('form', { name: 'Prozess im Portal veröffentlichen' });
    await publishForm.getByLabel('Prozess').selectOption('hund-anmelden');
    await publishForm.getByLabel('Titel').fill('Hund anmelden');
    await publishForm.getByLabel('Aktenzeichen-Präfix').fill('h1');
    await publishForm.getByRole('button', { name: 'Veröffentlichen' }).click();
    await publishForm.getByText('Bitte geben Sie zwei bis acht Großbuchstaben ein.').waitFor();
    await publishForm.getByLabel('Aktenzeichen-Präfix').fill('HUNDE');
    await publishForm.getByRole('button', { name: 'Veröffentlichen' }).click();
    await page.getByRole('status').getByText('„Hund anmelden“ ist im Portal veröffentlicht.').waitFor();
    await page.getByRole('row', { name: /Hund anmelden hund-anmelden HUNDE veröffentlicht/ }).waitFor();
    const catalogue = await (await fetch(`${platform.url}/api/portal/services`)).json() as { services: unknown[] };
    expect(catalogue.services).toEqual([{ id: 'hund-anmelden', title: 'Hund anmelden', description: '' }]);
    await expectAccessible(page, 'designer overview with a published service');

    // The bpmn.io watermark stays visible in the modeler.
    await page.getByRole('link', { name: 'hund-anmelden', exact: true }).click();
    await page.getByText('Geöffnet: Version 1').waitFor();
    expect(await page.locator('.bjs-powered-by').isVisible()).toBe(true);

    expect(watched.problems).toEqual([]);
  });

  it('applies a connector template to a task and deploys its fields as Zeebe inputs and headers', async () => {
    const { page } = watched;
    // The server route arrives with the connectors' server module; until then the test serves a generated-style template.
    await page.route('**/api/element-templates', (route) => route.fulfill({ json: [MAIL_TEMPLATE] }));
    await page.goto(`${platform.url}/staff/designer/processes/hund-anmelden`);
    await page.getByText('Geöffnet: Version 1').waitFor();
    await page.locator('[data-element-id="bescheid-erstellen"]').click();
    await page.getByRole('button', { name: 'Connector-Vorlage anwenden' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connector-Vorlage wählen' });
    await dialog.getByLabel('Vorlagen durchsuchen').fill('mail');
    await expectAccessible(page, 'template chooser');
    await dialog.getByRole('button', { name: /Bescheid per E-Mail/ }).click();

    const properties = page.getByRole('region', { name: 'Eigenschaften des ausgewählten Elements' });
    await properties.getByText('Verknüpfung zur Vorlage lösen').waitFor();
    await properties.getByLabel('Empfänger').fill('=antragsteller.email');
    await properties.getByLabel('Vorlage').selectOption('bescheid-versand');
    const lintPanel = page.getByRole('region', { name: 'Prüfung' });
    await lintPanel.getByText(/^(Keine Probleme gefunden\.|Fehler: 0,)/).waitFor();
    await expectAccessible(page, 'modeler with a templated task');
    await page.getByRole('toolbar', { name: 'Prozess-Aktionen' }).getByRole('button', { name: 'Bereitstellen' }).click();
    await page.getByRole('status').getByText('Prozess hund-anmelden ist als Version 2 bereitgestellt.').waitFor();

    const xml = await deployedXml(platform, 'hund-anmelden', 2);
    expect(xml).toContain('zeebe:modelerTemplate="amtsflow:mail-send:1"');
    expect(xml).toMatch(/<zeebe:taskDefinition type="amtsflow:mail-send:1"/);
    expect(xml).toMatch(/<zeebe:input source="=antragsteller.email" target="to" \/>/);
    expect(xml).toMatch(/<zeebe:header key="template" value="bescheid-versand" \/>/);
    await page.unroute('**/api/element-templates');
    expect(watched.problems).toEqual([]);
  });

  it('speaks English when asked, remembered across pages', async () => {
    const { page } = watched;
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.goto(`${platform.url}/staff/designer`);
    await page.getByRole('heading', { name: 'Designer', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Model a new process' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await expectAccessible(page, 'sign-in in English');
  });

  it('lets staff sign in by keyboard alone, starting from the skip link', async () => {
    const { page } = watched;
    await page.goto(`${platform.url}/staff/`);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.getAttribute('name') || document.activeElement?.tagName);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    await page.keyboard.press('Tab'); // the language
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('username');
    await page.keyboard.type('prozess.mueller');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('password');
    await page.keyboard.type(STAFF_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Designer', level: 1 }).waitFor();
  });

  it('serves the citizen portal as its own bundle without modeler code, accessibly', async () => {
    const portal = await openPage(context);
    const scripts: string[] = [];
    portal.page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.push(await response.text());
    });
    await portal.page.goto(`${platform.url}/`);
    await portal.page.getByRole('heading', { level: 1 }).waitFor();
    await portal.page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).not.toMatch(/djs-container|bpmn-js|fjs-editor|bpmnlint/);
    const html = await readFile(new URL('../../designer/dist/index.html', import.meta.url), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    await expectAccessible(portal.page, 'portal');
    expect(portal.problems).toEqual([]);
  });
});

/** Shaped like the templates connectors/templates generates. */
const MAIL_TEMPLATE = {
  $schema: 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json',
  id: 'amtsflow:mail-send:1',
  name: 'Bescheid per E-Mail',
  version: 1,
  description: 'Sends a mail from a template',
  appliesTo: ['bpmn:Task'],
  elementType: { value: 'bpmn:ServiceTask' },
  groups: [{ id: 'input', label: 'Eingabe' }],
  properties: [
    { type: 'Hidden', value: 'amtsflow:mail-send:1', binding: { type: 'zeebe:taskDefinition', property: 'type' } },
    { id: 'to', label: 'Empfänger', type: 'String', feel: 'optional', group: 'input', constraints: { notEmpty: true }, binding: { type: 'zeebe:input', name: 'to' } },
    { id: 'template', label: 'Vorlage', type: 'Dropdown', group: 'input', value: 'eingangsbestaetigung',
      choices: [{ name: 'Eingangsbestätigung', value: 'eingangsbestaetigung' }, { name: 'Bescheid-Versand', value: 'bescheid-versand' }],
      binding: { type: 'zeebe:taskHeader', key: 'template' } },
  ],
};

async function deployedProcesses(platform: Platform): Promise<number> {
  return (await new DeploymentStore(platform.server.context.sql).list('process')).length;
}

async function deployedXml(platform: Platform, processId: string, version: number): Promise<string> {
  return (await new DeploymentStore(platform.server.context.sql).content('process', processId, version))?.content ?? '';
}
