/**
 * Script, not a test: validations per second of the dog registration form (`forms/test-forms/`: 31 fields, two of
 * them computed, hide conditions in FEEL, options from input data and a dynamic list of dogs), with a valid
 * submission of two dogs and one with mistakes. Warm runs, several rounds, the median. Run with `npm run bench:forms`.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { compileForm, validateSubmission, type FormSchema } from '../../forms/index.js';
import { describeMachine } from '../engine/machine.js';
import { files, inputData, invalidSubmission, validSubmission } from './dog-registration-submissions.js';

const ROUNDS = 7;
const ROUND_MS = 1_000;
const WARM_UP = 20_000;
const TARGET = 20_000;
const TIME_ZONE = 'Europe/Berlin';

const schema = JSON.parse(readFileSync(new URL('../../forms/test-forms/dog-registration.form.json', import.meta.url), 'utf8')) as FormSchema;
const form = compileForm(schema);
const options = { data: inputData, files, timeZone: TIME_ZONE, locale: 'de' };

/** Components that hold a value (a key), at any depth. */
const fieldCount = (components: readonly Record<string, unknown>[] = []): number =>
  components.reduce((count, component) => count + (typeof component.key === 'string' ? 1 : 0) + fieldCount(component.components as Record<string, unknown>[] | undefined), 0);

const validate = (submission: unknown) => validateSubmission(form, submission, options);

// a benchmark of the wrong verdict measures nothing
const validErrors = validate(validSubmission).errors;
if (validErrors.length > 0) throw new Error(`the valid submission is rejected: ${JSON.stringify(validErrors)}`);
const invalidErrors = validate(invalidSubmission).errors;
if (invalidErrors.length === 0) throw new Error('the invalid submission is accepted');

interface Round {
  /** Validations per second of wall-clock time. */
  readonly wall: number;
  /** Validations per second of this process's CPU time: what neighbours on a shared machine do not change much. */
  readonly cpu: number;
}

/** One round of about `ROUND_MS`. */
function round(submission: unknown): Round {
  let count = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ROUND_MS) {
    for (let i = 0; i < 500; i++) validate(submission);
    count += 500;
    elapsed = performance.now() - start;
  }
  const cpu = process.cpuUsage(cpuStart);
  return { wall: (count / elapsed) * 1000, cpu: (count / (cpu.user + cpu.system)) * 1e6 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

for (let i = 0; i < WARM_UP; i++) validate(i % 2 === 0 ? validSubmission : invalidSubmission);

const machine = await describeMachine();
console.log(`machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB.toFixed(1)} GiB, node ${machine.node}, ${machine.kernel}`);
console.log(`form: dog registration, ${fieldCount(schema.components as unknown as Record<string, unknown>[])} fields, 2 dogs in the list; ${invalidErrors.length} errors in the invalid submission`);
console.log(`load average before: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
let wallBelow = false;
let cpuBelow = false;
for (const [name, submission] of [['valid', validSubmission], ['invalid', invalidSubmission]] as const) {
  const rounds = Array.from({ length: ROUNDS }, () => round(submission));
  const wall = median(rounds.map((each) => each.wall));
  const cpu = median(rounds.map((each) => each.cpu));
  wallBelow ||= wall < TARGET;
  cpuBelow ||= cpu < TARGET;
  console.log(
    `${name} submission: median ${Math.round(wall).toLocaleString('en')} validations/s (${(1e6 / wall).toFixed(1)} µs each), ` +
      `${Math.round(cpu).toLocaleString('en')} per CPU second; wall-clock rounds ${rounds.map((each) => Math.round(each.wall)).join(', ')}`,
  );
}
console.log(`load average after: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
const verdict = (below: boolean) => (below ? 'below' : 'met');
console.log(
  `target of ${TARGET.toLocaleString('en')} validations/s: wall-clock ${verdict(wallBelow)}, per CPU second ${verdict(cpuBelow)}` +
    (wallBelow && !cpuBelow ? ' (other processes took the CPU: see the load average)' : ''),
);
