import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { storageTargets } from '../../engine/storage/storage-test-targets.js';
import { AuditLog } from '../audit/audit-log.js';
import { SessionStore } from '../identity/session-store.js';
import { UsernameTakenError, UserStore } from '../identity/user-store.js';
import { openServerStorage, type SqlClient } from './server-storage.js';

describe.each(storageTargets())('server storage on $name', (target) => {
  let sql: SqlClient;
  beforeAll(async () => {
    await target.setUp();
    const { dataDir, databaseUrl, schema } = target.freshOptions();
    sql = await openServerStorage({ dataDir, databaseUrl, schema });
  });
  afterAll(async () => {
    await sql.close();
    await target.tearDown();
  });

  it('applies its migrations once, in order', async () => {
    const applied = await sql.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY version');
    expect(applied.map((row) => row.name)).toEqual(['001_identity.sql', '002_audit_log.sql', '003_deployments.sql', '004_tasks.sql', '005_portal.sql', '006_invoice_intake.sql', '007_found_items_register.sql', '008_portal_later_documents.sql', '009_task_aktenzeichen.sql']);
  });

  it('keeps the audit log append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const audit = new AuditLog(sql);
    await audit.record({ actor: { kind: 'system' }, action: 'test.recorded', details: { n: 1 } });
    await expect(sql.query(`UPDATE audit_log SET action = 'test.forged'`)).rejects.toThrow(/append-only/);
    await expect(sql.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(sql.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const { entries } = await audit.list({ limit: 10 });
    expect(entries).toEqual([expect.objectContaining({ action: 'test.recorded', details: { n: 1 }, actor: { kind: 'system' } })]);
  });

  it('pages the audit log newest first by cursor and filters it', async () => {
    const audit = new AuditLog(sql);
    for (let i = 0; i < 5; i++) {
      await audit.record({ actor: { kind: 'staff', id: `u${i % 2}` }, action: 'test.paged', target: { kind: 'thing', id: String(i) } });
    }
    const first = await audit.list({ action: 'test.paged', limit: 2 });
    const second = await audit.list({ action: 'test.paged', limit: 2, before: first.nextCursor! });
    const third = await audit.list({ action: 'test.paged', limit: 2, before: second.nextCursor! });
    expect([...first.entries, ...second.entries, ...third.entries].map((entry) => entry.target?.id)).toEqual(['4', '3', '2', '1', '0']);
    expect(third.nextCursor).toBeNull();
    expect((await audit.list({ action: 'test.paged', actorId: 'u1', limit: 10 })).entries).toHaveLength(2);
    expect((await audit.list({ targetKind: 'thing', targetId: '3', limit: 10 })).entries).toHaveLength(1);
    expect((await audit.list({ action: 'test.paged', from: '2999-01-01T00:00:00Z', limit: 10 })).entries).toHaveLength(0);
  });

  it('stores users with roles and departments, and refuses a second user of the same name in any case', async () => {
    const users = new UserStore(sql);
    const created = await users.create({ username: 'Kim', displayName: 'Kim K', passwordHash: null, roles: ['clerk', 'process-manager'], departments: ['ordnungsamt', 'kaemmerei'], mustChangePassword: false });
    expect(await users.byId(created.id)).toMatchObject({ roles: ['clerk', 'process-manager'], departments: ['ordnungsamt', 'kaemmerei'], hasPassword: false });
    await expect(users.create({ username: 'kim', displayName: 'x', passwordHash: null, roles: [], departments: [], mustChangePassword: false })).rejects.toBeInstanceOf(UsernameTakenError);
    await expect(sql.query(`UPDATE users SET roles = ARRAY['superuser'] WHERE id = $1`, [created.id])).rejects.toThrow();
  });

  it('locks an account in the database when the failures reach the limit', async () => {
    const users = new UserStore(sql);
    const user = await users.create({ username: 'lockable', displayName: 'x', passwordHash: null, roles: [], departments: [], mustChangePassword: false });
    expect((await users.recordFailedSignIn(user.id, 2, 15)).is_locked).toBe(false);
    const locked = await users.recordFailedSignIn(user.id, 2, 15);
    expect(locked.is_locked).toBe(true);
    expect(locked.failed_sign_ins).toBe(0);
    expect((await users.byId(user.id))!.lockedUntil).not.toBeNull();
  });

  it('finds a session by its token only, until it is deleted', async () => {
    const users = new UserStore(sql);
    const user = await users.create({ username: 'sessioned', displayName: 'x', passwordHash: null, roles: [], departments: [], mustChangePassword: false });
    const sessions = new SessionStore(sql, { idleMinutes: 30, absoluteHours: 12 });
    const { token, csrfToken } = await sessions.create(user.id, 'password');
    const found = await sessions.find(token);
    expect(found).toMatchObject({ userId: user.id, csrfToken, signedInVia: 'password', stale: false });
    const [stored] = await sql.query<{ token_sha256: string }>('SELECT token_sha256 FROM sessions WHERE user_id = $1', [user.id]);
    expect(stored.token_sha256).not.toContain(token);
    expect(await sessions.find(`${token}x`)).toBeUndefined();
    await sql.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [user.id]);
    expect(await sessions.find(token)).toBeUndefined();
    expect(await sessions.deleteExpired()).toBeGreaterThanOrEqual(1);
  });
});
