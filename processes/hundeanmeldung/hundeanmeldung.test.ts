/**
 * The Hundeanmeldung on the embedded engine through zeebe-node, with the real PDF and mail connectors: who gets a
 * task for which dog, the Nachforderung of proofs (answered by a message, or the deadline passes), and the
 * Hundesteuerbescheid the citizen receives.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pdfPageTexts } from '../../connectors/builtin/pdf/testing/pdf-text.js';
import { eventually, startProcessTestBed, type ProcessTestBed } from '../testing/process-test-bed.js';

let test: ProcessTestBed;
beforeAll(async () => {
  test = await startProcessTestBed();
});
afterAll(() => test.destroy());

let applications = 0;

interface DogInput {
  name: string;
  breed?: string;
  breedOther?: string;
  heightCm: number;
  weightKg: number;
  puppy?: boolean;
  adultHeightCm?: number;
  adultWeightKg?: number;
  incident?: boolean;
}

/**
 * An application as the citizen fills in the start form (`form`), and what the portal adds (`portal`): the Aktenzeichen,
 * the tax year, shortened deadlines.
 */
function application(dogs: DogInput[], extra: Record<string, unknown> = {}, portal: Record<string, unknown> = {}) {
  applications += 1;
  const email = `halter${applications}@example.org`;
  const aktenzeichen = `HUND-2026-${String(applications).padStart(5, '0')}`;
  return {
    email,
    aktenzeichen,
    portal: { aktenzeichen, steuerjahr: 2026, ...portal },
    form: {
      owner: { salutation: 'Frau', firstName: 'Erika', lastName: `Schmitz${applications}`, birthDate: '1980-04-01', email, street: 'Am Büscherhof 1', postalCode: '42799', city: 'Leichlingen', language: 'de' },
      dogs: dogs.map((dog) => ({ breed: 'Andere', sex: 'weiblich', birthDate: '2024-03-01', chipNumber: '276098106123456', insurer: 'Provinzial', policyNumber: 'HV-1', ...dog })),
      keptSince: '2026-01-01',
      dogsAlreadyRegistered: 0,
      taxExemption: null,
      taxReduction: null,
      sepaMandate: false,
      consent: true,
      ...extra,
    },
  };
}

const dackel: DogInput = { name: 'Waldi', breedOther: 'Dackel', heightCm: 25, weightKg: 9 };
const labrador: DogInput = { name: 'Bello', breedOther: 'Labrador Retriever', heightCm: 57, weightKg: 30 };

async function bescheidText(variables: Record<string, unknown>): Promise<string> {
  const { documentId } = variables.bescheid as { documentId: string };
  const { bytes } = await test.bed.documents.get(documentId);
  return (await pdfPageTexts(bytes)).join('\n');
}

/** A Befreiung or Ermäßigung needs a proof: the file picker's value names the upload, as the browser registers it. */
const PROOF = 'files::nachweis';
const PROOF_UPLOAD = { [PROOF]: [{ name: 'bescheid-jobcenter.pdf', type: 'application/pdf', size: 20_000 }] };

const confirmTax = { kaemmerei: { kassenzeichen: '6.0001.2026', ergebnis: 'BESTAETIGT' } };

describe('a dog that is neither large nor listed (T1)', () => {
  it('goes to the Kämmerei only, and the citizen receives a Hundesteuerbescheid of 125,00 € by mail', async () => {
    const { form, portal, email } = application([dackel]);
    const key = await test.submit('hundeanmeldung', form, portal);
    const task = await test.tasks.take(key, 'SteuerPruefen');
    expect(task.candidateGroups).toEqual(['kaemmerei']);
    expect(task.formKey).toBeDefined();
    expect(task.variables.steuer).toMatchObject({ jahresbetrag: 125, anteilig: 125, monateImJahr: 12 });
    expect(task.variables.einstufungen).toEqual([{ hund: 'Waldi', rasse: 'Dackel', verfahren: 'KEINE', nachweise: [] }]);
    expect(await test.tasks.hasNone(key, 'NachweisePruefen')).toBe(true);
    await test.tasks.complete(task, confirmTax);

    const result = await test.finished(key);
    const text = await bescheidText(result);
    expect(text).toContain('Hundesteuerbescheid');
    expect(text).toContain('125,00 €');
    expect(text).toContain('Kassenzeichen 6.0001.2026');
    expect(text).toContain('Rechtsbehelfsbelehrung');
    const [mail] = test.mailsTo(email);
    expect(mail.message.headers.subject).toBe('Hundesteuerbescheid – Aktenzeichen HUND-2026-00001');
    expect(mail.message.parts.some((part) => part.contentType.startsWith('application/pdf'))).toBe(true);
  });
});

describe('a large dog (T2)', () => {
  it('is checked by the Ordnungsamt beside the Kämmerei, and the citizen hears of both', async () => {
    const { form, portal, email, aktenzeichen } = application([labrador]);
    const key = await test.submit('hundeanmeldung', form, portal);
    const check = await test.tasks.take(key, 'NachweisePruefen');
    const tax = await test.tasks.take(key, 'SteuerPruefen');
    expect(check.candidateGroups).toEqual(['ordnungsamt']);
    expect(check.variables.einstufungen).toEqual([expect.objectContaining({ verfahren: 'ANZEIGE_§11', nachweise: expect.arrayContaining(['SACHKUNDE', 'HAFTPFLICHT']) })]);
    expect(tax.variables.steuer).toMatchObject({ jahresbetrag: 125 });

    await test.tasks.complete(check, { ordnungsamt: { ergebnis: 'ERTEILT', nebenbestimmungen: 'Leinenpflicht innerorts (§11 Abs. 6)' } });
    await eventually(() => test.mailsTo(email).length === 1);
    expect(test.isActive(key)).toBe(true);
    await test.tasks.complete(tax, confirmTax);
    await test.finished(key);

    const subjects = test.mailsTo(email).map((mail) => mail.message.headers.subject);
    expect(subjects).toEqual([`Hundeanmeldung ${aktenzeichen}: Entscheidung des Ordnungsamts`, `Hundesteuerbescheid – Aktenzeichen ${aktenzeichen}`]);
    expect(test.mailsTo(email)[0].message.parts[0].text).toContain('Nebenbestimmungen: Leinenpflicht innerorts');
  });
});

describe('missing proofs', () => {
  it('are asked for by mail with a deadline (14 days unless configured), and the citizen\'s upload brings the case back to the Ordnungsamt', async () => {
    const { form, portal, email, aktenzeichen } = application([{ ...labrador, name: 'Rex', breed: 'Rottweiler', breedOther: undefined, heightCm: 62, weightKg: 45 }]);
    const key = await test.submit('hundeanmeldung', form, portal);
    await test.tasks.completeTask(key, 'SteuerPruefen', confirmTax);
    const check = await test.tasks.take(key, 'NachweisePruefen');
    expect(check.variables.einstufungen).toEqual([expect.objectContaining({ rasse: 'Rottweiler', verfahren: 'ERLAUBNIS_§10' })]);
    await test.tasks.complete(check, { ordnungsamt: { ergebnis: 'NACHWEISE_FEHLEN', fehlendeNachweise: ['FUEHRUNGSZEUGNIS', 'SACHKUNDE'] } });

    await eventually(() => test.activeElements(key).includes('AufNachweiseWarten') || test.incidents(key).length > 0);
    expect(test.incidents(key)).toEqual([]);
    const timer = [...test.bed.engine.running.engine.state.timers.values()].find((each) => String(each.processInstanceKey) === key)!;
    expect(timer.targetElementId).toBe('NachreichFristAbgelaufen');
    expect(timer.dueDate - Date.now()).toBeGreaterThan(14 * 24 * 3600_000 - 60_000);
    const request = test.mailsTo(email).find((mail) => mail.message.headers.subject.includes('Nachweise nach'))!;
    expect(request.message.parts[0].text).toContain('- Führungszeugnis');
    expect(request.message.parts[0].text).toContain('- Sachkundenachweis');

    // As the portal publishes it when the citizen hands the proofs in by the status link: the files as the task list shows them.
    const proofs = [{ id: '0f9c2f4e-6b1d-4c33-9a55-2f1e0c7b8a11', name: 'fuehrungszeugnis.pdf', contentType: 'application/pdf', size: 48_213 }];
    await test.zbc.publishMessage({ name: 'hundeanmeldung-nachweise', correlationKey: aktenzeichen, messageId: proofs[0].id, variables: { nachgereichteNachweise: proofs }, timeToLive: 60_000 });
    const again = await test.tasks.take(key, 'NachweisePruefen');
    expect(again.variables.nachgereichteNachweise).toEqual(proofs);
    expect(again.variables.nachreichFristAbgelaufen).toBeUndefined();
    await test.tasks.complete(again, { ordnungsamt: { ergebnis: 'ERTEILT', fehlendeNachweise: null } });
    await test.finished(key);
  });

  it('that do not come by the deadline bring the case back marked as overdue, and the Ordnungsamt may refuse the Erlaubnis', async () => {
    const { form, portal, email } = application([{ name: 'Tyson', breed: 'American Staffordshire Terrier', heightCm: 46, weightKg: 28 }], {}, { fristen: { nachreichen: 'PT0.5S' } });
    const key = await test.submit('hundeanmeldung', form, portal);
    await test.tasks.completeTask(key, 'SteuerPruefen', confirmTax);
    await test.tasks.completeTask(key, 'NachweisePruefen', { ordnungsamt: { ergebnis: 'NACHWEISE_FEHLEN', fehlendeNachweise: ['BESONDERES_INTERESSE'] } });
    const overdue = await test.tasks.take(key, 'NachweisePruefen');
    expect(overdue.variables.nachreichFristAbgelaufen).toBe(true);
    await test.tasks.complete(overdue, { ordnungsamt: { ergebnis: 'VERSAGT', begruendung: 'Kein besonderes Interesse nachgewiesen (§4 Abs. 2 LHundG NRW).' } });
    await test.finished(key);
    const decision = test.mailsTo(email).find((mail) => mail.message.headers.subject.includes('Entscheidung'))!;
    expect(decision.message.parts[0].text).toContain('Die Erlaubnis wird versagt. Begründung: Kein besonderes Interesse');
  });
});

describe('the Hundesteuer through the process', () => {
  it('T7 and T13: an AmStaff of a Bürgergeld recipient costs 875 €, and a correction by the Kämmerei goes into the Bescheid with its reason', async () => {
    const { form, portal } = application([{ name: 'Tyson', breed: 'American Staffordshire Terrier', heightCm: 46, weightKg: 28 }], { taxReduction: 'SGB_II', taxProof: PROOF });
    const key = await test.submit('hundeanmeldung', form, portal, PROOF_UPLOAD);
    const tax = await test.tasks.take(key, 'SteuerPruefen');
    expect(tax.variables.steuer).toMatchObject({ jahresbetrag: 875, steuerlichGefaehrlich: 1, faktor: 1 });
    await test.tasks.complete(tax, { kaemmerei: { kassenzeichen: '6.0002.2026', ergebnis: 'KORRIGIERT', festgesetzterBetrag: 437.5, begruendung: 'Verhaltensprüfung bestanden, Ermäßigung nach § 4 der Satzung.' } });
    await test.tasks.completeTask(key, 'NachweisePruefen', { ordnungsamt: { ergebnis: 'ERTEILT' } });
    const text = await bescheidText(await test.finished(key));
    expect(text).toContain('437,50 €');
    expect(text).toContain('Abweichend von der Berechnung: Verhaltensprüfung bestanden');
  });

  it('T14: a dog taken in on 15 May pays from June, 7/12 × 125 € = 72,92 €, collected by SEPA direct debit', async () => {
    const { form, portal } = application([dackel], { keptSince: '2026-05-15', sepaMandate: true, sepa: { accountHolder: 'Erika Schmitz', iban: 'DE02120300000000202051' } });
    const key = await test.submit('hundeanmeldung', form, portal);
    const tax = await test.tasks.take(key, 'SteuerPruefen');
    expect(tax.variables.steuer).toMatchObject({ jahresbetrag: 125, anteilig: 72.92, monateImJahr: 7 });
    await test.tasks.complete(tax, confirmTax);
    const text = await bescheidText(await test.finished(key));
    expect(text).toContain('Hundesteuer 2026 (7 von 12 Monaten)');
    expect(text).toContain('SEPA-Lastschriftmandats eingezogen');
    expect(text).toContain('72,92 €');
  });

  it('T5, T3 and T11: a household of a Beagle, a Border Collie puppy and a Blindenführhund with an exemption; the puppy counts by its adult size', async () => {
    const beagle = { name: 'Snoopy', breedOther: 'Beagle', heightCm: 38, weightKg: 14 };
    const puppy = { name: 'Flocke', breedOther: 'Border Collie', heightCm: 20, weightKg: 6, puppy: true, adultHeightCm: 53, adultWeightKg: 18 };
    const { form, portal } = application([beagle, puppy], { dogsAlreadyRegistered: 0 });
    const key = await test.submit('hundeanmeldung', form, portal);
    const check = await test.tasks.take(key, 'NachweisePruefen');
    expect((check.variables.einstufungen as { verfahren: string }[]).map((each) => each.verfahren)).toEqual(['KEINE', 'ANZEIGE_§11']);
    const tax = await test.tasks.take(key, 'SteuerPruefen');
    expect(tax.variables.steuer).toMatchObject({ jahresbetrag: 270 });
    await test.tasks.complete(check, { ordnungsamt: { ergebnis: 'ERTEILT' } });
    await test.tasks.complete(tax, confirmTax);
    await test.finished(key);

    const guide = application([{ name: 'Lotte', breedOther: 'Golden Retriever', heightCm: 56, weightKg: 30 }], { taxExemption: 'BL', taxProof: PROOF });
    const guideKey = await test.submit('hundeanmeldung', guide.form, guide.portal, PROOF_UPLOAD);
    expect((await test.tasks.take(guideKey, 'SteuerPruefen')).variables.steuer).toMatchObject({ jahresbetrag: 0, faktor: 0 });
    expect((await test.tasks.take(guideKey, 'NachweisePruefen')).candidateGroups).toEqual(['ordnungsamt']);
  });

  it('T10: a dog that bit a person goes to the Ordnungsamt for the Einzelfallprüfung and keeps the normal rate', async () => {
    const { form, portal } = application([{ ...labrador, name: 'Hasso', incident: true }], { dogsAlreadyRegistered: 1 });
    const key = await test.submit('hundeanmeldung', form, portal);
    expect((await test.tasks.take(key, 'NachweisePruefen')).variables.einstufungen).toEqual([expect.objectContaining({ verfahren: 'EINZELFALLPRUEFUNG_§3_ABS3' })]);
    expect((await test.tasks.take(key, 'SteuerPruefen')).variables.steuer).toMatchObject({ jahresbetrag: 270 });
  });
});
