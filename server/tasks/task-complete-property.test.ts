/**
 * Hostile bodies at task completion never give a 5xx: any JSON, broken JSON, and form data with the forms' own keys,
 * prototype names and odd values, against the Kämmerei's form and two real forms of the shared corpus.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { as } from '../tests/test-server.js';
import { deploy, DOG_TAX_FORM, startInstance, startTaskTestBed, taskOf, userTask, userTaskProcess, type TaskTestBed } from '../tests/task-fixtures.js';

const corpusForm = (name: string) => JSON.parse(readFileSync(new URL(`../../../shared/forms-corpus/form-js/${name}`, import.meta.url), 'utf8')) as { id: string; components: unknown[] };
const FORMS = [DOG_TAX_FORM, corpusForm('e2e-visual-complex.json'), corpusForm('form-js-viewer-nested-dynamic-list-required.json')];

let bed: TaskTestBed;
const taskKeys: string[] = [];

beforeAll(async () => {
  bed = await startTaskTestBed();
  for (const [index, form] of FORMS.entries()) {
    const processId = `feindlich-${index}`;
    await deploy(bed, [
      { name: `${form.id}.form`, content: JSON.stringify(form) },
      { name: `${processId}.bpmn`, content: userTaskProcess(processId, userTask('pruefen', { formId: form.id, candidateGroups: 'kaemmerei' })) },
    ]);
    const { key } = await taskOf(bed, await startInstance(bed, processId, { dogName: 'Bello', taxAmount: 12 }));
    await as(bed.test, bed.kaemmerei, 'post', `/api/tasks/${key}/claim`);
    taskKeys.push(key);
  }
}, 60_000);
afterAll(() => bed.stop());

/** Every `key` and `path` a form binds, so generated data hits real fields as well as unknown ones. */
function boundNames(components: unknown): string[] {
  if (!Array.isArray(components)) return [];
  return components.flatMap((component: { key?: unknown; path?: unknown; components?: unknown }) => [
    ...(typeof component.key === 'string' ? [component.key] : []),
    ...(typeof component.path === 'string' ? [component.path] : []),
    ...boundNames(component.components),
  ]);
}

const names = [...new Set(FORMS.flatMap((form) => boundNames(form.components)))];
const hostileKey = fc.oneof(fc.constantFrom(...names), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', 'a.b', 'x[0]'), fc.string({ maxLength: 12 }));
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER + 2, '', ' ', '2026-02-30', '=1+1', '<script>', '\u0000', 'ä'.repeat(300)),
  fc.array(fc.dictionary(hostileKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), { maxLength: 4 }),
);
const hostileData = fc.dictionary(hostileKey, hostileValue, { maxKeys: 8 });
const body = fc.oneof(
  fc.record({ data: hostileData }).map((value) => JSON.stringify(value)),
  fc.record({ data: hostileData, extra: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 80 }),
);

it('never answers a hostile completion with a 5xx', async () => {
  const seen = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: taskKeys.length - 1 }), body, async (task, text) => {
      const response = await as(bed.test, bed.kaemmerei, 'post', `/api/tasks/${taskKeys[task]}/complete`)
        .set('Content-Type', 'application/json')
        .send(text);
      seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
      expect(response.status).toBeLessThan(500);
      expect([200, 400, 409, 422]).toContain(response.status);
    }),
    { numRuns: 200 },
  );
  // Not vacuous: the forms' validation judged (and refused) generated data, beside the body checks.
  expect(seen.get(422)).toBeGreaterThan(20);
  expect(seen.get(400)).toBeGreaterThan(20);
});
