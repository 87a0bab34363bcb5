/** Test support: the forms the parity test runs, the shared corpus of real forms and this folder's own. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CORPUS = new URL('../../../shared/forms-corpus/', import.meta.url).pathname;
const OWN = new URL('../test-forms/', import.meta.url).pathname;

export interface TestForm {
  readonly name: string;
  readonly schema: Record<string, any>;
}

function formsIn(folder: string, prefix: string): TestForm[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json') || name.endsWith('.form'))
    .sort()
    .map((name) => ({ name: prefix + name, schema: JSON.parse(readFileSync(join(folder, name), 'utf8')) }));
}

export const corpusForms = (): TestForm[] => formsIn(CORPUS, 'corpus/');
export const ownForms = (): TestForm[] => formsIn(OWN, 'own/');

/** Every component of a form, by its id or, where it has none, by where it stands (as the validator names it). */
export function componentsById(schema: Record<string, any>): Map<string, Record<string, any>> {
  const byId = new Map<string, Record<string, any>>();
  const visit = (components: Record<string, any>[] = [], pointer: string) =>
    components.forEach((component, index) => {
      const at = `${pointer}/components/${index}`;
      byId.set(typeof component.id === 'string' && component.id !== '' ? component.id : at, component);
      visit(component.components, at);
    });
  visit(schema.components, '');
  return byId;
}
