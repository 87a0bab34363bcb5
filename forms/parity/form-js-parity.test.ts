/**
 * The validator agrees with form-js's viewer (the real one, under jsdom) on every form of the shared corpus and on
 * this folder's own forms, for generated submissions. The seed is fixed, so that CI runs the same cases every
 * time; `FORMS_PARITY_SEED` runs others (`random` for a new one each run), `FORMS_PARITY_RUNS` sets the submissions
 * per form, `FORMS_PARITY_NOW=<ISO date-time>` runs viewer and validator at another moment (summer time, just
 * before midnight), `FORMS_PARITY_TRACE=<file>` appends each case to the file before it runs.
 */
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { compileForm } from '../compile/compile-form.js';
import type { FormSchema } from '../schema/form-schema.js';
import { validateSubmission } from '../submission/validate-submission.js';
import { FormJsOracle, shutDownOracle, type OracleVerdict } from './form-js-oracle.js';
import { parityCases } from './submission-arbitraries.js';
import { componentsById, corpusForms, ownForms } from './test-forms.js';
import { compareVerdicts } from './verdict-comparison.js';

const RUNS = Number(process.env.FORMS_PARITY_RUNS ?? 40);
/** The seed CI runs with; the parity test is green for many others too (see `forms/README.md`). */
const DEFAULT_SEED = 20261129;
const SEED = process.env.FORMS_PARITY_SEED === 'random' ? undefined : Number(process.env.FORMS_PARITY_SEED ?? DEFAULT_SEED);
/** For one form's runs: a loaded two-core machine needs about a second per run on the slowest forms. */
const TIMEOUT_MS = Number(process.env.FORMS_PARITY_TIMEOUT ?? Math.max(120_000, RUNS * 3_000));
const TIME_ZONE = 'Europe/Berlin';
/** `FORMS_PARITY_NOW`: the moment the viewer (see `oracle-worker.ts`) and the validator take for now; default the real one. */
const SHIFT_MS = process.env.FORMS_PARITY_NOW ? Date.parse(process.env.FORMS_PARITY_NOW) - Date.now() : 0;
if (Number.isNaN(SHIFT_MS)) throw new Error(`FORMS_PARITY_NOW is no date-time: ${process.env.FORMS_PARITY_NOW}`);
// the oracle's process, started later, moves its clock by the very same amount
process.env.FORMS_PARITY_CLOCK_SHIFT_MS = String(SHIFT_MS);
const now = () => Date.now() + SHIFT_MS;
const explained = new Map<string, number>();
let freshRechecks = 0;

afterAll(async () => {
  await shutDownOracle();
  console.log(
    `known differences that explained an error: ${JSON.stringify(Object.fromEntries(explained))}; ` +
      `runs where only a fresh viewer agreed: ${freshRechecks}`,
  );
});

describe.each([...corpusForms(), ...ownForms()])('$name', ({ name, schema }) => {
  it(`gives form-js's verdict on ${RUNS} generated submissions`, async () => {
    const form = compileForm(schema as FormSchema);
    const components = componentsById(schema);
    const oracle = await FormJsOracle.open(schema, { timeZone: TIME_ZONE });
    await fc.assert(
      fc.asyncProperty(parityCases(schema, TIME_ZONE, now), async (submission) => {
        if (process.env.FORMS_PARITY_TRACE) appendFileSync(process.env.FORMS_PARITY_TRACE, `${name}\t${JSON.stringify(submission)}\n`);
        const ours = validateSubmission(form, submission.posted, { data: submission.input, files: submission.files, timeZone: TIME_ZONE, locale: 'en', now: now() });
        const compare = (viewer: OracleVerdict) =>
          compareVerdicts({ ours, viewer, clean: submission.clean, componentOf: (error) => components.get(error.componentId) ?? {}, explained });
        let viewer = await oracle.run(submission.input, submission.clean, submission.files);
        let disagreements = compare(viewer);
        if (disagreements.length > 0) {
          // the reused viewer may carry traces of earlier runs; a viewer of its own is the judge
          viewer = await oracle.run(submission.input, submission.clean, submission.files, 'fresh');
          disagreements = compare(viewer);
          if (disagreements.length === 0) freshRechecks++;
        }
        if (disagreements.length > 0) {
          throw new Error(
            `${disagreements.map((d) => `${d.path || '(form)'}: ${d.problem}`).join('\n')}\n` +
              `ours: ${JSON.stringify(ours)}\nviewer: ${JSON.stringify({ ...viewer, errors: [...viewer.errors] })}`,
          );
        }
      }),
      { numRuns: RUNS, endOnFailure: true, seed: SEED },
    );
  }, TIMEOUT_MS);
});
