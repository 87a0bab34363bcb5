/**
 * The Fundbüro on the embedded engine through zeebe-node: a find is stored, its owner claims it, or after six months
 * the finder becomes owner (§ 973 BGB) or the city does (§§ 976, 978 BGB); a loss report is compared with the finds.
 * Six months are shortened per instance with `fristen.aufbewahrung`; the default's due date is checked on the timer.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, startProcessTestBed, type ProcessTestBed } from '../testing/process-test-bed.js';

let test: ProcessTestBed;
beforeAll(async () => {
  test = await startProcessTestBed();
});
afterAll(() => test.destroy());

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

const stored = (wert: number) => ({ fundbuero: { lagerort: 'Regal B3', wert } });
const timerOf = (key: string) => [...test.bed.engine.running.engine.state.timers.values()].find((each) => String(each.processInstanceKey) === key);

describe('a find whose owner comes forward', () => {
  it('is stored, waits six months from the Anzeige, and goes to the owner, with the Finderlohn suggested to the clerk', async () => {
    const { form, portal, aktenzeichen } = report();
    const key = await test.submit('fundanzeige', form, portal);
    const store = await test.tasks.take(key, 'Einlagern');
    expect(store.candidateGroups).toEqual(['fundbuero']);
    await test.tasks.complete(store, stored(120));

    await eventually(() => test.activeElements(key).includes('AufVerliererWarten'));
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
  });
});

describe('six months without a claim (§ 973 BGB)', () => {
  it('make the finder owner: the finder is told by mail and collects the item', async () => {
    const { form, portal, email } = report({}, { fristen: { aufbewahrung: 'PT0.5S' } });
    const key = await test.submit('fundanzeige', form, portal);
    await test.tasks.completeTask(key, 'Einlagern', stored(120));
    const collect = await test.tasks.take(key, 'AnFinderUebergeben');
    const [mail] = test.mailsTo(email);
    expect(mail.message.headers.subject).toContain('Sie sind jetzt Eigentümer');
    expect(mail.message.parts[0].text).toContain('§ 973 BGB');
    await test.tasks.complete(collect, { uebergabe: { identitaetGeprueft: true, gebuehr: 6 } });
    await test.finished(key);
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
    const { form, portal, email } = report({ fundortArt: 'BEHOERDE_OEPNV', fundort: 'Bus 250, Haltestelle Rathaus' }, { fristen: { aufbewahrung: 'PT0.5S' } });
    const key = await test.submit('fundanzeige', form, portal);
    await test.tasks.completeTask(key, 'Einlagern', { fundbuero: { lagerort: 'Regal A1', wert: 1000, finderIstBediensteter: false } });
    const dispose = await test.tasks.take(key, 'Verwerten');
    expect(dispose.variables.finderlohn).toMatchObject({ betrag: 20 });
    await test.tasks.complete(dispose, { verwertung: { art: 'VERSTEIGERT', erloes: 410 } });
    await test.finished(key);
    expect(test.mailsTo(email)).toHaveLength(0);
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
  const loss = (email: string) => ({
    verlorenAb: '2026-11-20', verlustort: 'Stadtpark', kategorie: 'SCHLUESSEL', beschreibung: 'Schlüsselbund mit rotem Anhänger',
    geheimesMerkmal: 'Anhänger mit Gravur "M."', verlierer: { firstName: 'Mia', lastName: 'Neumann', email }, sprache: 'de', consent: true,
  });
  const portal = (email: string, extra: Record<string, unknown> = {}) => ({ aktenzeichen: `FUND-V-${email.slice(0, 4)}`, ...extra });

  it('tells the loser when the Fundbüro finds a match', async () => {
    const key = await test.submit('verlustmeldung', loss('mia1@example.org'), portal('mia1@example.org'));
    await test.tasks.completeTask(key, 'Abgleichen', { abgleich: { ergebnis: 'GEFUNDEN', fundAktenzeichen: 'FUND-2026-00001' } });
    await test.finished(key);
    expect(test.mailsTo('mia1@example.org')[0].message.headers.subject).toContain('Wir haben etwas gefunden');
  });

  it('waits for a new matching find and is compared again, and expires after its storage period', async () => {
    const waiting = await test.submit('verlustmeldung', loss('mia2@example.org'), portal('mia2@example.org'));
    await test.tasks.completeTask(waiting, 'Abgleichen', { abgleich: { ergebnis: 'NICHT_GEFUNDEN' } });
    await eventually(() => test.activeElements(waiting).includes('AufTrefferWarten'));
    expect((timerOf(waiting)!.dueDate - Date.now()) / DAY).toBeGreaterThan(180);
    await test.zbc.publishMessage({ name: 'verlustmeldung-treffer', correlationKey: 'FUND-V-mia2', variables: { treffer: 'FUND-2026-00042' }, timeToLive: 60_000 });
    await test.tasks.completeTask(waiting, 'Abgleichen', { abgleich: { ergebnis: 'GEFUNDEN', fundAktenzeichen: 'FUND-2026-00042' } });
    await test.finished(waiting);

    const expiring = await test.submit('verlustmeldung', loss('mia3@example.org'), portal('mia3@example.org', { fristen: { speicherung: 'PT0.5S' } }));
    await test.tasks.completeTask(expiring, 'Abgleichen', { abgleich: { ergebnis: 'NICHT_GEFUNDEN' } });
    await test.finished(expiring);
    expect(test.mailsTo('mia3@example.org')).toHaveLength(0);
  });
});
