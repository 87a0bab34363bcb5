/**
 * On the first start with an empty user table, creates the admin account `admin`: with AMTSFLOW_ADMIN_PASSWORD, or
 * with a random password that is returned once for printing and must be changed at the first sign-in.
 */
import { SYSTEM_ACTOR, type AuditLog } from '../audit/audit-log.js';
import type { SqlClient } from '../storage/server-storage.js';
import { hashPassword } from './passwords.js';
import { randomToken } from './session-store.js';
import type { UserStore } from './user-store.js';

export const BOOTSTRAP_ADMIN_USERNAME = 'admin';

export interface BootstrappedAdmin {
  username: string;
  /** Set only when it was generated: print it once. */
  generatedPassword?: string;
}

export async function bootstrapAdmin(sql: SqlClient, users: UserStore, audit: AuditLog, configuredPassword: string | undefined): Promise<BootstrappedAdmin | undefined> {
  return sql.transaction(async (tx) => {
    // Two replicas starting together against one server: the lock makes the second see the first's admin.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['amtsflow.bootstrap-admin']);
    const [{ count }] = await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM users');
    if (count > 0) return undefined;
    const generatedPassword = configuredPassword === undefined ? randomToken().slice(0, 24) : undefined;
    const admin = await users.create({
      username: BOOTSTRAP_ADMIN_USERNAME,
      displayName: 'Administrator',
      passwordHash: await hashPassword(configuredPassword ?? generatedPassword!),
      roles: ['admin'],
      departments: [],
      mustChangePassword: generatedPassword !== undefined,
    }, tx);
    await audit.record({ actor: SYSTEM_ACTOR, action: 'user.created', target: { kind: 'user', id: admin.id }, details: { username: admin.username, roles: admin.roles, bootstrap: true } }, tx);
    return { username: admin.username, generatedPassword };
  });
}
