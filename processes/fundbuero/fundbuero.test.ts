/**
 * The Fundbüro on the embedded engine through zeebe-node: a find is stored, its owner claims it, or after six months
 * the finder becomes owner (§ 973 BGB) or the city does (§§ 976, 978 BGB); a loss report is compared with the finds.
 * Six months are shortened per instance with `fristen.aufbewahrung`; the default's due date is checked on the timer.
 * The server's found-items register runs beside them (its job worker on its own PGlite), as `npm start` runs it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { foundItemsRegister, openServerStorage, type FoundItemRegister } from '../../server/index.js';
import type { SqlClient } from '../../engine/storage/index.js';
import { eventually, startProcessTestBed, type ProcessTestBed } from '../testing/process-test-bed.js';

let test: ProcessTestBed;
let register: FoundItemRegister;
let registerStorage: { sql: SqlClient; dataDir: string; stop: () => Promise<void> };
beforeAll(async () => {
  test = await startProcessTestBed();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-fundbuero-'));
  const sql = await openServerStorage({ dataDir });
  const running = foundItemsRegister({ sql, zeebe: test.zbc, logger: pino({ level: 'silent' }) });
  running.worker.start();
  register = running.register;
  registerStorage = { sql, dataDir, stop: () => running.worker.stop() };
}, 120_000);
afterAll(async () => {
  await registerStorage.stop();
  await test.destroy();
  await registerStorage.sql.close();
  await rm(registerStorage.dataDir, { recursive: true, force: true });
});

let finds = 0;
const DAY = 86_400_000;

/** A Fundanzeige as the finder fills in the start form (`form`), and what the portal adds (`portal`). */
function report(extra: Record<string, unknown> = {}, portal: Record<string, unknown> = {}) {
  finds += 1;
  const aktenzeichen = `FUND-2026-${String(finds).padStart(5, '0')}`;
  const email = `finder${finds}@example.org`;
  return {
    aktenzeichen,
    email,
    portal: { aktenzeichen, ...portal },
    form: {
      fundDatum: new Date().toISOString().slice(0, 10),
      fundort: 'Marktplatz, Bank vor dem Rathaus',
      fundortArt: 'OEFFENTLICH',
      kategorie: 'GELDBOERSE',
      beschreibung: 'braune Lederbörse mit Bahncard',
      geschaetzterWert: 120,
      verwahrung: 'ABGEGEBEN',
      finderlohnGewuenscht: true,
      eigentumGewuenscht: true,
      finder: { firstName: 'Ali', lastName: 'Yilmaz', email, phone: null, address: 'Neukirchener Str. 5, 42799 Leichlingen' },
      consent: true,
      ...extra,
    },
  };
}

const stored = (wert: number, publicFields: Record<string, unknown> = {}) => ({
  fundbuero: { lagerort: 'Regal B3', wert, oeffentlicheBeschreibung: 'braune Geldbörse', oeffentlicherFundort: 'Innenstadt, Marktplatz', ...publicFields },
});
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
/** The public search as the portal asks it: the first page of a category. */
const listed = async (category: string) => (await register.search({ category, offset: 0, limit: 50 })).items;
const timerOf = (key: string) => [...test.bed.engine.running.engine.state.timers.values()].find((each) => String(each.processInstanceKey) === key);

describe('a find whose owner comes forward', () => {
  it('is stored, waits six months from the Anzeige, and goes to the owner, with the Finderlohn suggested to the clerk', async () => {
    const { form, portal, aktenzeichen } = report();
    const key = await test.submit('fundanzeige', form, portal);
    const store = await test.tasks.take(key, 'Einlagern');
    expect(store.candidateGroups).toEqual(['fundbuero']);
    await test.tasks.complete(store, stored(120));

    await eventually(() => test.activeElements(key).includes('AufVerliererWarten'));
    expect(await listed('GELDBOERSE')).toContainEqual({ aktenzeichen, category: 'GELDBOERSE', description: 'braune Geldbörse', place: 'Innenstadt, Marktplatz', foundOn: form.fundDatum });
    const timer = timerOf(key)!;
    expect(timer.targetElementId).toBe('AufbewahrungsfristAbgelaufen');
    const days = (timer.dueDate - Date.now()) / DAY;
    expect(days).toBeGreaterThan(180);
    expect(days).toBeLessThan(185);

    await test.zbc.publishMessage({
      name: 'fundsache-verlierer-gemeldet', correlationKey: aktenzeichen, timeToLive: 60_000,
      variables: { verlierer: { firstName: 'Eva', lastName: 'Berg' }, verlustBeschreibung: 'braune Geldbörse', geheimesMerkmal: 'Foto einer Katze im Seitenfach' },
    });
    const handOver = await test.tasks.take(key, 'AnVerliererHerausgeben');
    expect(handOver.variables.finderlohn).toEqual({ betrag: 6, regel: '§ 971 Abs. 1 BGB: 5 % bis 500 €, 3 % darüber' });
    await test.tasks.complete(handOver, { herausgabe: { identitaetGeprueft: true, finderlohn: 6, gebuehr: 6 } });
    await test.finished(key);
    expect(timerOf(key)).toBeUndefined();
    expect(await register.stateOf(aktenzeichen)).toBe('handed-over');
    expect((await listed('GELDBOERSE')).map((item) => item.aktenzeichen)).not.toContain(aktenzeichen);
  });
});

describe('six months without a claim (§ 973 BGB)', () => {
  it('make the finder owner: the find leaves the public search, the finder is told by mail and collects the item', async () => {
    const { form, portal, email, aktenzeichen } = report({}, { fristen: { aufbewahrung: 'PT0.5S' } });
    const key = await test.submit('fundanzeige', form, portal);
    await test.tasks.completeTask(key, 'Einlagern', stored(120));
    const collect = await test.tasks.take(key, 'AnFinderUebergeben');
    expect(await register.stateOf(aktenzeichen)).toBe('owner-acquired');
    expect((await listed('GELDBOERSE')).map((item) => item.aktenzeichen)).not.toContain(aktenzeichen);
    const [mail] = test.mailsTo(email);
    expect(mail.message.headers.subject).toContain('Sie sind jetzt Eigentümer');
    expect(mail.message.parts[0].text).toContain('§ 973 BGB');
    await test.tasks.complete(collect, { uebergabe: { identitaetGeprueft: true, gebuehr: 6 } });
    await test.finished(key);
    expect(await register.stateOf(aktenzeichen)).toBe('handed-over');
  });

  it('count from the day of the find for a find worth 10 € or less, so an old small find is the finder\'s at once', async () => {
    const sevenMonthsAgo = new Date(Date.now() - 213 * DAY).toISOString().slice(0, 10);
    const { form, portal, email } = report({ geschaetzterWert: 8, kategorie: 'SPIELZEUG', fundDatum: sevenMonthsAgo });
    const key = await test.submit('fundanzeige', form, portal);
    const store = await test.tasks.take(key, 'Einlagern');
    expect(store.variables.fund).toMatchObject({ kleinfund: true, eigentumAb: expect.stringMatching(new RegExp(`^${new Date(Date.parse(sevenMonthsAgo)).getUTCFullYear()}`)) });
    await test.tasks.complete(store, stored(8));
    await test.tasks.take(key, 'AnFinderUebergeben');
    expect(test.mailsTo(email)).toHaveLength(1);
  });

  it('make the city owner when the find was in a Behörde or a bus (§ 978 BGB), and the Fundbüro disposes of it', async () => {
    const { form, portal, email, aktenzeichen } = report({ fundortArt: 'BEHOERDE_OEPNV', fundort: 'Bus 250, Haltestelle Rathaus' }, { fristen: { aufbewahrung: 'PT0.5S' } });
    const key = await test.submit('fundanzeige', form, portal);
    await test.tasks.completeTask(key, 'Einlagern', stored(1000, { lagerort: 'Regal A1', finderIstBediensteter: false }));
    const dispose = await test.tasks.take(key, 'Verwerten');
    expect(dispose.variables.finderlohn).toMatchObject({ betrag: 20 });
    expect(await register.stateOf(aktenzeichen)).toBe('owner-acquired');
    await test.tasks.complete(dispose, { verwertung: { art: 'VERSTEIGERT', erloes: 410 } });
    await test.finished(key);
    expect(test.mailsTo(email)).toHaveLength(0);
    expect(await register.stateOf(aktenzeichen)).toBe('disposed');
  });

  it('make the city owner when the finder waived ownership', async () => {
    const { form, portal } = report({ eigentumGewuenscht: false }, { fristen: { aufbewahrung: 'PT0.5S' } });
    const key = await test.submit('fundanzeige', form, portal);
    await test.tasks.completeTask(key, 'Einlagern', stored(120));
    await test.tasks.completeTask(key, 'Verwerten', { verwertung: { art: 'GESPENDET' } });
    await test.finished(key);
  });

  it('make the city owner when the finder does not collect the item in time (§ 976 Abs. 2 BGB)', async () => {
    const { form, portal } = report({}, { fristen: { aufbewahrung: 'PT0.5S', abholung: 'PT0.5S' } });
    const key = await test.submit('fundanzeige', form, portal);
    await test.tasks.completeTask(key, 'Einlagern', stored(120));
    const dispose = await test.tasks.take(key, 'Verwerten');
    expect(test.activeElements(key)).toEqual(['Verwerten']);
    expect(await test.tasks.hasNone(key, 'AnFinderUebergeben')).toBe(true);
    await test.tasks.complete(dispose, { verwertung: { art: 'VERNICHTET' } });
    await test.finished(key);
  });
});

describe('a loss report', () => {
  let losses = 0;
  /** A Verlustmeldung as the loser fills it in, and its Aktenzeichen (what the portal passes). */
  const loss = (extra: Record<string, unknown> = {}) => {
    losses += 1;
    const email = `mia${losses}@example.org`;
    return {
      email,
      aktenzeichen: `FUND-V-${losses}`,
      form: {
        verlorenAb: daysAgo(3), verlustort: 'Stadtpark am Wupperufer', kategorie: 'SCHLUESSEL', beschreibung: 'Schlüsselbund mit rotem Anhänger',
        geheimesMerkmal: 'Anhänger mit Gravur "M."', verlierer: { firstName: 'Mia', lastName: 'Neumann', email }, sprache: 'de', consent: true, ...extra,
      },
    };
  };
  const submitLoss = (report: ReturnType<typeof loss>, portal: Record<string, unknown> = {}) =>
    test.submit('verlustmeldung', report.form, { aktenzeichen: report.aktenzeichen, ...portal });
  /** A find of `kategorie` stored by the Fundbüro (so it waits for its owner), with its Aktenzeichen. */
  const storedFind = async (kategorie: string, fundDatum: string, publicPlace: string, fundort = publicPlace) => {
    const find = report({ kategorie, fundDatum, fundort, beschreibung: `${kategorie} ${finds}` });
    const key = await test.submit('fundanzeige', find.form, find.portal);
    await test.tasks.completeTask(key, 'Einlagern', stored(40, { oeffentlicheBeschreibung: `${kategorie} (${finds})`, oeffentlicherFundort: publicPlace }));
    await eventually(() => test.activeElements(key).includes('AufVerliererWarten'));
    return { key, aktenzeichen: find.aktenzeichen };
  };
  const candidatesOf = (task: { variables: Record<string, unknown> }) => (task.variables.kandidaten as { value: string }[]).map((each) => each.value);

  it('is proposed the stored finds of its category and time, best place first; the confirmed find goes to its owner', async () => {
    const elsewhere = await storedFind('TASCHE', daysAgo(2), 'Bahnhof');
    const inThePark = await storedFind('TASCHE', daysAgo(1), 'Stadtpark', 'Stadtpark, Bank am Spielplatz');
    const beforeTheLoss = await storedFind('TASCHE', daysAgo(10), 'Stadtpark');
    const report = loss({ kategorie: 'TASCHE', beschreibung: 'grüner Rucksack' });
    const key = await submitLoss(report);

    const compare = await test.tasks.take(key, 'Abgleichen');
    expect(candidatesOf(compare)).toEqual([inThePark.aktenzeichen, elsewhere.aktenzeichen]);
    expect(candidatesOf(compare)).not.toContain(beforeTheLoss.aktenzeichen);
    expect(compare.variables.kandidaten).toContainEqual(expect.objectContaining({ value: inThePark.aktenzeichen, place: 'Stadtpark', sharedPlaceWords: ['stadtpark'] }));
    await test.tasks.complete(compare, { abgleich: { ergebnis: 'GEFUNDEN', fundAktenzeichen: inThePark.aktenzeichen } });
    await test.finished(key);
    expect(test.mailsTo(report.email)[0].message.headers.subject).toContain('Wir haben etwas gefunden');

    const handOver = await test.tasks.take(inThePark.key, 'AnVerliererHerausgeben');
    expect(handOver.variables).toMatchObject({
      verlierer: { firstName: 'Mia', lastName: 'Neumann', email: report.email }, verlustBeschreibung: 'grüner Rucksack',
      geheimesMerkmal: 'Anhänger mit Gravur "M."', verlustAktenzeichen: report.aktenzeichen,
    });
    expect(test.activeElements(elsewhere.key)).toEqual(['AufVerliererWarten']);
    await test.tasks.complete(handOver, { herausgabe: { identitaetGeprueft: true, finderlohn: 2, gebuehr: 3 } });
    await test.finished(inThePark.key);
    expect(candidatesOf(await test.tasks.take(await submitLoss(loss({ kategorie: 'TASCHE' })), 'Abgleichen'))).toEqual([elsewhere.aktenzeichen]);
  });

  it('goes back to the comparison when the chosen find was given to another owner meanwhile', async () => {
    const find = await storedFind('BRILLE', daysAgo(0), 'Rathaus');
    const first = await submitLoss(loss({ kategorie: 'BRILLE' }));
    const second = await submitLoss(loss({ kategorie: 'BRILLE' }));
    const firstCompare = await test.tasks.take(first, 'Abgleichen');
    const secondCompare = await test.tasks.take(second, 'Abgleichen');
    expect(candidatesOf(secondCompare)).toEqual([find.aktenzeichen]);
    await test.tasks.complete(firstCompare, { abgleich: { ergebnis: 'GEFUNDEN', fundAktenzeichen: find.aktenzeichen } });
    await test.finished(first);
    expect(await register.stateOf(find.aktenzeichen)).toBe('claimed');
    expect((await listed('BRILLE')).map((item) => item.aktenzeichen)).not.toContain(find.aktenzeichen);

    await test.tasks.complete(secondCompare, { abgleich: { ergebnis: 'GEFUNDEN', fundAktenzeichen: find.aktenzeichen } });
    expect(candidatesOf(await test.tasks.take(second, 'Abgleichen'))).toEqual([]);
    expect(test.mailsTo(`mia${losses}@example.org`)).toHaveLength(0);
    expect((await test.tasks.take(find.key, 'AnVerliererHerausgeben')).variables.verlustAktenzeichen).toBe(`FUND-V-${losses - 1}`);
  });

  it('waits for a new matching find and is compared again with it, and expires after its storage period', async () => {
    const report = loss({ kategorie: 'ELEKTRONIK', verlustort: 'Brückenstraße' });
    const waiting = await submitLoss(report);
    expect(candidatesOf(await test.tasks.take(waiting, 'Abgleichen'))).toEqual([]);
    await test.tasks.completeTask(waiting, 'Abgleichen', { abgleich: { ergebnis: 'NICHT_GEFUNDEN' } });
    await eventually(() => test.activeElements(waiting).includes('AufTrefferWarten'));
    expect((timerOf(waiting)!.dueDate - Date.now()) / DAY).toBeGreaterThan(180);

    const otherCategory = await storedFind('KLEIDUNG', daysAgo(0), 'Brückenstraße');
    const phone = await storedFind('ELEKTRONIK', daysAgo(0), 'Innenstadt', 'Brückenstr. 12, vor der Apotheke');
    const again = await test.tasks.take(waiting, 'Abgleichen');
    expect(candidatesOf(again)).toEqual([phone.aktenzeichen]);
    expect(candidatesOf(again)).not.toContain(otherCategory.aktenzeichen);
    // "Brückenstr. 12" and "Brückenstraße" share the street's name.
    expect(again.variables.kandidaten).toContainEqual(expect.objectContaining({ value: phone.aktenzeichen, sharedPlaceWords: ['bruecken'] }));
    await test.tasks.complete(again, { abgleich: { ergebnis: 'GEFUNDEN', fundAktenzeichen: phone.aktenzeichen } });
    await test.finished(waiting);
    await test.tasks.take(phone.key, 'AnVerliererHerausgeben');

    const expiring = loss({ kategorie: 'FAHRRAD' });
    const expiringKey = await submitLoss(expiring, { fristen: { speicherung: 'PT0.5S' } });
    await test.tasks.completeTask(expiringKey, 'Abgleichen', { abgleich: { ergebnis: 'NICHT_GEFUNDEN' } });
    await test.finished(expiringKey);
    expect(test.mailsTo(expiring.email)).toHaveLength(0);
    // Deleted from the matching: a new bicycle does not wake it.
    const bicycle = await storedFind('FAHRRAD', daysAgo(0), 'Stadtpark');
    expect(await test.tasks.hasNone(expiringKey, 'Abgleichen')).toBe(true);
    expect(test.activeElements(bicycle.key)).toEqual(['AufVerliererWarten']);
  });
});
