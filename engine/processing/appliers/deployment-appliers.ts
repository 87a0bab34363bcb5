/** Deployed processes and forms, with their versions by id; deletion leaves a gap in the versions. */
import type { Appliers } from './applier.js';

type DeploymentEvents = 'PROCESS_CREATED' | 'FORM_CREATED' | 'PROCESS_DELETED' | 'FORM_DELETED' | 'DEPLOYMENT_CREATED';

export const deploymentAppliers: Appliers<DeploymentEvents> = {
  // The resource XML is for exporters only (see ProcessCreated).
  PROCESS_CREATED(state, { type: _type, resource: _resource, ...definition }) {
    state.processes.set(definition.key, definition);
    state.processVersions.add(definition.bpmnProcessId, definition.version, definition.key);
    state.indexStartEvents(definition.bpmnProcessId);
  },
  FORM_CREATED(state, { type: _type, ...form }) {
    state.forms.set(form.key, form);
    state.formVersions.add(form.formId, form.version, form.key);
  },
  PROCESS_DELETED(state, event) {
    state.processes.delete(event.key);
    state.processVersions.remove(event.bpmnProcessId, event.version);
    state.indexStartEvents(event.bpmnProcessId);
  },
  FORM_DELETED(state, event) {
    state.forms.delete(event.key);
    state.formVersions.remove(event.formId, event.version);
  },
  DEPLOYMENT_CREATED() {},
};
