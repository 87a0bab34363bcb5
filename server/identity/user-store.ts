/** Staff accounts in `users`: the queries, in one place. */
import { randomUUID } from 'node:crypto';
import { isUniqueViolation, type SqlClient, type SqlSession } from '../storage/server-storage.js';
import type { Role } from './roles.js';
import type { StaffUser } from './staff-user.js';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string | null;
  roles: Role[];
  departments: string[];
  disabled: boolean;
  must_change_password: boolean;
  failed_sign_ins: number;
  locked_until: Date | string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  /** Computed by the database, so the lock's length does not depend on the two clocks agreeing. */
  is_locked: boolean;
}

const USER_COLUMNS = '*, coalesce(locked_until > now(), false) AS is_locked';

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string | null;
  roles: Role[];
  departments: string[];
  mustChangePassword: boolean;
}

export interface UserChanges {
  displayName?: string;
  roles?: Role[];
  departments?: string[];
  disabled?: boolean;
}

export class UsernameTakenError extends Error {
  override name = 'UsernameTakenError';
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function toStaffUser(row: UserRow): StaffUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: [...row.roles],
    departments: [...row.departments],
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    hasPassword: row.password_hash !== null,
    lockedUntil: row.is_locked && row.locked_until !== null ? iso(row.locked_until) : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export class UserStore {
  constructor(private readonly sql: SqlClient) {}

  async create(user: NewUser, tx: SqlSession = this.sql): Promise<StaffUser> {
    try {
      const [row] = await tx.query<UserRow>(
        `INSERT INTO users (id, username, display_name, password_hash, roles, departments, must_change_password)
         VALUES ($1, $2, $3, $4, $5::text[], $6::text[], $7) RETURNING ${USER_COLUMNS}`,
        [randomUUID(), user.username, user.displayName, user.passwordHash, user.roles, user.departments, user.mustChangePassword],
      );
      return toStaffUser(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new UsernameTakenError(`The user name "${user.username}" is taken`);
      throw error;
    }
  }

  async rowById(id: string, tx: SqlSession = this.sql): Promise<UserRow | undefined> {
    const [row] = await tx.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return row;
  }

  async rowByUsername(username: string, tx: SqlSession = this.sql): Promise<UserRow | undefined> {
    const [row] = await tx.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE lower(username) = lower($1)`, [username]);
    return row;
  }

  async byId(id: string): Promise<StaffUser | undefined> {
    const row = await this.rowById(id);
    return row && toStaffUser(row);
  }

  async list(): Promise<StaffUser[]> {
    const rows = await this.sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY lower(username)`);
    return rows.map(toStaffUser);
  }

  async update(id: string, changes: UserChanges, tx: SqlSession = this.sql): Promise<StaffUser | undefined> {
    const [row] = await tx.query<UserRow>(
      `UPDATE users SET
         display_name = coalesce($2, display_name),
         roles = coalesce($3::text[], roles),
         departments = coalesce($4::text[], departments),
         disabled = coalesce($5, disabled),
         updated_at = now()
       WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [id, changes.displayName ?? null, changes.roles ?? null, changes.departments ?? null, changes.disabled ?? null],
    );
    return row && toStaffUser(row);
  }

  /** Sets a new password; an admin's reset also asks for a change at the next sign-in and lifts a lockout. */
  async setPassword(id: string, passwordHash: string, mustChange: boolean, tx: SqlSession = this.sql): Promise<StaffUser | undefined> {
    const [row] = await tx.query<UserRow>(
      `UPDATE users SET password_hash = $2, must_change_password = $3, failed_sign_ins = 0, locked_until = NULL, updated_at = now()
       WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [id, passwordHash, mustChange],
    );
    return row && toStaffUser(row);
  }

  /** Counts a failed sign-in; resolves with the row after it (locked when the count reached `maxFailures`). */
  async recordFailedSignIn(id: string, maxFailures: number, lockMinutes: number): Promise<UserRow> {
    const [row] = await this.sql.query<UserRow>(
      `UPDATE users SET
         failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0 ELSE failed_sign_ins + 1 END,
         locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN now() + make_interval(mins => $3::int) ELSE locked_until END
       WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [id, maxFailures, lockMinutes],
    );
    return row;
  }

  async recordSuccessfulSignIn(id: string): Promise<void> {
    await this.sql.query('UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1', [id]);
  }

  async rowByOidcIdentity(issuer: string, subject: string): Promise<UserRow | undefined> {
    const [row] = await this.sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2`, [issuer, subject]);
    return row;
  }

  async linkOidcIdentity(id: string, issuer: string, subject: string): Promise<void> {
    await this.sql.query('UPDATE users SET oidc_issuer = $2, oidc_subject = $3 WHERE id = $1', [id, issuer, subject]);
  }
}
