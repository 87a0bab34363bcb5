/** The Finderlohn (BGB §§ 971, 978) as the engine evaluates it through zeebe-node's EvaluateDecision. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { startTestEngine, type TestEngine } from '../../connectors/testing/engine-test-support.js';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
  await engine.zbc.deployResource({ name: 'finderlohn.dmn', process: readFileSync(new URL('./finderlohn.dmn', import.meta.url)) });
});
afterAll(() => engine.destroy());

interface Find { wert: number; kategorie?: string; behoerdenfund?: boolean; finderIstBediensteter?: boolean }

async function reward(find: Find): Promise<{ betrag: number; regel: string }> {
  const variables = { kategorie: 'GELDBOERSE', behoerdenfund: false, finderIstBediensteter: false, ...find };
  const response = await engine.zbc.evaluateDecision({ decisionId: 'finderlohn', variables } as never) as unknown as { decisionOutput: string; failureMessage?: string };
  if (response.failureMessage) throw new Error(response.failureMessage);
  return JSON.parse(response.decisionOutput) as { betrag: number; regel: string };
}

describe('§ 971 BGB: 5 % up to 500 €, 3 % of the part above', () => {
  it('gives 5 € for a wallet worth 100 €', async () => {
    expect(await reward({ wert: 100 })).toEqual({ betrag: 5, regel: '§ 971 Abs. 1 BGB: 5 % bis 500 €, 3 % darüber' });
  });

  it('gives 25 € at exactly 500 € and 40 € for 1.000 € (25 € + 3 % of 500 €)', async () => {
    expect((await reward({ wert: 500 })).betrag).toBe(25);
    expect((await reward({ wert: 1000 })).betrag).toBe(40);
  });

  it('rounds to the cent: 0,45 € for a find worth 8,90 € (no duty to report, but a claim)', async () => {
    expect((await reward({ wert: 8.9 })).betrag).toBe(0.45);
  });

  it('gives 3 % of the whole value for an animal: 24 € for a dog worth 800 €', async () => {
    expect(await reward({ wert: 800, kategorie: 'TIER' })).toEqual({ betrag: 24, regel: '§ 971 Abs. 1 BGB: 3 % bei Tieren' });
  });
});

describe('§ 978 BGB: finds in a Behörde or public transport', () => {
  it('gives nothing below 50 €', async () => {
    expect(await reward({ wert: 49.99, behoerdenfund: true })).toMatchObject({ betrag: 0, regel: '§ 978 Abs. 2 BGB: Wert unter 50 €' });
  });

  it('gives half of the § 971 amount from 50 €: 20 € for 1.000 €, 1,25 € for 50 €', async () => {
    expect((await reward({ wert: 1000, behoerdenfund: true })).betrag).toBe(20);
    expect((await reward({ wert: 50, behoerdenfund: true })).betrag).toBe(1.25);
  });

  it('gives half of 3 % for an animal: 12 € for a dog worth 800 €', async () => {
    expect((await reward({ wert: 800, kategorie: 'TIER', behoerdenfund: true })).betrag).toBe(12);
  });

  it('gives nothing to the Behörde\'s own staff', async () => {
    expect(await reward({ wert: 1000, behoerdenfund: true, finderIstBediensteter: true })).toMatchObject({ betrag: 0 });
  });
});
