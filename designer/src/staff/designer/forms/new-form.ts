/** The schema a new form starts from: empty, with a generated id and form-js's current schema version. */
import { schemaVersion } from '@bpmn-io/form-js-editor';
import type { FormSchema } from '../../../../../forms/index.js';

export function newFormSchema(): FormSchema {
  return { id: `Formular_${Math.random().toString(36).slice(2, 9)}`, type: 'default', components: [], schemaVersion, exporter: { name: 'amtsflow', version: '0.1.0' } };
}
