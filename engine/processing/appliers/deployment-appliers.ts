/** Deployed processes and forms, with their versions by id. */
import type { Key } from '../../state/types.js';
import type { Appliers } from './applier.js';

function setVersion(versions: Map<string, Key[]>, id: string, version: number, key: Key): void {
  const keys = versions.get(id) ?? [];
  keys[version - 1] = key;
  versions.set(id, keys);
}

export const deploymentAppliers: Appliers<'PROCESS_CREATED' | 'FORM_CREATED' | 'DEPLOYMENT_CREATED'> = {
  PROCESS_CREATED(state, { type: _type, ...definition }) {
    state.processes.set(definition.key, definition);
    setVersion(state.processVersions, definition.bpmnProcessId, definition.version, definition.key);
    state.indexStartEvents(definition.bpmnProcessId);
  },
  FORM_CREATED(state, { type: _type, ...form }) {
    state.forms.set(form.key, form);
    setVersion(state.formVersions, form.formId, form.version, form.key);
  },
  DEPLOYMENT_CREATED() {},
};
