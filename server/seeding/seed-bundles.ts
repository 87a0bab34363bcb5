/**
 * Deploys a bundle of resources that ship with amtsflow (the city's reference processes) on the first start and
 * publishes its citizen services, so a new user finds them in the designer, the portal and the task list at once. A
 * bundle is seeded only while none of its processes has any version here: whatever a process manager did with them
 * afterwards (new versions, withdrawn services) is never overwritten by a restart.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../audit/audit-log.js';
import type { ServerContext } from '../server-context.js';
import { ResourceDeployer, type DeployedResource } from '../deployments/deploy-resources.js';
import { DeploymentStore } from '../deployments/deployment-store.js';
import { kindOf, type UploadedResource } from '../deployments/uploaded-files.js';
import { servicePublishing } from '../portal/portal-module.js';
import { publishService, type ServiceToPublish } from '../portal/publish-service.js';

export interface SeedBundle {
  /** Shown in the log, like `hundeanmeldung`. */
  name: string;
  /** The BPMN process ids the bundle defines; if any of them is deployed already, the bundle is left alone. */
  processIds: string[];
  /** Absolute paths of its `.form`, `.dmn` and `.bpmn` files. */
  files: string[];
  /** Its processes citizens start in the portal. */
  publicServices: ServiceToPublish[];
}

/** Seeds each bundle none of whose processes is deployed yet; returns what was deployed, by bundle name. */
export async function seedBundles(context: ServerContext, bundles: readonly SeedBundle[]): Promise<Map<string, DeployedResource[]>> {
  const store = new DeploymentStore(context.sql);
  const deployer = new ResourceDeployer(context.zeebe, context.sql, store, context.audit);
  const publishing = servicePublishing(context);
  const known = new Set((await store.list('process')).map((summary) => summary.id));
  const seeded = new Map<string, DeployedResource[]>();
  for (const bundle of bundles) {
    if (bundle.processIds.some((id) => known.has(id))) continue;
    const resources = await Promise.all(bundle.files.map(readResource));
    const deployed = await deployer.deploy(resources, { actor: SYSTEM_ACTOR });
    for (const service of bundle.publicServices) await publishService(publishing, service, { actor: SYSTEM_ACTOR });
    context.logger.info({ bundle: bundle.name, resources: deployed.map((each) => each.resourceName), services: bundle.publicServices.map((each) => each.processId) },
      `Deployed the reference process bundle ${bundle.name}`);
    seeded.set(bundle.name, deployed);
  }
  return seeded;
}

async function readResource(file: string): Promise<UploadedResource> {
  const name = path.basename(file);
  const kind = kindOf(name);
  if (!kind) throw new Error(`${file} is not a .bpmn, .dmn or .form file`);
  const content = await readFile(file);
  return { name, kind, content, text: content.toString('utf8') };
}
