/**
 * The audit log: who did what, when. `record` is how every module writes to it (pass the transaction the change
 * itself runs in, so both commit or neither); `list` reads it for admins. Nothing changes or removes an entry: the
 * table's triggers refuse UPDATE, DELETE and TRUNCATE.
 */
import type { Request } from 'express';
import type { SqlClient, SqlSession } from '../storage/server-storage.js';

export interface AuditActor {
  kind: 'staff' | 'citizen' | 'anonymous' | 'system';
  id?: string;
  name?: string;
}

export interface AuditEntryInput {
  actor: AuditActor;
  /** What happened, `area.verb`: `user.signed-in`, `deployment.created`, `task.completed`, ... */
  action: string;
  target?: { kind: string; id: string };
  details?: Record<string, unknown>;
  clientAddress?: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: AuditActor;
  action: string;
  target: { kind: string; id: string } | null;
  details: Record<string, unknown>;
  clientAddress: string | null;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  targetKind?: string;
  targetId?: string;
  from?: string;
  to?: string;
  /** Entries older than this id (the `nextCursor` of the previous page). */
  before?: string;
  limit: number;
}

export const SYSTEM_ACTOR: AuditActor = { kind: 'system', name: 'amtsflow' };

/** The actor of a request: the signed-in staff user, or anonymous. */
export function actorOf(req: Request): AuditActor {
  const user = req.auth?.user;
  return user ? { kind: 'staff', id: user.id, name: user.username } : { kind: 'anonymous' };
}

/** Actor and client address of a request, for `record`. */
export const requestOrigin = (req: Request) => ({ actor: actorOf(req), clientAddress: req.ip });

interface AuditRow {
  id: string;
  at: Date | string;
  actor_kind: AuditActor['kind'];
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  client_address: string | null;
}

export class AuditLog {
  constructor(private readonly sql: SqlClient) {}

  async record(entry: AuditEntryInput, tx: SqlSession = this.sql): Promise<void> {
    await this.recordAll([entry], tx);
  }

  /** Several entries in one statement, in their order (many changes written together, as a group commit does). */
  async recordAll(entries: readonly AuditEntryInput[], tx: SqlSession = this.sql): Promise<void> {
    if (entries.length === 0) return;
    const columns = (entry: AuditEntryInput) => [
      entry.actor.kind, entry.actor.id ?? null, entry.actor.name ?? null, entry.action,
      entry.target?.kind ?? null, entry.target?.id ?? null, JSON.stringify(entry.details ?? {}), entry.clientAddress ?? null,
    ];
    const rows = entries.map((_, index) => {
      const at = index * 8;
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}::jsonb, $${at + 8})`;
    });
    await tx.query(
      `INSERT INTO audit_log (actor_kind, actor_id, actor_name, action, target_kind, target_id, details, client_address) VALUES ${rows.join(', ')}`,
      entries.flatMap(columns),
    );
  }

  /** Newest first, one page; `nextCursor` is set when older entries exist. */
  async list(filter: AuditFilter): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.actorId !== undefined) where('actor_id = ?', filter.actorId);
    if (filter.action !== undefined) where('action = ?', filter.action);
    if (filter.targetKind !== undefined) where('target_kind = ?', filter.targetKind);
    if (filter.targetId !== undefined) where('target_id = ?', filter.targetId);
    if (filter.from !== undefined) where('at >= ?::timestamptz', filter.from);
    if (filter.to !== undefined) where('at < ?::timestamptz', filter.to);
    if (filter.before !== undefined) where('id < ?::bigint', filter.before);
    params.push(filter.limit + 1);
    // Ordered by the column, not the text alias `id` (as text, "9" would come before "10").
    const rows = await this.sql.query<AuditRow>(
      `SELECT id::text AS id, at, actor_kind, actor_id, actor_name, action, target_kind, target_id, details, client_address
       FROM audit_log ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY audit_log.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, filter.limit).map(toEntry);
    return { entries: page, nextCursor: rows.length > filter.limit ? page[page.length - 1].id : null };
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: {
      kind: row.actor_kind,
      ...(row.actor_id === null ? {} : { id: row.actor_id }),
      ...(row.actor_name === null ? {} : { name: row.actor_name }),
    },
    action: row.action,
    target: row.target_kind === null ? null : { kind: row.target_kind, id: row.target_id ?? '' },
    details: row.details,
    clientAddress: row.client_address,
  };
}
