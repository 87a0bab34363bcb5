/**
 * Deploys uploaded files through zeebe-node, one `deployResource` call per file (zeebe-node 8.3 offers no call for
 * several), in dependency order: forms and decisions before the processes that use them. What the engine accepted
 * is recorded with its text and audited in one transaction. A rejection stops the upload there and becomes a
 * problem with the engine's message and the element ids it names; files deployed before it stay deployed (deploying
 * the same file again is harmless: Zeebe keeps its version).
 */
import type { ZBClient } from 'zeebe-node';
import type { AuditEntryInput, AuditLog } from '../audit/audit-log.js';
import { gatewayProblem, type GatewayError } from '../http/gateway-problem.js';
import { HttpProblem, problemType } from '../http/problem.js';
import type { SqlClient } from '../storage/server-storage.js';
import type { DeployedDefinition, DeploymentStore } from './deployment-store.js';
import type { ResourceKind, UploadedResource } from './uploaded-files.js';
import { parseRejectedElements } from './zeebe-rejection.js';

export interface DeployedResource {
  resourceName: string;
  deploymentKey: string;
  definitions: DeployedDefinition[];
}

const ORDER: Record<ResourceKind, number> = { form: 0, dmn: 1, bpmn: 2 };

/** The parts of zeebe-node's deployment answer we read; keys arrive as strings or numbers depending on the field. */
interface DeploymentAnswer {
  key: string | number;
  deployments: {
    process?: { bpmnProcessId: string; version: number; processDefinitionKey: string | number; tenantId?: string };
    form?: { formId: string; version: number; formKey: string | number; tenantId?: string };
    decision?: { dmnDecisionId: string; dmnDecisionName: string; version: number; decisionKey: string | number; decisionRequirementsKey: string | number; tenantId?: string };
    decisionRequirements?: { dmnDecisionRequirementsId: string; dmnDecisionRequirementsName: string; version: number; decisionRequirementsKey: string | number; tenantId?: string };
  }[];
}

export class ResourceDeployer {
  constructor(
    private readonly zeebe: ZBClient,
    private readonly sql: SqlClient,
    private readonly store: DeploymentStore,
    private readonly audit: AuditLog,
  ) {}

  async deploy(resources: UploadedResource[], origin: Pick<AuditEntryInput, 'actor' | 'clientAddress'>): Promise<DeployedResource[]> {
    const deployed: DeployedResource[] = [];
    for (const resource of [...resources].sort((a, b) => ORDER[a.kind] - ORDER[b.kind])) {
      let answer: DeploymentAnswer;
      try {
        answer = await this.send(resource);
      } catch (error) {
        throw await this.rejected(resource, error as GatewayError, deployed, origin);
      }
      const result = { resourceName: resource.name, deploymentKey: String(answer.key), definitions: definitionsOf(answer) };
      await this.sql.transaction(async (tx) => {
        await this.store.record(tx, { key: result.deploymentKey, deployedBy: origin.actor.id ?? '', resourceName: resource.name, content: resource.text, definitions: result.definitions });
        await this.audit.record({
          ...origin, action: 'deployment.created', target: { kind: 'deployment', id: result.deploymentKey },
          details: { resourceName: resource.name, definitions: result.definitions.map(({ kind, id, version, key }) => ({ kind, id, version, key })) },
        }, tx);
      });
      deployed.push(result);
    }
    return deployed;
  }

  private send(resource: UploadedResource): Promise<DeploymentAnswer> {
    const { name, content } = resource;
    switch (resource.kind) {
      case 'bpmn':
        return this.zeebe.deployResource({ name, process: content }) as Promise<DeploymentAnswer>;
      case 'dmn':
        return this.zeebe.deployResource({ name, decision: content }) as Promise<DeploymentAnswer>;
      case 'form':
        return this.zeebe.deployResource({ name, form: content }) as unknown as Promise<DeploymentAnswer>;
    }
  }

  private async rejected(resource: UploadedResource, error: GatewayError, deployed: DeployedResource[], origin: Pick<AuditEntryInput, 'actor' | 'clientAddress'>): Promise<HttpProblem> {
    const message = error.details ?? error.message ?? 'unknown error';
    const alreadyDeployed = deployed.map((entry) => entry.resourceName);
    if (error.code !== 3) {
      // Not the file's fault: the gateway is down, overloaded, or answered something unexpected.
      return gatewayProblem(error, 'The engine did not take the deployment', { resourceName: resource.name, deployed: alreadyDeployed });
    }
    const elements = parseRejectedElements(message);
    await this.audit.record({ ...origin, action: 'deployment.rejected', details: { resourceName: resource.name, message: message.slice(0, 2000) } });
    return new HttpProblem(400, {
      type: problemType('deployment-rejected'),
      title: 'The engine rejected the deployment',
      detail: message,
      errors: elements.map((element) => ({ pointer: `#/elements/${element.elementId}`, detail: element.messages.join('; ') || 'is not valid' })),
      extensions: { resourceName: resource.name, elements, deployed: alreadyDeployed },
    });
  }
}

function definitionsOf(answer: DeploymentAnswer): DeployedDefinition[] {
  return answer.deployments.flatMap((entry): DeployedDefinition[] => {
    const tenant = (tenantId?: string) => (tenantId ? { tenantId } : {});
    if (entry.process) {
      const { bpmnProcessId, version, processDefinitionKey, tenantId } = entry.process;
      return [{ kind: 'process', id: bpmnProcessId, version, key: String(processDefinitionKey), ...tenant(tenantId) }];
    }
    if (entry.form) {
      const { formId, version, formKey, tenantId } = entry.form;
      return [{ kind: 'form', id: formId, version, key: String(formKey), ...tenant(tenantId) }];
    }
    if (entry.decisionRequirements) {
      const { dmnDecisionRequirementsId, dmnDecisionRequirementsName, version, decisionRequirementsKey, tenantId } = entry.decisionRequirements;
      return [{ kind: 'decision-requirements', id: dmnDecisionRequirementsId, name: dmnDecisionRequirementsName, version, key: String(decisionRequirementsKey), ...tenant(tenantId) }];
    }
    if (entry.decision) {
      const { dmnDecisionId, dmnDecisionName, version, decisionKey, decisionRequirementsKey, tenantId } = entry.decision;
      return [{ kind: 'decision', id: dmnDecisionId, name: dmnDecisionName, version, key: String(decisionKey), parentKey: String(decisionRequirementsKey), ...tenant(tenantId) }];
    }
    return [];
  });
}
