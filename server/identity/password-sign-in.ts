/**
 * Sign-in with user name and password, with the per-account lockout: `maxFailures` wrong passwords in a row lock
 * the account for `lockMinutes`. A locked, disabled or unknown account answers like a wrong password and takes as
 * long, so the answer tells an attacker nothing; the audit log records the real reason.
 */
import { SYSTEM_ACTOR, type AuditLog } from '../audit/audit-log.js';
import { verifyPassword } from './passwords.js';
import type { StaffUser } from './staff-user.js';
import { toStaffUser, type UserRow, type UserStore } from './user-store.js';

export type SignInFailure = 'unknown-user' | 'disabled' | 'locked' | 'no-password' | 'wrong-password';

export type SignInResult = { ok: true; user: StaffUser } | { ok: false; reason: SignInFailure };

export interface LockoutPolicy {
  maxFailures: number;
  minutes: number;
}

export class PasswordSignIn {
  constructor(private readonly users: UserStore, private readonly audit: AuditLog, private readonly lockout: LockoutPolicy) {}

  async signIn(username: string, password: string, clientAddress: string | undefined): Promise<SignInResult> {
    const row = await this.users.rowByUsername(username);
    const refusal = row === undefined ? 'unknown-user' : row.disabled ? 'disabled' : row.is_locked ? 'locked' : undefined;
    if (row === undefined || refusal !== undefined) {
      await verifyPassword(null, password);
      return this.failed(refusal ?? 'unknown-user', username, row, clientAddress);
    }
    if (!(await verifyPassword(row.password_hash, password))) {
      return this.failed(row.password_hash === null ? 'no-password' : 'wrong-password', username, row, clientAddress);
    }
    await this.users.recordSuccessfulSignIn(row.id);
    return { ok: true, user: toStaffUser({ ...row, failed_sign_ins: 0, locked_until: null, is_locked: false }) };
  }

  /** Checks the password of a signed-in user (before a password change); a wrong one counts towards the lockout. */
  async confirmPassword(user: StaffUser, password: string, clientAddress: string | undefined): Promise<boolean> {
    const row = await this.users.rowById(user.id);
    if (!row) return false;
    if (await verifyPassword(row.password_hash, password)) return true;
    await this.failed('wrong-password', user.username, row, clientAddress);
    return false;
  }

  private async failed(reason: SignInFailure, username: string, row: UserRow | undefined, clientAddress: string | undefined): Promise<SignInResult> {
    const actor = row ? { kind: 'anonymous' as const, id: row.id, name: row.username } : { kind: 'anonymous' as const, name: username.slice(0, 100) };
    const target = row && { kind: 'user', id: row.id };
    await this.audit.record({ actor, action: 'user.sign-in-failed', target, details: { reason }, clientAddress });
    if (reason === 'wrong-password' && row) {
      const after = await this.users.recordFailedSignIn(row.id, this.lockout.maxFailures, this.lockout.minutes);
      if (after.is_locked && !row.is_locked) {
        await this.audit.record({
          actor: SYSTEM_ACTOR,
          action: 'user.locked',
          target: { kind: 'user', id: row.id },
          details: { failedSignIns: this.lockout.maxFailures, lockedUntil: new Date(after.locked_until!).toISOString() },
          clientAddress,
        });
      }
    }
    return { ok: false, reason };
  }
}
