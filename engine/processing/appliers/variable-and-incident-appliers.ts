/** Variables by scope, and incidents attached to the element they stop. */
import { elementInstance, type Appliers } from './applier.js';

type Events = 'VARIABLE_CREATED' | 'VARIABLE_UPDATED' | 'INCIDENT_CREATED' | 'INCIDENT_RESOLVED';

export const variableAndIncidentAppliers: Appliers<Events> = {
  VARIABLE_CREATED(state, event) {
    let vars = state.variables.get(event.scopeKey);
    if (!vars) state.variables.set(event.scopeKey, (vars = new Map()));
    vars.set(event.name, { key: event.key, value: event.value });
  },
  VARIABLE_UPDATED(state, event) {
    state.variables.get(event.scopeKey)!.set(event.name, { key: event.key, value: event.value });
  },
  INCIDENT_CREATED(state, event) {
    const element = elementInstance(state, event.elementInstanceKey);
    const definition = state.processes.get(element.processDefinitionKey)!;
    state.incidents.set(event.key, {
      key: event.key,
      errorType: event.errorType,
      errorMessage: event.errorMessage,
      processInstanceKey: element.processInstanceKey,
      processDefinitionKey: element.processDefinitionKey,
      bpmnProcessId: definition.bpmnProcessId,
      elementId: element.elementId,
      elementInstanceKey: element.key,
      jobKey: event.jobKey,
      retryStep: event.retryStep,
    });
    element.incidentKey = event.key;
  },
  INCIDENT_RESOLVED(state, event) {
    const incident = state.incidents.get(event.key);
    if (!incident) return;
    state.incidents.delete(event.key);
    const element = state.elementInstances.get(incident.elementInstanceKey);
    if (element) delete element.incidentKey;
  },
};
