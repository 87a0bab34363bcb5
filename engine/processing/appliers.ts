/** Event appliers: the one place where the engine state changes. Replaying the journal calls these alone. */
import type { EngineState } from '../state/engine-state.js';
import type { ElementInstance, Job } from '../state/types.js';
import type { EngineEvent } from './events.js';

export function applyEvent(state: EngineState, event: EngineEvent): void {
  if (event.key > state.lastKey) state.lastKey = event.key;
  switch (event.type) {
    case 'PROCESS_CREATED': {
      const { type: _type, key, ...definition } = event;
      state.processes.set(key, { key, ...definition });
      const versions = state.processVersions.get(event.bpmnProcessId) ?? [];
      versions[event.version - 1] = key;
      state.processVersions.set(event.bpmnProcessId, versions);
      return;
    }
    case 'FORM_CREATED': {
      const { type: _type, key, ...form } = event;
      state.forms.set(key, { key, ...form });
      const versions = state.formVersions.get(event.formId) ?? [];
      versions[event.version - 1] = key;
      state.formVersions.set(event.formId, versions);
      return;
    }
    case 'DEPLOYMENT_CREATED':
      return;
    case 'ELEMENT_ACTIVATING': {
      state.elementInstances.set(event.key, {
        key: event.key,
        elementId: event.elementId,
        flowScopeKey: event.flowScopeKey,
        processInstanceKey: event.processInstanceKey,
        processDefinitionKey: event.processDefinitionKey,
        state: 'ACTIVATING',
        activeChildren: 0,
        waitingTokens: 0,
      });
      const scope = state.elementInstances.get(event.flowScopeKey);
      if (scope) scope.activeChildren += 1;
      state.addChild(event.flowScopeKey, event.key);
      return;
    }
    case 'ELEMENT_ACTIVATED':
      instance(state, event.key).state = 'ACTIVATED';
      return;
    case 'ELEMENT_COMPLETING':
      instance(state, event.key).state = 'COMPLETING';
      return;
    case 'ELEMENT_TERMINATING':
      instance(state, event.key).state = 'TERMINATING';
      return;
    case 'ELEMENT_COMPLETED':
    case 'ELEMENT_TERMINATED':
      removeElementInstance(state, instance(state, event.key));
      return;
    case 'SEQUENCE_FLOW_TAKEN': {
      if (!event.waitsAtJoin) return;
      const scope = instance(state, event.flowScopeKey);
      scope.waitingTokens += 1;
      const { targetId } = flowOf(state, scope, event.flowId);
      let gateways = state.joins.get(scope.key);
      if (!gateways) state.joins.set(scope.key, (gateways = new Map()));
      let flows = gateways.get(targetId);
      if (!flows) gateways.set(targetId, (flows = new Map()));
      flows.set(event.flowId, (flows.get(event.flowId) ?? 0) + 1);
      return;
    }
    case 'JOIN_CONSUMED': {
      const scope = instance(state, event.flowScopeKey);
      const gateways = state.joins.get(scope.key);
      const flows = gateways?.get(event.gatewayId);
      if (!gateways || !flows) return;
      for (const flowId of event.flowIds) {
        const count = (flows.get(flowId) ?? 0) - 1;
        if (count > 0) flows.set(flowId, count);
        else flows.delete(flowId);
        scope.waitingTokens -= 1;
      }
      if (flows.size === 0) gateways.delete(event.gatewayId);
      if (gateways.size === 0) state.joins.delete(scope.key);
      return;
    }
    case 'VARIABLE_CREATED':
    case 'VARIABLE_UPDATED': {
      let vars = state.variables.get(event.scopeKey);
      if (!vars) state.variables.set(event.scopeKey, (vars = new Map()));
      vars.set(event.name, { key: event.key, value: event.value });
      return;
    }
    case 'JOB_CREATED': {
      const element = instance(state, event.elementInstanceKey);
      const definition = state.processes.get(element.processDefinitionKey)!;
      const job: Job = {
        key: event.key,
        type: event.jobType,
        state: 'ACTIVATABLE',
        processInstanceKey: element.processInstanceKey,
        processDefinitionKey: element.processDefinitionKey,
        bpmnProcessId: definition.bpmnProcessId,
        processDefinitionVersion: definition.version,
        elementId: element.elementId,
        elementInstanceKey: element.key,
        customHeaders: event.customHeaders,
        retries: event.retries,
        worker: '',
        deadline: -1,
        recurAt: -1,
        errorMessage: '',
        errorCode: '',
      };
      state.jobs.set(job.key, job);
      element.jobKey = job.key;
      state.markActivatable(job);
      return;
    }
    case 'JOB_ACTIVATED': {
      const job = jobOf(state, event.key);
      state.unmarkActivatable(job);
      job.state = 'ACTIVATED';
      job.worker = event.worker;
      job.deadline = event.deadline;
      return;
    }
    case 'JOB_COMPLETED':
    case 'JOB_CANCELED': {
      const job = jobOf(state, event.key);
      state.unmarkActivatable(job);
      state.jobs.delete(job.key);
      const element = state.elementInstances.get(job.elementInstanceKey);
      if (element) delete element.jobKey;
      return;
    }
    case 'JOB_FAILED': {
      const job = jobOf(state, event.key);
      state.unmarkActivatable(job);
      job.retries = event.retries;
      job.errorMessage = event.errorMessage;
      job.deadline = -1;
      job.worker = '';
      if (event.retries <= 0) {
        job.state = 'FAILED';
      } else if (event.recurAt > 0) {
        job.state = 'BACKOFF';
        job.recurAt = event.recurAt;
      } else {
        makeActivatable(state, job);
      }
      return;
    }
    case 'JOB_ERROR_THROWN': {
      const job = jobOf(state, event.key);
      state.unmarkActivatable(job);
      job.state = 'ERROR_THROWN';
      job.errorCode = event.errorCode;
      job.errorMessage = event.errorMessage;
      job.deadline = -1;
      return;
    }
    case 'JOB_TIMED_OUT':
    case 'JOB_RECURRED':
      makeActivatable(state, jobOf(state, event.key));
      return;
    case 'JOB_RETRIES_UPDATED':
      jobOf(state, event.key).retries = event.retries;
      return;
    case 'JOB_TIMEOUT_UPDATED':
      jobOf(state, event.key).deadline = event.deadline;
      return;
    case 'INCIDENT_CREATED': {
      const element = instance(state, event.elementInstanceKey);
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
      return;
    }
    case 'INCIDENT_RESOLVED': {
      const incident = state.incidents.get(event.key);
      if (!incident) return;
      state.incidents.delete(event.key);
      const element = state.elementInstances.get(incident.elementInstanceKey);
      if (element) delete element.incidentKey;
      return;
    }
  }
}

function makeActivatable(state: EngineState, job: Job): void {
  job.state = 'ACTIVATABLE';
  job.deadline = -1;
  job.recurAt = -1;
  job.worker = '';
  state.markActivatable(job);
}

function removeElementInstance(state: EngineState, element: ElementInstance): void {
  state.elementInstances.delete(element.key);
  state.variables.delete(element.key);
  state.joins.delete(element.key);
  state.removeChild(element.flowScopeKey, element.key);
  const scope = state.elementInstances.get(element.flowScopeKey);
  if (scope) scope.activeChildren -= 1;
}

function instance(state: EngineState, key: number): ElementInstance {
  const found = state.elementInstances.get(key);
  if (!found) throw new Error(`Journal inconsistency: no element instance ${key}`);
  return found;
}

function jobOf(state: EngineState, key: number): Job {
  const found = state.jobs.get(key);
  if (!found) throw new Error(`Journal inconsistency: no job ${key}`);
  return found;
}

function flowOf(state: EngineState, scope: ElementInstance, flowId: string) {
  const flow = state.processes.get(scope.processDefinitionKey)!.model.flows[flowId];
  if (!flow) throw new Error(`Journal inconsistency: no sequence flow ${flowId}`);
  return flow;
}
