import { readFileSync } from 'node:fs';
import { FormJsOracle } from './form-js-oracle.js';

const corpus = (name: string) => JSON.parse(readFileSync(new URL(`../../../shared/forms-corpus/${name}`, import.meta.url), 'utf8'));

describe('the form-js oracle', () => {
  it('answers like the corpus README says', async () => {
    const oracle = await FormJsOracle.open(corpus('form-js/form-js-viewer-condition-errors.json'), { timeZone: 'Europe/Berlin' });
    const hidden = await oracle.run({}, { checkbox_4u82gk: true });
    expect(hidden.data).toEqual({ checkbox_4u82gk: true });
    const shown = await oracle.run({}, { checkbox_4u82gk: false });
    expect([...shown.errors]).toEqual([['number_o4f027', ['Field is required.']]]);
    await oracle.close();
  });
});
