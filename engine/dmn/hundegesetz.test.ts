/**
 * The test cases of domain.md §1.4 (Leichlingen, LHundG NRW and Hundesteuer) against the decision tables in
 * test-fixtures/: T1 to T14, each for the Ordnungsamt and for the Kämmerei.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { fixture, outputOf, parseGraph } from './dmn-test-documents.js';
import type { DecisionRequirementsGraph } from './model.js';

let routing: DecisionRequirementsGraph;
let tax: DecisionRequirementsGraph;

beforeAll(async () => {
  routing = await parseGraph(fixture('ordnungsamt-routing.dmn'));
  tax = await parseGraph(fixture('hundesteuer.dmn'));
});

interface Dog {
  breed: string;
  heightCm: number;
  weightKg: number;
  einzelfallGefaehrlich?: boolean;
}

function procedureFor({ breed, heightCm, weightKg, einzelfallGefaehrlich = false }: Dog): { verfahren: string; nachweise: string[] } {
  return outputOf(routing, 'ordnungsamtRouting', {
    breed, einzelfallGefaehrlich, expectedAdultHeightCm: heightCm, expectedAdultWeightKg: weightKg,
  }) as { verfahren: string; nachweise: string[] };
}

interface Household {
  anzahlHunde: number;
  anzahlGefaehrlich?: number;
  befreiungsgrund?: string;
  ermaessigungsgrund?: string;
  monateImJahr?: number;
  stichtag?: string;
}

function taxFor({ anzahlGefaehrlich = 0, monateImJahr = 12, stichtag = '2024-01-01', ...household }: Household) {
  return outputOf(tax, 'hundesteuer', { anzahlGefaehrlich, monateImJahr, stichtag, befreiungsgrund: null, ermaessigungsgrund: null, ...household });
}

const dackel: Dog = { breed: 'Dackel', heightCm: 25, weightKg: 9 };
const labrador: Dog = { breed: 'Labrador Retriever', heightCm: 57, weightKg: 30 };
const beagle: Dog = { breed: 'Beagle', heightCm: 38, weightKg: 14 };
const amStaff: Dog = { breed: 'American Staffordshire Terrier', heightCm: 46, weightKg: 28 };

describe('T1: a Dackel, 25 cm and 9 kg, the first dog', () => {
  it('needs no procedure at the Ordnungsamt', () => {
    expect(procedureFor(dackel)).toEqual({ verfahren: 'KEINE', nachweise: [] });
  });

  it('costs 125,00 € a year', () => {
    expect(taxFor({ anzahlHunde: 1 })).toEqual({ jahresbetrag: 125, anteilig: 125 });
  });
});

describe('T2: a Labrador, 57 cm and 30 kg', () => {
  it('is notified to the Ordnungsamt under §11, with Sachkunde, chip and Haftpflicht', () => {
    const { verfahren, nachweise } = procedureFor(labrador);
    expect(verfahren).toBe('ANZEIGE_§11');
    expect(nachweise).toEqual(expect.arrayContaining(['SACHKUNDE', 'MIKROCHIP', 'HAFTPFLICHT']));
  });

  it('costs 125,00 €', () => {
    expect(taxFor({ anzahlHunde: 1 })).toMatchObject({ jahresbetrag: 125 });
  });
});

describe('T3: a Border Collie puppy of 10 weeks and 6 kg, about 53 cm as an adult', () => {
  it('is notified under §11, since the adult size counts', () => {
    expect(procedureFor({ breed: 'Border Collie', heightCm: 53, weightKg: 6 }).verfahren).toBe('ANZEIGE_§11');
  });

  it('costs 125,00 €', () => {
    expect(taxFor({ anzahlHunde: 1 })).toMatchObject({ jahresbetrag: 125 });
  });
});

describe('T4: the limits of §11 are inclusive', () => {
  it('notifies a dog of exactly 40,0 cm and 15 kg, and not one of 39,9 cm and 19,9 kg', () => {
    expect(procedureFor({ breed: 'Mischling', heightCm: 40, weightKg: 15 }).verfahren).toBe('ANZEIGE_§11');
    expect(procedureFor({ breed: 'Mischling', heightCm: 39.9, weightKg: 19.9 }).verfahren).toBe('KEINE');
    expect(procedureFor({ breed: 'Mischling', heightCm: 30, weightKg: 20 }).verfahren).toBe('ANZEIGE_§11');
  });

  it('costs 125,00 €', () => {
    expect(taxFor({ anzahlHunde: 1 })).toMatchObject({ jahresbetrag: 125 });
  });
});

describe('T5: a Beagle of 38 cm and 14 kg as the second dog', () => {
  it('needs no procedure', () => {
    expect(procedureFor(beagle).verfahren).toBe('KEINE');
  });

  it('moves both dogs to 135 €: 270 € for the household', () => {
    expect(taxFor({ anzahlHunde: 2 })).toMatchObject({ jahresbetrag: 270 });
  });
});

describe('T6: three dogs, none dangerous', () => {
  it('classifies each dog by itself', () => {
    expect([dackel, labrador, beagle].map((dog) => procedureFor(dog).verfahren)).toEqual(['KEINE', 'ANZEIGE_§11', 'KEINE']);
  });

  it('costs 3 × 175 € = 525 €', () => {
    expect(taxFor({ anzahlHunde: 3 })).toMatchObject({ jahresbetrag: 525 });
  });
});

describe('T7: an American Staffordshire Terrier', () => {
  it('needs an Erlaubnis under §4, with Führungszeugnis and besonderes Interesse', () => {
    const { verfahren, nachweise } = procedureFor(amStaff);
    expect(verfahren).toBe('ERLAUBNIS_§4_GEFAEHRLICH');
    expect(nachweise).toEqual(expect.arrayContaining(['FUEHRUNGSZEUGNIS', 'BESONDERES_INTERESSE']));
  });

  it('costs 875 €', () => {
    expect(taxFor({ anzahlHunde: 1, anzahlGefaehrlich: 1 })).toMatchObject({ jahresbetrag: 875 });
  });
});

describe('T8: a Staffordshire Bullterrier cross (Mischling)', () => {
  it('counts as its breed and needs an Erlaubnis under §4', () => {
    expect(procedureFor({ breed: 'Kreuzung mit Staffordshire Bullterrier', heightCm: 38, weightKg: 17 }).verfahren).toBe('ERLAUBNIS_§4_GEFAEHRLICH');
  });

  it('costs 875 €', () => {
    expect(taxFor({ anzahlHunde: 1, anzahlGefaehrlich: 1 })).toMatchObject({ jahresbetrag: 875 });
  });
});

describe('T9: a Rottweiler', () => {
  it('needs an Erlaubnis under §10, which ranks before the notification of a large dog', () => {
    expect(procedureFor({ breed: 'Rottweiler', heightCm: 63, weightKg: 50 }).verfahren).toBe('ERLAUBNIS_§10');
    expect(procedureFor({ breed: 'Kreuzung mit Rottweiler', heightCm: 30, weightKg: 12 }).verfahren).toBe('ERLAUBNIS_§10');
  });

  it('costs 125 € when the Satzung counts only §3 dogs as gefährlich, and 875 € when it counts §10 dogs too (VERIFY)', () => {
    expect(taxFor({ anzahlHunde: 1 })).toMatchObject({ jahresbetrag: 125 });
    expect(taxFor({ anzahlHunde: 1, anzahlGefaehrlich: 1 })).toMatchObject({ jahresbetrag: 875 });
  });
});

describe('T10: a Labrador that bit a person', () => {
  it('goes to the Einzelfallprüfung under §3 Abs. 3, ahead of the notification', () => {
    expect(procedureFor({ ...labrador, einzelfallGefaehrlich: true })).toEqual({ verfahren: 'EINZELFALLPRUEFUNG_§3_ABS3', nachweise: [] });
  });

  it('is taxed as before until the Feststellung', () => {
    expect(taxFor({ anzahlHunde: 1 })).toMatchObject({ jahresbetrag: 125 });
  });
});

describe('T11: a Blindenführhund (Merkzeichen BL)', () => {
  it('is classified by its size', () => {
    expect(procedureFor(labrador).verfahren).toBe('ANZEIGE_§11');
    expect(procedureFor({ breed: 'Pudel', heightCm: 35, weightKg: 12 }).verfahren).toBe('KEINE');
  });

  it('is exempt: 0 €', () => {
    expect(taxFor({ anzahlHunde: 1, befreiungsgrund: 'BL' })).toEqual({ jahresbetrag: 0, anteilig: 0 });
  });
});

describe('T12: one small dog of a Bürgergeld recipient', () => {
  it('needs no procedure', () => {
    expect(procedureFor(dackel).verfahren).toBe('KEINE');
  });

  it('costs half: 62,50 € (if the Satzung grants 50 %, VERIFY)', () => {
    expect(taxFor({ anzahlHunde: 1, ermaessigungsgrund: 'SGB_II' })).toMatchObject({ jahresbetrag: 62.5 });
  });
});

describe('T13: an AmStaff of a Bürgergeld recipient', () => {
  it('needs an Erlaubnis under §4', () => {
    expect(procedureFor(amStaff).verfahren).toBe('ERLAUBNIS_§4_GEFAEHRLICH');
  });

  it('costs 875 €: no reduction for dangerous dogs', () => {
    expect(taxFor({ anzahlHunde: 1, anzahlGefaehrlich: 1, ermaessigungsgrund: 'SGB_II' })).toMatchObject({ jahresbetrag: 875 });
  });
});

describe('T14: a first dog acquired on 15 May, taxed from the following month', () => {
  it('costs 7/12 × 125 € = 72,92 € in its first year (rounded half up to cents, VERIFY)', () => {
    expect(taxFor({ anzahlHunde: 1, monateImJahr: 7 })).toEqual({ jahresbetrag: 125, anteilig: 72.92 });
  });
});

describe('the rates by their gültigAb date', () => {
  it('has no rate before 1 July 2023, whose earlier rates are not known here', () => {
    expect(taxFor({ anzahlHunde: 1, stichtag: '2023-06-30' })).toEqual({ jahresbetrag: null, anteilig: null });
    expect(taxFor({ anzahlHunde: 1, stichtag: '2023-07-01' })).toMatchObject({ jahresbetrag: 125 });
  });
});
