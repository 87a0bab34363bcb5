/** The Hundeabmeldung on the embedded engine: the Kämmerei always, the Ordnungsamt only for dogs in its register. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pdfPageTexts } from '../../connectors/builtin/pdf/testing/pdf-text.js';
import { startProcessTestBed, type ProcessTestBed } from '../testing/process-test-bed.js';

let test: ProcessTestBed;
beforeAll(async () => {
  test = await startProcessTestBed();
});
afterAll(() => test.destroy());

/** The start form's data; the portal adds the Aktenzeichen. */
const deregistration = (email: string, extra: Record<string, unknown> = {}) => ({
  owner: { firstName: 'Jonas', lastName: 'Krüger', email, street: 'Brückenstraße 2', postalCode: '42799', city: 'Leichlingen' },
  dog: { name: 'Bello', taxTag: '0815', chipNumber: '276098106123456' },
  leftOn: '2026-08-20',
  reason: 'VERSTORBEN',
  registeredWithOrdnungsamt: false,
  consent: true,
  ...extra,
});

const kaemmerei = { kaemmerei: { kassenzeichen: '6.0001.2026', steuerpflichtEndetAm: '2026-08-31', erstattungBetrag: 41.67, steuermarkeZurueck: true } };

describe('deregistering a dog', () => {
  it('ends the tax with a confirmation by mail when the dog was not in the Ordnungsamt\'s register', async () => {
    const key = await test.submit('hundeabmeldung', deregistration('one@example.org'), { aktenzeichen: 'HUND-2026-A-1' });
    const task = await test.tasks.take(key, 'AbmeldungBearbeiten');
    expect(task.candidateGroups).toEqual(['kaemmerei']);
    expect(await test.tasks.hasNone(key, 'RegisterBerichtigen')).toBe(true);
    await test.tasks.complete(task, kaemmerei);
    const variables = await test.finished(key);
    const { bytes } = await test.bed.documents.get((variables.bestaetigung as { documentId: string }).documentId);
    const text = (await pdfPageTexts(bytes)).join('\n');
    expect(text).toContain('zum 2026-08-31 von der Hundesteuer abgemeldet');
    expect(text).toContain('41,67 €');
    expect(test.mailsTo('one@example.org')).toHaveLength(1);
  });

  it('also asks the Ordnungsamt to correct its register for a large or listed dog that was given away', async () => {
    const key = await test.submit('hundeabmeldung', deregistration('two@example.org', { registeredWithOrdnungsamt: true, reason: 'ABGEGEBEN', newOwner: 'Tierheim Leverkusen' }), { aktenzeichen: 'HUND-2026-A-2' });
    const register = await test.tasks.take(key, 'RegisterBerichtigen');
    expect(register.candidateGroups).toEqual(['ordnungsamt']);
    expect(register.variables.newOwner).toBe('Tierheim Leverkusen');
    await test.tasks.completeTask(key, 'AbmeldungBearbeiten', kaemmerei);
    expect(test.isActive(key)).toBe(true);
    await test.tasks.complete(register, { ordnungsamt: { registerBerichtigt: true, vermerk: 'Tierheim zur Anzeige nach §11 aufgefordert' } });
    await test.finished(key);
  });
});
