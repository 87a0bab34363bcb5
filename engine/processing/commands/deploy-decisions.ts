/**
 * Deploys a `.dmn` resource: a new version of its decision requirements graph and of each of its decisions, unless
 * the same resource is deployed again. A decision id belongs to one graph: Zeebe rejects it in another.
 */
import type { ProcessingContext } from '../context.js';
import type { DeployedResource, ParsedResource } from './deploy-resources.js';
import { invalidArgument } from './rejection.js';

export interface DecisionRequirementsMetadata {
  dmnDecisionRequirementsId: string;
  dmnDecisionRequirementsName: string;
  version: number;
  decisionRequirementsKey: number;
  resourceName: string;
}

export interface DecisionMetadata {
  dmnDecisionId: string;
  dmnDecisionName: string;
  version: number;
  decisionKey: number;
  dmnDecisionRequirementsId: string;
  decisionRequirementsKey: number;
}

export function deployDecisionRequirements(
  ctx: ProcessingContext, resource: Extract<ParsedResource, { kind: 'dmn' }>, deploymentKey: number,
): DeployedResource[] {
  const { graph } = resource;
  const latest = ctx.state.latestDecisionRequirements(graph.decisionRequirementsId);
  if (latest && latest.checksum === resource.checksum) return metadataOf(ctx, latest.key);
  const key = ctx.nextKey();
  ctx.write({
    type: 'DECISION_REQUIREMENTS_CREATED',
    key,
    decisionRequirementsId: graph.decisionRequirementsId,
    name: graph.decisionRequirementsName,
    version: ctx.state.decisionRequirementsVersions.nextVersion(graph.decisionRequirementsId),
    resourceName: resource.resourceName,
    checksum: resource.checksum,
    deploymentKey,
    graph,
  });
  for (const decision of graph.decisions) {
    ctx.write({
      type: 'DECISION_CREATED',
      key: ctx.nextKey(),
      decisionId: decision.id,
      name: decision.name,
      version: ctx.state.decisionVersions.nextVersion(decision.id),
      decisionRequirementsKey: key,
      decisionRequirementsId: graph.decisionRequirementsId,
      deploymentKey,
    });
  }
  return metadataOf(ctx, key);
}

/** Checked before anything of the deployment is written: a rejection may only come before the first event. */
export function rejectDecisionsOfOtherGraphs(ctx: ProcessingContext, resources: ParsedResource[]): void {
  for (const resource of resources) {
    if (resource.kind !== 'dmn') continue;
    for (const decision of resource.graph.decisions) {
      const latest = ctx.state.latestDecision(decision.id);
      if (latest && latest.decisionRequirementsId !== resource.graph.decisionRequirementsId) {
        throw invalidArgument(`Expected to deploy new resources, but encountered the following errors:\n'${resource.resourceName}': Expected the decision ids to be unique within a deployment and across decision requirements graphs, but decision '${decision.id}' is already part of the decision requirements graph '${latest.decisionRequirementsId}'`);
      }
    }
  }
}

function metadataOf(ctx: ProcessingContext, decisionRequirementsKey: number): DeployedResource[] {
  const requirements = ctx.state.decisionRequirements.get(decisionRequirementsKey)!;
  const decisions = [...ctx.state.decisions.values()].filter((decision) => decision.decisionRequirementsKey === decisionRequirementsKey);
  return [
    {
      decisionRequirements: {
        dmnDecisionRequirementsId: requirements.decisionRequirementsId,
        dmnDecisionRequirementsName: requirements.name,
        version: requirements.version,
        decisionRequirementsKey: requirements.key,
        resourceName: requirements.resourceName,
      },
    },
    ...decisions.map((decision) => ({
      decision: {
        dmnDecisionId: decision.decisionId,
        dmnDecisionName: decision.name,
        version: decision.version,
        decisionKey: decision.key,
        dmnDecisionRequirementsId: decision.decisionRequirementsId,
        decisionRequirementsKey: requirements.key,
      },
    })),
  ];
}
