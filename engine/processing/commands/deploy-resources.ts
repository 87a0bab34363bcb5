/** DeployResource: new versions for changed processes and forms; an identical resource keeps its version. */
import type { ParsedProcess } from '../../bpmn/model.js';
import type { DecisionRequirementsGraph } from '../../dmn/model.js';
import {
  deployDecisionRequirements, rejectDecisionsOfOtherGraphs, type DecisionMetadata, type DecisionRequirementsMetadata,
} from './deploy-decisions.js';
import { planStartEventTimers, replaceStartEventTimers, type StartEventTimerPlans } from '../behaviors/start-event-timers.js';
import type { ProcessingContext } from '../context.js';
import { invalidArgument } from './rejection.js';

export type ParsedResource =
  | { kind: 'bpmn'; resourceName: string; checksum: string; xml: string; processes: ParsedProcess[] }
  | { kind: 'form'; resourceName: string; checksum: string; formId: string; schema: string }
  | { kind: 'dmn'; resourceName: string; checksum: string; graph: DecisionRequirementsGraph };

export interface ProcessMetadata {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: number;
  resourceName: string;
}

export interface FormMetadata {
  formId: string;
  version: number;
  formKey: number;
  resourceName: string;
}

export type DeployedResource =
  | { process: ProcessMetadata }
  | { form: FormMetadata }
  | { decisionRequirements: DecisionRequirementsMetadata }
  | { decision: DecisionMetadata };

export interface DeploymentResult {
  key: number;
  deployments: DeployedResource[];
}

export function deployResources(ctx: ProcessingContext, resources: ParsedResource[]): DeploymentResult {
  rejectDuplicateIds(resources);
  rejectDecisionsOfOtherGraphs(ctx, resources);
  const timerPlans = new Map<ParsedProcess, StartEventTimerPlans>();
  for (const resource of resources) {
    if (resource.kind === 'bpmn') for (const parsed of resource.processes) timerPlans.set(parsed, planStartEventTimers(ctx, parsed.process));
  }
  const deploymentKey = ctx.nextKey();
  const deployments: DeployedResource[] = [];
  for (const resource of resources) {
    if (resource.kind === 'form') {
      deployments.push({ form: deployForm(ctx, resource, deploymentKey) });
      continue;
    }
    if (resource.kind === 'dmn') {
      deployments.push(...deployDecisionRequirements(ctx, resource, deploymentKey));
      continue;
    }
    for (const parsed of resource.processes) {
      deployments.push({ process: deployProcess(ctx, resource, parsed, deploymentKey, timerPlans.get(parsed)!) });
    }
  }
  ctx.write({ type: 'DEPLOYMENT_CREATED', key: deploymentKey, resourceNames: resources.map((r) => r.resourceName) });
  return { key: deploymentKey, deployments };
}

function deployProcess(
  ctx: ProcessingContext,
  resource: Extract<ParsedResource, { kind: 'bpmn' }>,
  parsed: ParsedProcess,
  deploymentKey: number,
  timerPlans: StartEventTimerPlans,
): ProcessMetadata {
  const bpmnProcessId = parsed.process.bpmnProcessId;
  const latest = ctx.state.latestProcess(bpmnProcessId);
  if (latest && latest.checksum === resource.checksum) {
    return { bpmnProcessId, version: latest.version, processDefinitionKey: latest.key, resourceName: latest.resourceName };
  }
  const key = ctx.nextKey();
  const version = ctx.state.processVersions.nextVersion(bpmnProcessId);
  ctx.write({
    type: 'PROCESS_CREATED',
    key,
    bpmnProcessId,
    version,
    resourceName: resource.resourceName,
    checksum: resource.checksum,
    model: parsed.process,
    embeddedForms: parsed.embeddedForms,
    deploymentKey,
    resource: resource.xml,
  });
  replaceStartEventTimers(ctx, ctx.state.processes.get(key)!, timerPlans);
  return { bpmnProcessId, version, processDefinitionKey: key, resourceName: resource.resourceName };
}

function deployForm(ctx: ProcessingContext, resource: Extract<ParsedResource, { kind: 'form' }>, deploymentKey: number): FormMetadata {
  const latest = ctx.state.latestForm(resource.formId);
  if (latest && latest.checksum === resource.checksum) {
    return { formId: resource.formId, version: latest.version, formKey: latest.key, resourceName: latest.resourceName };
  }
  const key = ctx.nextKey();
  const version = ctx.state.formVersions.nextVersion(resource.formId);
  const { kind: _kind, ...form } = resource;
  ctx.write({ type: 'FORM_CREATED', key, version, deploymentKey, ...form });
  return { formId: resource.formId, version, formKey: key, resourceName: resource.resourceName };
}

function rejectDuplicateIds(resources: ParsedResource[]): void {
  const seen = new Map<string, string>();
  for (const resource of resources) {
    const ids = resource.kind === 'form' ? [`form:${resource.formId}`]
      : resource.kind === 'dmn' ? resource.graph.decisions.map((decision) => `decision:${decision.id}`)
        : resource.processes.map((p) => `process:${p.process.bpmnProcessId}`);
    for (const id of ids) {
      const other = seen.get(id);
      if (other !== undefined) {
        const [kind, name] = id.split(/:(.*)/s);
        throw invalidArgument(`Expected to deploy new resources, but encountered the following errors:\nDuplicated ${kind} id '${name}' in resources '${other}' and '${resource.resourceName}'`);
      }
      seen.set(id, resource.resourceName);
    }
  }
}
