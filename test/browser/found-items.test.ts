/**
 * The Fundbüro's public search in Debian's Chromium on a phone's screen: from the catalogue to "Fundsachen suchen",
 * filtering by keyboard, the number of results announced, paging with the focus on the results, English, and no
 * personal data on the page. The page is a chunk of its own, loaded only when opened. Every state passes axe-core
 * without serious or critical violations and runs without CSP violations.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { FoundItemRegister } from '../../server/found-items/found-item-register.js';
import { placeWords } from '../../server/found-items/place-words.js';
import { expectAccessible } from './support/accessibility.js';
import { launchBrowser, openPage, type WatchedPage } from './support/browser.js';
import { startPlatform, type Platform } from './support/platform.js';
import { keepScreenshot } from './support/staff-api.js';

jest.setTimeout(180_000);

describe('the found-items search on a phone', () => {
  let platform: Platform;
  let browser: Browser;
  let watched: WatchedPage;

  beforeAll(async () => {
    platform = await startPlatform();
    const register = new FoundItemRegister(platform.server.context.sql);
    await register.recordFind({
      aktenzeichen: 'FUND-2026-000100', processInstanceKey: '1', category: 'SCHLUESSEL', publicDescription: 'Schlüsselbund mit drei Schlüsseln',
      publicPlace: 'Innenstadt, Marktplatz', foundOn: '2026-11-02', placeWords: placeWords('Marktplatz, vor dem Haus von Familie Schmitz'),
    });
    for (let n = 1; n <= 11; n++) {
      await register.recordFind({
        aktenzeichen: `FUND-2026-0001${String(n).padStart(2, '0')}`, processInstanceKey: '1', category: 'TASCHE', publicDescription: `schwarzer Rucksack Nr. ${n}`,
        publicPlace: 'Witzhelden', foundOn: `2026-11-${String(n + 2).padStart(2, '0')}`, placeWords: [],
      });
    }
    browser = await launchBrowser();
    watched = await openPage(await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }));
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('finds an item by category and place, announces the count, pages, and speaks English', async () => {
    const { page } = watched;
    const scripts: string[] = [];
    page.on('request', (sent) => {
      if (sent.resourceType() === 'script') scripts.push(sent.url());
    });
    await page.goto(`${platform.url}/`);
    await page.getByRole('heading', { name: 'Online-Dienste der Stadtverwaltung', level: 1 }).waitFor();
    const loadedBefore = scripts.length;

    await page.getByRole('link', { name: 'Fundsachen suchen' }).click();
    await page.getByRole('heading', { name: 'Fundsachen suchen', level: 1 }).waitFor();
    expect(await page.title()).toBe('Fundsachen suchen – Online-Dienste');
    expect(scripts.slice(loadedBefore).some((url) => /FoundItemsPage/.test(url))).toBe(true);
    const status = page.getByRole('status');
    await status.getByText('12 Fundsachen gefunden, 1 bis 10 werden angezeigt.').waitFor();
    await expectAccessible(page, 'found items');
    await keepScreenshot(page, 'found-items', '1-all');

    // By keyboard: choose the category, type a place, press Enter.
    await page.getByLabel('Kategorie').selectOption('SCHLUESSEL');
    await page.getByLabel(/^Fundort/).fill('markt');
    await page.getByLabel(/^Fundort/).press('Enter');
    await status.getByText('1 Fundsache gefunden.').waitFor();
    const item = page.getByRole('listitem').filter({ hasText: 'Schlüsselbund' });
    await item.getByRole('heading', { name: 'Schlüssel: Schlüsselbund mit drei Schlüsseln', level: 3 }).waitFor();
    await item.getByText('2. November 2026').waitFor();
    await item.getByText('FUND-2026-000100').waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/Schmitz|Familie/);
    await expectAccessible(page, 'one found item');
    await keepScreenshot(page, 'found-items', '2-filtered');

    await page.getByLabel('Kategorie').selectOption('');
    await page.getByLabel(/^Fundort/).fill('');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await status.getByText('12 Fundsachen gefunden, 1 bis 10 werden angezeigt.').waitFor();
    await page.getByRole('navigation', { name: 'Seiten' }).getByRole('button', { name: 'Nächste Seite' }).click();
    await status.getByText('12 Fundsachen gefunden, 11 bis 12 werden angezeigt.').waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Suchergebnisse');
    await page.getByRole('button', { name: 'Vorherige Seite' }).waitFor();

    await page.getByLabel('Sprache').selectOption('en');
    await page.getByRole('heading', { name: 'Search found items', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Not there? Report a loss' }).waitFor();
    await expectAccessible(page, 'found items in English');
    await keepScreenshot(page, 'found-items', '3-english');
    expect(watched.problems).toEqual([]);
  });
});
