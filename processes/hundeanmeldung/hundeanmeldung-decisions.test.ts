/**
 * domain.md §1.4, T1 to T14, against the process's own decision tables, evaluated by the embedded engine through
 * zeebe-node's EvaluateDecision, as a business rule task would call them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { startTestEngine, type TestEngine } from '../../connectors/testing/engine-test-support.js';

const dmn = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
  await engine.zbc.deployResource({ name: 'hund-einstufung.dmn', process: Buffer.from(dmn('hund-einstufung.dmn')) });
  await engine.zbc.deployResource({ name: 'hundesteuer.dmn', process: Buffer.from(dmn('hundesteuer.dmn')) });
});
afterAll(() => engine.destroy());

async function evaluate(decisionId: string, variables: Record<string, unknown>): Promise<any> {
  const response = await engine.zbc.evaluateDecision({ decisionId, variables } as never) as unknown as { decisionOutput: string; failureMessage?: string };
  if (response.failureMessage) throw new Error(response.failureMessage);
  return JSON.parse(response.decisionOutput);
}

interface Dog { breed: string; heightCm: number; weightKg: number; einzelfallGefaehrlich?: boolean }

const procedureFor = ({ breed, heightCm, weightKg, einzelfallGefaehrlich = false }: Dog) =>
  evaluate('hundEinstufung', { breed, einzelfallGefaehrlich, expectedAdultHeightCm: heightCm, expectedAdultWeightKg: weightKg });

interface Household {
  anzahlHunde: number;
  anzahlGefaehrlich?: number;
  anzahlParagraph10?: number;
  befreiungsgrund?: string | null;
  ermaessigungsgrund?: string | null;
  monateImJahr?: number;
  stichtag?: string;
}

const taxFor = (household: Household) => evaluate('hundesteuer', {
  anzahlGefaehrlich: 0, anzahlParagraph10: 0, befreiungsgrund: null, ermaessigungsgrund: null, monateImJahr: 12, stichtag: '2026-01-01', ...household,
});

describe('Ordnungsamt: which procedure a dog needs under the LHundG NRW', () => {
  it('T1: a Dackel of 25 cm and 9 kg needs none', async () => {
    expect(await procedureFor({ breed: 'Dackel', heightCm: 25, weightKg: 9 })).toEqual({ verfahren: 'KEINE', nachweise: [] });
  });

  it('T2: a Labrador of 57 cm and 30 kg is notified under §11, with Sachkunde, chip and Haftpflicht', async () => {
    expect(await procedureFor({ breed: 'Labrador Retriever', heightCm: 57, weightKg: 30 })).toEqual({
      verfahren: 'ANZEIGE_§11', nachweise: ['SACHKUNDE', 'ZUVERLAESSIGKEIT_ERKLAERUNG', 'MIKROCHIP', 'HAFTPFLICHT'],
    });
  });

  it('T3: a Border Collie puppy counts with its adult size (the caller passes about 53 cm)', async () => {
    expect((await procedureFor({ breed: 'Border Collie', heightCm: 53, weightKg: 6 })).verfahren).toBe('ANZEIGE_§11');
  });

  it('T4: 40,0 cm or 20 kg is large (≥ is inclusive), 39,9 cm and 19,9 kg is not', async () => {
    expect((await procedureFor({ breed: 'Mischling', heightCm: 40, weightKg: 15 })).verfahren).toBe('ANZEIGE_§11');
    expect((await procedureFor({ breed: 'Mischling', heightCm: 30, weightKg: 20 })).verfahren).toBe('ANZEIGE_§11');
    expect((await procedureFor({ breed: 'Mischling', heightCm: 39.9, weightKg: 19.9 })).verfahren).toBe('KEINE');
  });

  it('T5: a Beagle of 38 cm and 14 kg needs none', async () => {
    expect((await procedureFor({ breed: 'Beagle', heightCm: 38, weightKg: 14 })).verfahren).toBe('KEINE');
  });

  it('T7: an American Staffordshire Terrier needs an Erlaubnis under §4 with Führungszeugnis and besonderes Interesse', async () => {
    const { verfahren, nachweise } = await procedureFor({ breed: 'American Staffordshire Terrier', heightCm: 46, weightKg: 28 });
    expect(verfahren).toBe('ERLAUBNIS_§4_GEFAEHRLICH');
    expect(nachweise).toEqual(expect.arrayContaining(['FUEHRUNGSZEUGNIS', 'BESONDERES_INTERESSE']));
  });

  it('T8: a Staffordshire Bullterrier cross is gefährlich like the breed, even when small', async () => {
    expect((await procedureFor({ breed: 'Kreuzung mit Staffordshire Bullterrier', heightCm: 38, weightKg: 17 })).verfahren).toBe('ERLAUBNIS_§4_GEFAEHRLICH');
  });

  it('T9: a Rottweiler needs an Erlaubnis under §10, without besonderes Interesse', async () => {
    const { verfahren, nachweise } = await procedureFor({ breed: 'Rottweiler', heightCm: 62, weightKg: 45 });
    expect(verfahren).toBe('ERLAUBNIS_§10');
    expect(nachweise).not.toContain('BESONDERES_INTERESSE');
  });

  it('T10: a Labrador that bit a person goes to the Einzelfallprüfung under §3 Abs. 3', async () => {
    expect((await procedureFor({ breed: 'Labrador Retriever', heightCm: 57, weightKg: 30, einzelfallGefaehrlich: true })).verfahren)
      .toBe('EINZELFALLPRUEFUNG_§3_ABS3');
  });

  it('T11: a Blindenführhund is classified by its size like any dog', async () => {
    expect((await procedureFor({ breed: 'Golden Retriever', heightCm: 56, weightKg: 30 })).verfahren).toBe('ANZEIGE_§11');
  });
});

describe('Kämmerei: the Hundesteuer of a household (Leichlingen, "je Hund")', () => {
  it('T1, T2, T3, T4: one dog that is not gefährlich costs 125,00 € a year, whatever its size', async () => {
    expect(await taxFor({ anzahlHunde: 1 })).toMatchObject({ jahresbetrag: 125, anteilig: 125, jahresbetragCent: 12500, modell: 'JE_HUND', satzungGueltigAb: '2023-07-01' });
  });

  it('T5: two dogs cost 2 × 135 € = 270 € per household', async () => {
    expect(await taxFor({ anzahlHunde: 2 })).toMatchObject({ jahresbetrag: 270 });
  });

  it('T6: three dogs cost 3 × 175 € = 525 €', async () => {
    expect(await taxFor({ anzahlHunde: 3 })).toMatchObject({ jahresbetrag: 525 });
  });

  it('T7, T8: one gefährlicher Hund costs 875 €, more than one 1.080 € each', async () => {
    expect(await taxFor({ anzahlHunde: 1, anzahlGefaehrlich: 1 })).toMatchObject({ jahresbetrag: 875, steuerlichGefaehrlich: 1 });
    expect(await taxFor({ anzahlHunde: 2, anzahlGefaehrlich: 2 })).toMatchObject({ jahresbetrag: 2160 });
  });

  it('T9: a Rottweiler (§10) pays the normal rate while the Satzung does not count §10 dogs as gefährlich', async () => {
    expect(await taxFor({ anzahlHunde: 1, anzahlParagraph10: 1 })).toMatchObject({ jahresbetrag: 125, steuerlichGefaehrlich: 0 });
  });

  it('T10: a dog in the Einzelfallprüfung keeps the normal rate until the Feststellung', async () => {
    expect(await taxFor({ anzahlHunde: 1, anzahlGefaehrlich: 0 })).toMatchObject({ jahresbetrag: 125 });
  });

  it('T11: a Blindenführhund (Merkzeichen BL) is exempt', async () => {
    expect(await taxFor({ anzahlHunde: 1, befreiungsgrund: 'BL' })).toMatchObject({ jahresbetrag: 0, anteilig: 0, faktor: 0 });
  });

  it('T12: a Bürgergeld recipient with one small dog pays half, 62,50 €', async () => {
    expect(await taxFor({ anzahlHunde: 1, ermaessigungsgrund: 'SGB_II' })).toMatchObject({ jahresbetrag: 62.5, anteiligCent: 6250 });
  });

  it('T13: a Bürgergeld recipient with an AmStaff gets no reduction, 875 €', async () => {
    expect(await taxFor({ anzahlHunde: 1, anzahlGefaehrlich: 1, ermaessigungsgrund: 'SGB_II' })).toMatchObject({ jahresbetrag: 875 });
  });

  it('T14: a first dog from June (acquired 15.05.) pays 7/12 × 125 € = 72,92 €', async () => {
    expect(await taxFor({ anzahlHunde: 1, monateImJahr: 7, stichtag: '2026-05-15' })).toMatchObject({ jahresbetrag: 125, anteilig: 72.92, anteiligCent: 7292 });
  });

  it('computes no amount before the first Satzung in the table (the Kämmerei must set it; a Bescheid without one stops with an incident)', async () => {
    expect(await taxFor({ anzahlHunde: 1, stichtag: '2020-01-01' })).toMatchObject({ jahresbetrag: null, anteiligCent: null, satzungGueltigAb: null });
  });
});

describe('the Kämmerei edits one table: the rates, the model and the §10 rule are columns', () => {
  async function deployVariant(change: (xml: string) => string) {
    await engine.zbc.deployResource({ name: 'hundesteuer.dmn', process: Buffer.from(change(dmn('hundesteuer.dmn'))) });
  }
  afterAll(async () => deployVariant((xml) => xml));

  it('T5 in the marginal model (STAFFEL): 125 € + 135 € = 260 €', async () => {
    await deployVariant((xml) => xml.replace('<text>"JE_HUND"</text>', '<text>"STAFFEL"</text>'));
    expect(await taxFor({ anzahlHunde: 2 })).toMatchObject({ jahresbetrag: 260, modell: 'STAFFEL' });
    expect(await taxFor({ anzahlHunde: 3 })).toMatchObject({ jahresbetrag: 435 });
  });

  it('T9 when the Satzung counts §10 dogs as gefährlich: a Rottweiler costs 875 €', async () => {
    await deployVariant((xml) => xml.replace('<outputEntry id="Satzung2023Paragraph10"><text>false</text>', '<outputEntry id="Satzung2023Paragraph10"><text>true</text>'));
    expect(await taxFor({ anzahlHunde: 1, anzahlParagraph10: 1 })).toMatchObject({ jahresbetrag: 875 });
  });
});
