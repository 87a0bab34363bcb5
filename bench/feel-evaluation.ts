/**
 * Script, not a test: the cost of one evaluation through feelin directly and through compileFeel.
 * Run with `npm run bench:feel`.
 */
import { evaluate } from 'feelin';
import { compileFeel } from '../engine/feel/index.js';

function microsecondsPerCall(run: () => unknown, calls: number): string {
  for (let i = 0; i < calls / 10; i++) run();
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) run();
  return (Number(process.hrtime.bigint() - start) / calls / 1000).toFixed(2);
}

function compiled(source: string) {
  const result = compileFeel(source);
  if (!result.ok) throw new Error(result.failure.message);
  return result.value;
}

const few = { amount: 1500, status: 'open', owner: { email: 'amt@example.de' }, price: 19.99 };
const many: Record<string, unknown> = { ...few };
for (let i = 0; i < 100; i++) many[`variable${i}`] = { index: i, label: `value ${i}` };

const cases: [string, string][] = [
  ['condition', 'amount > 1000 and status = "open"'],
  ['variable path', 'owner.email'],
  ['decimal arithmetic', 'price * 3 + 0.1'],
];
for (const [variablesName, variables] of [['4 variables', few], ['104 variables', many]] as const) {
  for (const [name, source] of cases) {
    const expression = compiled(source);
    const before = microsecondsPerCall(() => evaluate(source, variables, 'camunda'), 5_000);
    const after = microsecondsPerCall(() => expression.evaluate(variables), 200_000);
    console.log(`${name}, ${variablesName}: feelin ${before} µs, compiled ${after} µs  (${source})`);
  }
}
