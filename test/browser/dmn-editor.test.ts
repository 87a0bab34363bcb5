/**
 * The DMN editor end to end in Debian's Chromium: a process manager opens a deployed tax-rate table from the
 * designer's overview, changes a rule's output cell, deploys it, and the engine then evaluates the new rate; a broken
 * cell is rejected with the engine's message, which leads back to the cell; a new decision table starts from the
 * template and deploys as it is. Every page passes axe-core without serious or critical violations and runs without
 * CSP violations; screenshots are kept (support/staff-api.ts).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { ZBClient } from 'zeebe-node';
import { expectAccessible } from './support/accessibility.js';
import { launchBrowser, type WatchedPage } from './support/browser.js';
import { createProcessManager, startPlatform, type Platform } from './support/platform.js';
import { engineClient, keepScreenshot, openGermanPage, signInThroughPage, staffApi } from './support/staff-api.js';

jest.setTimeout(180_000);

/** The Hundesteuer per dog by the number of dogs in the household: one rule for one dog, one for more. */
const TAX_RATES = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="hundesteuersaetze" name="Hundesteuersätze" namespace="http://amtsflow.test/dmn">
  <decision id="steuersatz" name="Steuersatz je Hund">
    <decisionTable id="steuersatzTabelle" hitPolicy="FIRST">
      <input id="anzahlEingabe" label="Hunde im Haushalt">
        <inputExpression id="anzahlAusdruck" typeRef="number"><text>anzahlHunde</text></inputExpression>
      </input>
      <output id="satzAusgabe" label="Satz je Hund (EUR)" name="satz" typeRef="number" />
      <rule id="einHund">
        <inputEntry id="einHundAnzahl"><text>1</text></inputEntry>
        <outputEntry id="einHundSatz"><text>125</text></outputEntry>
      </rule>
      <rule id="mehrereHunde">
        <inputEntry id="mehrereHundeAnzahl"><text>&gt;= 2</text></inputEntry>
        <outputEntry id="mehrereHundeSatz"><text>135</text></outputEntry>
      </rule>
    </decisionTable>
  </decision>
</definitions>
`;

describe('the DMN editor in a browser', () => {
  let platform: Platform;
  let zeebe: ZBClient;
  let browser: Browser;
  let watched: WatchedPage;

  const rateForOneDog = async () => {
    const evaluated = await zeebe.evaluateDecision({ decisionId: 'steuersatz', variables: { anzahlHunde: 1 } } as never) as unknown as { decisionOutput: string; decisionVersion: number };
    return { version: evaluated.decisionVersion, rate: JSON.parse(evaluated.decisionOutput) as unknown };
  };

  beforeAll(async () => {
    platform = await startPlatform();
    await createProcessManager(platform);
    const api = staffApi(platform);
    await api.deploy(await api.signIn('prozess.mueller'), [{ name: 'hundesteuersaetze.dmn', content: TAX_RATES }]);
    zeebe = engineClient(platform);
    browser = await launchBrowser();
    watched = await openGermanPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await zeebe?.close();
    await platform?.stop();
  });

  it('lets a process manager change a rule\'s output and deploy it, after which the engine decides with the new rate', async () => {
    const { page } = watched;
    expect(await rateForOneDog()).toEqual({ version: 1, rate: 125 });
    await signInThroughPage(page, platform, 'prozess.mueller');
    await page.getByRole('heading', { name: 'Designer', level: 1 }).waitFor();
    const decisions = page.getByRole('region', { name: 'Entscheidungen (DMN)' });
    await decisions.getByRole('row', { name: /hundesteuersaetze Hundesteuersätze · Steuersatz je Hund 1/ }).waitFor();
    await expectAccessible(page, 'designer overview with decisions');

    await decisions.getByRole('link', { name: 'hundesteuersaetze', exact: true }).click();
    await page.getByRole('heading', { name: 'Entscheidungen hundesteuersaetze', level: 1 }).waitFor();
    await page.getByText('Geöffnet: Version 1').waitFor();
    const cell = page.locator('[data-element-id="einHundSatz"]');
    await cell.waitFor();
    // dmn-js speaks German through the i18n layer, and the bpmn.io watermark stays visible.
    await page.locator('.dmn-decision-table-container').getByText('Wenn', { exact: true }).waitFor();
    expect(await page.locator('.dmn-decision-table-container .bjs-powered-by').isVisible()).toBe(true);
    await expectAccessible(page, 'DMN editor');
    await keepScreenshot(page, 'dmn-editor', '1-table');

    // The page's own controls come first after the heading, in order, by keyboard.
    await page.getByRole('heading', { name: 'Entscheidungen hundesteuersaetze', level: 1 }).focus();
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.getAttribute('aria-label'));
    await page.keyboard.press('Tab'); // the link back to the overview
    expect(await focusedText()).toBe('Zurück zur Übersicht');
    await page.keyboard.press('Tab');
    expect(await focusedText()).toBe('Bereitstellen');

    // The rule's output cell is reached with Tab from the view buttons and edited by keyboard; Enter on the toolbar deploys.
    await page.getByRole('navigation', { name: 'Ansicht wählen' }).getByRole('button', { name: /Entscheidungstabelle/ }).focus();
    const focusedCell = () => page.evaluate(() => document.activeElement?.closest('[data-element-id]')?.getAttribute('data-element-id'));
    for (let presses = 0; presses < 40 && (await focusedCell()) !== 'einHundSatz'; presses++) await page.keyboard.press('Tab');
    expect(await focusedCell()).toBe('einHundSatz');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('130');
    await page.getByRole('toolbar', { name: 'DMN-Aktionen' }).getByRole('button', { name: 'Bereitstellen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Entscheidungen hundesteuersaetze sind als Version 2 bereitgestellt.').waitFor();
    await keepScreenshot(page, 'dmn-editor', '2-deployed');
    expect(await rateForOneDog()).toEqual({ version: 2, rate: 130 });

    await page.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
    await page.getByRole('link', { name: 'Version 2 von hundesteuersaetze', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Version 1 von hundesteuersaetze', exact: true }).waitFor();
    expect(watched.problems).toEqual([]);
  });

  it('shows the engine\'s rejection of a broken cell, leading to that cell', async () => {
    const { page } = watched;
    await page.goto(`${platform.url}/staff/designer/decisions/hundesteuersaetze`);
    await page.getByText('Geöffnet: Version 2').waitFor();
    const cell = page.locator('[data-element-id="mehrereHundeSatz"]');
    await cell.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('135 *');
    await page.getByRole('heading', { level: 1 }).click();
    await page.getByRole('button', { name: 'Bereitstellen' }).click();

    await page.getByRole('alert').getByText('Die Engine hat die DMN-Datei abgelehnt.', { exact: false }).waitFor();
    const problems = page.getByRole('region', { name: 'Von der Engine gemeldete Fehler' });
    await problems.getByText(/failed to parse expression '135 \*'/).waitFor();
    expect(await cell.evaluate((element) => getComputedStyle(element).boxShadow)).toContain('inset');
    await expectAccessible(page, 'DMN editor with the engine\'s rejection');
    await keepScreenshot(page, 'dmn-editor', '3-rejected');

    await page.getByRole('heading', { level: 1 }).click();
    await problems.getByRole('button', { name: 'Zelle anzeigen: steuersatz › mehrereHunde › outputEntry 1' }).click();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-element-id]')?.getAttribute('data-element-id'))).toBe('mehrereHundeSatz');
    expect(await rateForOneDog()).toEqual({ version: 2, rate: 130 });
    expect(watched.problems).toEqual([]);
  });

  it('starts a new decision table from the template, with its requirements diagram one view away, and deploys it', async () => {
    const { page } = watched;
    await page.goto(`${platform.url}/staff/designer`);
    await page.getByRole('button', { name: 'Neue Entscheidungstabelle anlegen' }).click();
    await page.getByRole('heading', { name: 'Neue Entscheidungen', level: 1 }).waitFor();
    const views = page.getByRole('navigation', { name: 'Ansicht wählen' });
    // The view buttons mark the open view once dmn-js has opened it: wait for that, do not read it at once.
    await views.locator('button[aria-current="true"]', { hasText: 'Entscheidungstabelle' }).waitFor();
    await page.locator('.dmn-decision-table-container').waitFor();

    // Switched by keyboard to the requirements diagram, which carries the watermark too.
    await views.getByRole('button', { name: /Anforderungsdiagramm/ }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.dmn-drd-container').waitFor();
    await views.locator('button[aria-current="true"]', { hasText: 'Anforderungsdiagramm' }).waitFor();
    await page.locator('.dmn-drd-container .bjs-powered-by').waitFor({ state: 'visible' });
    await expectAccessible(page, 'DMN editor on the requirements diagram');
    await keepScreenshot(page, 'dmn-editor', '4-new-drd');

    await page.getByRole('button', { name: 'Bereitstellen' }).click();
    await page.getByRole('status').getByText(/^Entscheidungen Entscheidungen_\w+ sind als Version 1 bereitgestellt\.$/).waitFor();
    expect(watched.problems).toEqual([]);
  });

  it('speaks English in the page and in dmn-js when asked', async () => {
    const { page } = watched;
    await page.goto(`${platform.url}/staff/designer/decisions/hundesteuersaetze`);
    await page.getByText('Geöffnet: Version 2').waitFor();
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await page.getByRole('heading', { name: 'Decisions hundesteuersaetze', level: 1 }).waitFor();
    await page.getByText('Opened: version 2').waitFor();
    await page.getByRole('toolbar', { name: 'DMN actions' }).getByRole('button', { name: 'Deploy' }).waitFor();
    await page.locator('.dmn-decision-table-container').getByText('When', { exact: true }).waitFor();
    await expectAccessible(page, 'DMN editor in English');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
    await page.getByRole('heading', { name: 'Entscheidungen hundesteuersaetze', level: 1 }).waitFor();
    expect(watched.problems).toEqual([]);
  });

  it('keeps dmn-js out of the citizen portal and out of the designer\'s other pages', async () => {
    const { page } = watched;
    const scripts: string[] = [];
    const collect = async (response: { request(): { resourceType(): string }; text(): Promise<string> }) => {
      if (response.request().resourceType() === 'script') scripts.push(await response.text());
    };
    page.on('response', collect);
    await page.goto(`${platform.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.goto(`${platform.url}/staff/designer/processes/new`);
    await page.getByRole('heading', { name: 'Neuer Prozess', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    page.off('response', collect);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).not.toMatch(/dmn-decision-table|dmn-js-parent|dmn:DecisionTable/);
  });
});
