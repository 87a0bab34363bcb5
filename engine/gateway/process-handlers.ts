/** Gateway RPCs for deployments and their deletion, process instances and their modification, variables and incidents. */
import type { Logger } from 'pino';
import type { Engine } from '../engine.js';
import type { CreateProcessInstanceCommand } from '../processing/commands/create-process-instance.js';
import type { DeployedResource } from '../processing/commands/deploy-resources.js';
import type { ActivateInstruction } from '../processing/commands/modify-process-instance.js';
import { TENANT_ID, unary, type GatewayRequest } from './handler-kit.js';
import { readKey, readMillis, readVariables } from './request-values.js';

/** CreateProcessInstanceWithResult without a requestTimeout waits this long, like Zeebe's gateway default. */
const DEFAULT_RESULT_TIMEOUT_MS = 20_000;

function createCommand(request: GatewayRequest): CreateProcessInstanceCommand {
  const key = String(request.processDefinitionKey ?? '0');
  return {
    processDefinitionKey: key === '0' || key === '' ? undefined : readKey(key, 'processDefinitionKey'),
    bpmnProcessId: request.bpmnProcessId,
    version: request.version === undefined || request.version === 0 ? -1 : request.version,
    variables: readVariables(request.variables),
    startElementIds: (request.startInstructions ?? []).map((instruction: { elementId: string }) => instruction.elementId),
  };
}

function activateInstruction(instruction: GatewayRequest): ActivateInstruction {
  // proto3 sends an unset key as 0; Zeebe's clients send -1 for "no ancestor"
  const ancestor = readKey(instruction.ancestorElementInstanceKey ?? '-1', 'ancestorElementInstanceKey');
  return {
    elementId: instruction.elementId ?? '',
    ancestorElementInstanceKey: ancestor > 0 ? ancestor : undefined,
    variableInstructions: (instruction.variableInstructions ?? []).map((variables: GatewayRequest) => ({
      variables: readVariables(variables.variables),
      scopeId: variables.scopeId ?? '',
    })),
  };
}

function createdResponse(created: { processInstanceKey: number; processDefinitionKey: number; bpmnProcessId: string; version: number }) {
  return {
    processDefinitionKey: String(created.processDefinitionKey),
    bpmnProcessId: created.bpmnProcessId,
    version: created.version,
    processInstanceKey: String(created.processInstanceKey),
    tenantId: TENANT_ID,
  };
}

/** Keys go out as decimal strings, as everywhere on the wire. */
function deploymentResponse(deployment: DeployedResource) {
  if ('process' in deployment) {
    const { processDefinitionKey, ...rest } = deployment.process;
    return { process: { ...rest, processDefinitionKey: String(processDefinitionKey), tenantId: TENANT_ID } };
  }
  if ('form' in deployment) {
    const { formKey, ...rest } = deployment.form;
    return { form: { ...rest, formKey: String(formKey), tenantId: TENANT_ID } };
  }
  if ('decisionRequirements' in deployment) {
    const { decisionRequirementsKey, ...rest } = deployment.decisionRequirements;
    return { decisionRequirements: { ...rest, decisionRequirementsKey: String(decisionRequirementsKey), tenantId: TENANT_ID } };
  }
  const { decisionKey, decisionRequirementsKey, ...rest } = deployment.decision;
  return {
    decision: { ...rest, decisionKey: String(decisionKey), decisionRequirementsKey: String(decisionRequirementsKey), tenantId: TENANT_ID },
  };
}

export function processHandlers(engine: Engine, logger: Logger) {
  return {
    DeployResource: unary('CREATE', logger, async (request) => {
      const resources = (request.resources ?? []).map((r: { name: string; content: Buffer }) => ({ name: r.name, content: r.content }));
      const result = await engine.deploy(resources);
      return { key: String(result.key), deployments: result.deployments.map(deploymentResponse), tenantId: TENANT_ID };
    }),
    DeployProcess: unary('CREATE', logger, async (request) => {
      const resources = (request.processes ?? []).map((p: { name: string; definition: Buffer }) => ({ name: p.name, content: p.definition }));
      const result = await engine.deploy(resources);
      const processes = result.deployments.flatMap((d) => ('process' in d ? [deploymentResponse(d).process] : []));
      return { key: String(result.key), processes };
    }),
    CreateProcessInstance: unary('CREATE', logger, async (request) => {
      return createdResponse(await engine.createProcessInstance(createCommand(request)));
    }),
    CreateProcessInstanceWithResult: unary('CREATE_WITH_AWAITING_RESULT', logger, async (request) => {
      const timeout = readMillis(request.requestTimeout);
      const created = await engine.createProcessInstanceWithResult(createCommand(request.request ?? {}), timeout > 0 ? timeout : DEFAULT_RESULT_TIMEOUT_MS);
      const fetch: string[] = request.fetchVariables ?? [];
      const variables = fetch.length === 0
        ? created.variables
        : Object.fromEntries(fetch.filter((name) => name in created.variables).map((name) => [name, created.variables[name]]));
      return { ...createdResponse(created), variables: JSON.stringify(variables) };
    }),
    CancelProcessInstance: unary('CANCEL', logger, async (request) => {
      await engine.cancelProcessInstance(readKey(request.processInstanceKey, 'processInstanceKey'));
      return {};
    }),
    ModifyProcessInstance: unary('MODIFY', logger, async (request) => {
      await engine.modifyProcessInstance({
        processInstanceKey: readKey(request.processInstanceKey, 'processInstanceKey'),
        activateInstructions: (request.activateInstructions ?? []).map(activateInstruction),
        terminateInstructions: (request.terminateInstructions ?? [])
          .map((instruction: GatewayRequest) => readKey(instruction.elementInstanceKey, 'elementInstanceKey')),
      });
      return {};
    }),
    DeleteResource: unary('DELETE', logger, async (request) => {
      await engine.deleteResource(readKey(request.resourceKey, 'resourceKey'));
      return {};
    }),
    SetVariables: unary('UPDATE', logger, async (request) => {
      const key = await engine.setVariables(readKey(request.elementInstanceKey, 'elementInstanceKey'), readVariables(request.variables), Boolean(request.local));
      return { key: String(key) };
    }),
    ResolveIncident: unary('RESOLVE', logger, async (request) => {
      await engine.resolveIncident(readKey(request.incidentKey, 'incidentKey'));
      return {};
    }),
  };
}
