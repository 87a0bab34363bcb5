/**
 * Server-side sessions in `sessions`. A session ends after `idleMinutes` without a request or `absoluteHours` after
 * sign-in, whichever comes first; the browser holds only a random token whose SHA-256 is the row's key.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SqlClient } from '../storage/server-storage.js';

export interface SessionLimits {
  idleMinutes: number;
  absoluteHours: number;
}

export interface StoredSession {
  tokenSha256: string;
  userId: string;
  csrfToken: string;
  signedInVia: 'password' | 'oidc';
  /** When the session ends at the latest, whatever happens. */
  expiresAt: string;
  /** Whether the last-seen time is old enough to be worth writing again. */
  stale: boolean;
}

export const randomToken = () => randomBytes(32).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

// Writing last_seen_at on every request would turn every read into a write; a minute's precision is enough.
const TOUCH_AFTER_SECONDS = 60;

export class SessionStore {
  constructor(private readonly sql: SqlClient, private readonly limits: SessionLimits) {}

  /** Starts a session; resolves with the token for the cookie and the CSRF token for the client. */
  async create(userId: string, signedInVia: StoredSession['signedInVia']): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
    const token = randomToken();
    const csrfToken = randomToken();
    const [row] = await this.sql.query<{ expires_at: Date | string }>(
      `INSERT INTO sessions (token_sha256, user_id, csrf_token, signed_in_via, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5::int)) RETURNING expires_at`,
      [sha256(token), userId, csrfToken, signedInVia, this.limits.absoluteHours],
    );
    return { token, csrfToken, expiresAt: new Date(row.expires_at).toISOString() };
  }

  /** The live session for a cookie token, or undefined when it is unknown, idle too long or past its end. */
  async find(token: string): Promise<StoredSession | undefined> {
    const [row] = await this.sql.query<{
      token_sha256: string; user_id: string; csrf_token: string; signed_in_via: 'password' | 'oidc'; expires_at: Date | string; stale: boolean;
    }>(
      `SELECT token_sha256, user_id, csrf_token, signed_in_via, expires_at,
              last_seen_at < now() - make_interval(secs => $3::int) AS stale
       FROM sessions
       WHERE token_sha256 = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $2::int)`,
      [sha256(token), this.limits.idleMinutes, TOUCH_AFTER_SECONDS],
    );
    if (!row) return undefined;
    return {
      tokenSha256: row.token_sha256,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      signedInVia: row.signed_in_via,
      expiresAt: new Date(row.expires_at).toISOString(),
      stale: row.stale,
    };
  }

  async touch(tokenSha256: string): Promise<void> {
    await this.sql.query('UPDATE sessions SET last_seen_at = now() WHERE token_sha256 = $1', [tokenSha256]);
  }

  async delete(tokenSha256: string): Promise<void> {
    await this.sql.query('DELETE FROM sessions WHERE token_sha256 = $1', [tokenSha256]);
  }

  /** Ends every session of a user: after a password change, a reset, or disabling the account. */
  async deleteAllOf(userId: string, except?: string): Promise<void> {
    await this.sql.query('DELETE FROM sessions WHERE user_id = $1 AND token_sha256 IS DISTINCT FROM $2', [userId, except ?? null]);
  }

  /** Removes ended sessions; called now and then, not on the request path. */
  async deleteExpired(): Promise<number> {
    const rows = await this.sql.query(
      `DELETE FROM sessions WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(mins => $1::int) RETURNING 1`,
      [this.limits.idleMinutes],
    );
    return rows.length;
  }
}
