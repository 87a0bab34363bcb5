/**
 * The deployed resources and definitions in the server's tables: written when the engine has accepted a deployment,
 * read to list definitions with their versions, to download any version's file, and (for later modules) to read a
 * form by its key.
 */
import { createHash } from 'node:crypto';
import type { SqlClient, SqlSession } from '../storage/server-storage.js';

export type DefinitionKind = 'process' | 'form' | 'decision' | 'decision-requirements';

export interface DeployedDefinition {
  kind: DefinitionKind;
  key: string;
  /** bpmnProcessId, formId, dmnDecisionId or dmnDecisionRequirementsId. */
  id: string;
  name?: string;
  version: number;
  tenantId?: string;
  /** A decision's decision requirements key. */
  parentKey?: string;
}

export interface DefinitionVersion {
  version: number;
  key: string;
  name: string | null;
  resourceName: string;
  deploymentKey: string;
  deployedAt: string;
  deployedBy: { id: string; username: string | null } | null;
  /** The decisions in a decision requirements graph. */
  decisions?: { id: string; name: string | null; key: string }[];
}

export interface DefinitionSummary {
  id: string;
  latestVersion: number;
  versions: DefinitionVersion[];
}

export interface StoredContent {
  kind: DefinitionKind;
  /** The definition's key (process definition key, form key, ...). */
  key: string;
  id: string;
  version: number;
  resourceName: string;
  content: string;
}

interface VersionRow {
  definition_id: string;
  version: number;
  key: string;
  name: string | null;
  resource_name: string;
  deployment_key: string;
  deployed_at: Date | string;
  deployed_by: string | null;
  deployed_by_username: string | null;
}

export class DeploymentStore {
  constructor(private readonly sql: SqlClient) {}

  /** Records one accepted deployment of one file and the definitions Zeebe made of it. */
  async record(tx: SqlSession, deployment: { key: string; deployedBy: string; resourceName: string; content: string; definitions: DeployedDefinition[] }): Promise<void> {
    await tx.query('INSERT INTO deployments (key, deployed_by) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [deployment.key, deployment.deployedBy]);
    const [resource] = await tx.query<{ id: string }>(
      'INSERT INTO deployed_resources (deployment_key, name, content, sha256) VALUES ($1, $2, $3, $4) RETURNING id::text AS id',
      [deployment.key, deployment.resourceName, deployment.content, createHash('sha256').update(deployment.content).digest('hex')],
    );
    for (const definition of deployment.definitions) {
      // A resource deployed again unchanged keeps its definitions' keys and versions; the first record stays.
      await tx.query(
        `INSERT INTO definitions (key, kind, definition_id, name, version, tenant_id, parent_key, resource_id, deployment_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::bigint, $9) ON CONFLICT (key) DO NOTHING`,
        [definition.key, definition.kind, definition.id, definition.name ?? null, definition.version, definition.tenantId ?? null,
          definition.parentKey ?? null, resource.id, deployment.key],
      );
    }
  }

  /** Every definition of a kind with its versions, newest first. */
  async list(kind: DefinitionKind): Promise<DefinitionSummary[]> {
    const rows = await this.sql.query<VersionRow>(
      `SELECT d.definition_id, d.version, d.key, d.name, r.name AS resource_name, d.deployment_key, dep.deployed_at,
              dep.deployed_by, u.username AS deployed_by_username
       FROM definitions d
       JOIN deployed_resources r ON r.id = d.resource_id
       JOIN deployments dep ON dep.key = d.deployment_key
       LEFT JOIN users u ON u.id = dep.deployed_by
       WHERE d.kind = $1
       ORDER BY d.definition_id, d.version DESC, dep.deployed_at DESC`,
      [kind],
    );
    const decisions = kind === 'decision-requirements' ? await this.decisionsByParent() : new Map<string, DefinitionVersion['decisions']>();
    const summaries = new Map<string, DefinitionSummary>();
    for (const row of rows) {
      let summary = summaries.get(row.definition_id);
      if (!summary) summaries.set(row.definition_id, (summary = { id: row.definition_id, latestVersion: row.version, versions: [] }));
      summary.versions.push({
        version: row.version,
        key: row.key,
        name: row.name,
        resourceName: row.resource_name,
        deploymentKey: row.deployment_key,
        deployedAt: new Date(row.deployed_at).toISOString(),
        deployedBy: row.deployed_by === null ? null : { id: row.deployed_by, username: row.deployed_by_username },
        ...(kind === 'decision-requirements' ? { decisions: decisions.get(row.key) ?? [] } : {}),
      });
    }
    return [...summaries.values()];
  }

  /** The file a version of a definition was deployed from (the newest, if a reset cluster handed the version out twice). */
  async content(kind: DefinitionKind, id: string, version: number): Promise<StoredContent | undefined> {
    return this.contentWhere('d.kind = $1 AND d.definition_id = $2 AND d.version = $3', [kind, id, version]);
  }

  /** The file a definition was deployed from, by its key: a form for a user task's `formKey`, say. */
  async contentByKey(key: string): Promise<StoredContent | undefined> {
    return this.contentWhere('d.key = $1', [key]);
  }

  /** The newest version of a definition deployed through this server, with its file. */
  async latest(kind: DefinitionKind, id: string): Promise<StoredContent | undefined> {
    return this.contentWhere('d.kind = $1 AND d.definition_id = $2 AND d.version = (SELECT max(version) FROM definitions WHERE kind = $1 AND definition_id = $2)', [kind, id]);
  }

  private async contentWhere(condition: string, params: unknown[]): Promise<StoredContent | undefined> {
    const [row] = await this.sql.query<{ kind: DefinitionKind; key: string; definition_id: string; version: number; name: string; content: string }>(
      `SELECT d.kind, d.key, d.definition_id, d.version, r.name, r.content
       FROM definitions d JOIN deployed_resources r ON r.id = d.resource_id
       WHERE ${condition} ORDER BY r.id DESC LIMIT 1`,
      params,
    );
    return row && { kind: row.kind, key: row.key, id: row.definition_id, version: row.version, resourceName: row.name, content: row.content };
  }

  private async decisionsByParent(): Promise<Map<string, NonNullable<DefinitionVersion['decisions']>>> {
    const rows = await this.sql.query<{ parent_key: string; definition_id: string; name: string | null; key: string }>(
      `SELECT parent_key, definition_id, name, key FROM definitions WHERE kind = 'decision' ORDER BY definition_id`,
    );
    const byParent = new Map<string, NonNullable<DefinitionVersion['decisions']>>();
    for (const row of rows) {
      const list = byParent.get(row.parent_key) ?? [];
      list.push({ id: row.definition_id, name: row.name, key: row.key });
      byParent.set(row.parent_key, list);
    }
    return byParent;
  }
}
