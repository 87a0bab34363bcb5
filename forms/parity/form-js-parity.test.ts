/**
 * The validator agrees with form-js's viewer (the real one, under jsdom) on every form of the shared corpus and on
 * this folder's own forms, for generated submissions. `FORMS_PARITY_RUNS` sets the submissions per form;
 * `FORMS_PARITY_TRACE=<file>` writes each case to the file before it runs.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { compileForm } from '../compile/compile-form.js';
import type { FormSchema } from '../schema/form-schema.js';
import { validateSubmission } from '../submission/validate-submission.js';
import { FormJsOracle } from './form-js-oracle.js';
import { parityCases } from './submission-arbitraries.js';
import { componentsById, corpusForms, ownForms } from './test-forms.js';
import { compareVerdicts } from './verdict-comparison.js';

const RUNS = Number(process.env.FORMS_PARITY_RUNS ?? 25);
const TIME_ZONE = 'Europe/Berlin';
const explained = new Map<string, number>();

afterAll(() => {
  if (explained.size > 0) console.log(`known differences that explained an error: ${JSON.stringify(Object.fromEntries(explained))}`);
});

describe.each([...corpusForms(), ...ownForms()])('$name', ({ name, schema }) => {
  it(`gives form-js's verdict on ${RUNS} generated submissions`, async () => {
    const form = compileForm(schema as FormSchema);
    const components = componentsById(schema);
    const oracle = await FormJsOracle.open(schema, { timeZone: TIME_ZONE });
    try {
      await fc.assert(
        fc.asyncProperty(parityCases(schema), async (submission) => {
          if (process.env.FORMS_PARITY_TRACE) writeFileSync(process.env.FORMS_PARITY_TRACE, `${name}\n${JSON.stringify(submission)}\n`);
          const viewer = await oracle.run(submission.input, submission.clean, submission.files);
          const ours = validateSubmission(form, submission.posted, { data: submission.input, files: submission.files, timeZone: TIME_ZONE, locale: 'en' });
          const disagreements = compareVerdicts({ ours, viewer, clean: submission.clean, componentOf: (error) => components.get(error.componentId) ?? {}, explained });
          if (disagreements.length > 0) {
            throw new Error(
              `${disagreements.map((d) => `${d.path || '(form)'}: ${d.problem}`).join('\n')}\n` +
                `ours: ${JSON.stringify(ours)}\nviewer: ${JSON.stringify({ ...viewer, errors: [...viewer.errors] })}`,
            );
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    } finally {
      await oracle.close();
    }
  }, Number(process.env.FORMS_PARITY_TIMEOUT ?? 600_000));
});
