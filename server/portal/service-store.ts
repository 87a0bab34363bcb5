/** The public services: which processes a process manager published to citizens, under which title and prefix. */
import type { SqlClient, SqlSession } from '../storage/server-storage.js';

export interface PortalService {
  /** The BPMN process id. */
  id: string;
  title: string;
  description: string;
  referencePrefix: string;
  published: boolean;
  updatedAt: string;
  /** The message by which a running case takes documents the citizen hands in later, and the variable they go in; null: none. */
  laterDocuments: LaterDocumentsMessage | null;
}

export interface LaterDocumentsMessage {
  /** The BPMN message name; its correlation key is the case's reference number. */
  message: string;
  variable: string;
}

interface ServiceRow {
  process_id: string;
  title: string;
  description: string;
  reference_prefix: string;
  published: boolean;
  updated_at: Date | string;
  later_documents_message: string | null;
  later_documents_variable: string | null;
}

const COLUMNS = 'process_id, title, description, reference_prefix, published, updated_at, later_documents_message, later_documents_variable';

export class ServiceStore {
  constructor(private readonly sql: SqlClient) {}

  /** Publishes (or re-publishes with new texts) a process; the prefix of another service is refused by the database. `userId` null: the system. */
  async publish(tx: SqlSession, service: Omit<PortalService, 'published' | 'updatedAt'>, userId: string | null): Promise<PortalService> {
    const [row] = await tx.query<ServiceRow>(
      `INSERT INTO portal_services (process_id, title, description, reference_prefix, published, updated_by, later_documents_message, later_documents_variable)
       VALUES ($1, $2, $3, $4, true, $5, $6, $7)
       ON CONFLICT (process_id) DO UPDATE SET title = $2, description = $3, reference_prefix = $4, published = true, updated_at = now(), updated_by = $5,
         later_documents_message = $6, later_documents_variable = $7
       RETURNING ${COLUMNS}`,
      [service.id, service.title, service.description, service.referencePrefix, userId, service.laterDocuments?.message ?? null, service.laterDocuments?.variable ?? null],
    );
    return serviceOf(row);
  }

  /** Withdraws a published service; false when there is none published under that id. */
  async withdraw(tx: SqlSession, id: string, userId: string): Promise<boolean> {
    const rows = await tx.query('UPDATE portal_services SET published = false, updated_at = now(), updated_by = $2 WHERE process_id = $1 AND published RETURNING process_id', [id, userId]);
    return rows.length > 0;
  }

  async get(id: string): Promise<PortalService | undefined> {
    return (await this.withDeploymentGeneration(id))?.service;
  }

  /**
   * The service with the newest deployed resource's id: it changes with every deployment, so what was worked out
   * from the deployed files (the service's form) can be kept until it does, at the price of this one query.
   */
  async withDeploymentGeneration(id: string): Promise<{ service: PortalService; deploymentGeneration: string } | undefined> {
    const [row] = await this.sql.query<ServiceRow & { generation: string }>(
      `SELECT ${COLUMNS}, (SELECT coalesce(max(id), 0)::text FROM deployed_resources) AS generation FROM portal_services WHERE process_id = $1`,
      [id],
    );
    return row && { service: serviceOf(row), deploymentGeneration: row.generation };
  }

  async list(options: { publishedOnly: boolean }): Promise<PortalService[]> {
    const rows = await this.sql.query<ServiceRow>(`SELECT ${COLUMNS} FROM portal_services ${options.publishedOnly ? 'WHERE published' : ''} ORDER BY title, process_id`);
    return rows.map(serviceOf);
  }
}

function serviceOf(row: ServiceRow): PortalService {
  return {
    id: row.process_id,
    title: row.title,
    description: row.description,
    referencePrefix: row.reference_prefix,
    published: row.published,
    updatedAt: new Date(row.updated_at).toISOString(),
    laterDocuments: row.later_documents_message === null || row.later_documents_variable === null
      ? null : { message: row.later_documents_message, variable: row.later_documents_variable },
  };
}
