/**
 * Staff sign-in through an OpenID Connect identity provider: authorization code flow with PKCE (S256), state and
 * nonce, through openid-client. The pending request waits in `oidc_sign_ins`, bound to the browser by a short-lived
 * cookie, and can be completed once. The provider proves who someone is; what they may do stays amtsflow's: the
 * identity must belong to an existing, enabled account (linked on first use by the user name claim).
 */
import * as oidc from 'openid-client';
import type { AuditLog } from '../audit/audit-log.js';
import type { OidcConfig } from '../config.js';
import type { SqlClient } from '../storage/server-storage.js';
import { randomToken, sha256 } from './session-store.js';
import type { StaffUser } from './staff-user.js';
import { toStaffUser, type UserStore } from './user-store.js';

export const OIDC_SIGN_IN_MINUTES = 10;

export class OidcSignInError extends Error {
  override name = 'OidcSignInError';
  constructor(message: string, readonly reason: 'unavailable' | 'expired' | 'provider' | 'unknown-user' | 'disabled') {
    super(message);
  }
}

export class OidcSignIn {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(
    private readonly settings: OidcConfig,
    private readonly redirectUri: URL,
    private readonly sql: SqlClient,
    private readonly users: UserStore,
    private readonly audit: AuditLog,
  ) {}

  /** Starts a sign-in; resolves with where to send the browser and the value for its binding cookie. */
  async begin(returnTo: string): Promise<{ authorizationUrl: URL; binding: string }> {
    const configuration = await this.discover();
    const binding = randomToken();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    await this.sql.query('DELETE FROM oidc_sign_ins WHERE expires_at <= now()');
    await this.sql.query(
      `INSERT INTO oidc_sign_ins (binding_sha256, state, nonce, code_verifier, return_to, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6::int))`,
      [sha256(binding), state, nonce, codeVerifier, returnTo, OIDC_SIGN_IN_MINUTES],
    );
    const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri.href,
      scope: this.settings.scope,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { authorizationUrl, binding };
  }

  /** Completes the sign-in the provider redirected back with (`callbackUrl` as the browser requested it). */
  async complete(binding: string | undefined, callbackUrl: URL, clientAddress: string | undefined): Promise<{ user: StaffUser; returnTo: string }> {
    const [pending] = binding === undefined ? [] : await this.sql.query<{ state: string; nonce: string; code_verifier: string; return_to: string }>(
      'DELETE FROM oidc_sign_ins WHERE binding_sha256 = $1 AND expires_at > now() RETURNING state, nonce, code_verifier, return_to',
      [sha256(binding)],
    );
    if (!pending) throw new OidcSignInError('The sign-in was not started in this browser, or it took too long; start again.', 'expired');
    let claims: oidc.IDToken;
    try {
      const configuration = await this.discover();
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims()!;
    } catch (error) {
      if (error instanceof OidcSignInError) throw error;
      throw new OidcSignInError(`The identity provider did not confirm the sign-in: ${(error as Error).message}`, 'provider');
    }
    const user = await this.accountOf(claims, clientAddress);
    return { user, returnTo: pending.return_to };
  }

  private async accountOf(claims: oidc.IDToken, clientAddress: string | undefined): Promise<StaffUser> {
    const linked = await this.users.rowByOidcIdentity(claims.iss, claims.sub);
    const username = claims[this.settings.usernameClaim];
    const row = linked ?? (typeof username === 'string' ? await this.users.rowByUsername(username) : undefined);
    const refusal = row === undefined || (!linked && row.oidc_subject !== null) ? 'unknown-user' : row.disabled ? 'disabled' : undefined;
    if (refusal !== undefined) {
      await this.audit.record({
        actor: { kind: 'anonymous', ...(row ? { id: row.id } : {}), name: typeof username === 'string' ? username.slice(0, 100) : claims.sub },
        action: 'user.sign-in-failed',
        details: { reason: refusal, via: 'oidc', issuer: claims.iss, subject: claims.sub },
        clientAddress,
      });
      throw new OidcSignInError(refusal === 'disabled' ? 'This account is disabled.' : 'There is no amtsflow account for this identity; ask an admin to create one.', refusal);
    }
    if (!linked) await this.users.linkOidcIdentity(row!.id, claims.iss, claims.sub);
    return toStaffUser(row!);
  }

  private async discover(): Promise<oidc.Configuration> {
    try {
      return await this.discovery();
    } catch (error) {
      throw new OidcSignInError(`The identity provider cannot be reached: ${(error as Error).message}`, 'unavailable');
    }
  }

  private discovery(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    // The configuration check allows http only on this machine (a local identity provider for development and tests).
    const options = issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined;
    this.configuration ??= oidc.discovery(issuer, clientId, clientSecret, clientSecret === undefined ? oidc.None() : undefined, options);
    // A provider that was down is asked again at the next sign-in.
    this.configuration.catch(() => (this.configuration = undefined));
    return this.configuration;
  }
}
