/**
 * A form's top-level components cut into runs (sections) of about `fieldsPerSection` fields each, in order. A group
 * or dynamic list is never cut: it is one fieldset to the citizen, so it makes a section of its own when it is large.
 * The portal renders each section as a form-js form of its own, one after the other (`sectioned-form.ts`).
 */
import type { FormComponent, FormSchema } from '../../../../forms/index.js';

/** The fields a component renders: itself, or for a group or list the fields inside (one repetition). */
function fieldCount(component: FormComponent): number {
  return component.components ? component.components.reduce((sum, each) => sum + fieldCount(each), 0) : 1;
}

export function formSections(schema: FormSchema, fieldsPerSection: number): FormSchema[] {
  const runs: FormComponent[][] = [];
  let current: FormComponent[] = [];
  let fields = 0;
  for (const component of schema.components ?? []) {
    const count = fieldCount(component);
    if (current.length > 0 && fields + count > fieldsPerSection) {
      runs.push(current);
      current = [];
      fields = 0;
    }
    current.push(component);
    fields += count;
  }
  if (current.length > 0) runs.push(current);
  return runs.map((components) => ({ ...schema, components }));
}

/** The id of every component in the section, nested ones included (the error summary links to them). */
export function componentIds(section: FormSchema): string[] {
  const ids: string[] = [];
  const visit = (components: readonly FormComponent[] = []) => {
    for (const component of components) {
      if (component.id) ids.push(component.id);
      visit(component.components);
    }
  };
  visit(section.components);
  return ids;
}
