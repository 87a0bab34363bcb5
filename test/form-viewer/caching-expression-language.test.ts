/**
 * The portal's form-js viewer, with the verdicts of hide conditions remembered, shows and hides the same fields and
 * gives the same data and errors as form-js's own viewer: on every form of the shared corpus and the city's
 * Hundeanmeldung, each filled with generated data (what a citizen fills in) one after the other in the same two viewers (under jsdom, in a
 * child process: `viewer-pair-child.ts`).
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parityCases } from '../../forms/parity/submission-arbitraries.js';
import { corpusForms } from '../../forms/parity/test-forms.js';
import type { ViewerPairOutcome, ViewerPairRequest } from './viewer-pair-child.js';

const FILLINGS_PER_FORM = 6;
const CHILD = new URL('./viewer-pair-child.ts', import.meta.url).pathname;
const HUNDEANMELDUNG = JSON.parse(readFileSync(new URL('../../processes/hundeanmeldung/hundeanmeldung-antrag.form', import.meta.url), 'utf8'));

function compareInChild(request: ViewerPairRequest): Promise<ViewerPairOutcome[]> {
  const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, TZ: 'Europe/Berlin' }, serialization: 'advanced' });
  return new Promise((resolve, reject) => {
    child.once('message', (outcomes) => resolve(outcomes as ViewerPairOutcome[]));
    child.once('exit', (code) => reject(new Error(`the viewers' process ended (${code}) without an answer`)));
    child.send(request);
  });
}

describe.each([...corpusForms(), { name: 'processes/hundeanmeldung-antrag.form', schema: HUNDEANMELDUNG }])('$name', ({ schema }) => {
  it(`shows, hides, validates and submits as form-js's own viewer on ${FILLINGS_PER_FORM} generated fillings`, async () => {
    const fillings = fc.sample(parityCases(schema, 'Europe/Berlin'), { numRuns: FILLINGS_PER_FORM, seed: 20261129 }).map(({ clean }) => clean);
    const outcomes = await compareInChild({ schema, fillings });
    expect(outcomes).toHaveLength(FILLINGS_PER_FORM);
    for (const { plain, caching } of outcomes) expect(caching).toEqual(plain);
    // most fillings open: the comparison is about forms a citizen fills in, not only about failures
    expect(outcomes.filter(({ plain }) => 'shown' in plain).length).toBeGreaterThan(FILLINGS_PER_FORM / 2);
  }, 120_000);
});
