/** The OIDC sign-in: a redirect to the identity provider and its callback. Answers 404 when no provider is configured. */
import type { RouteModule } from '../server-context.js';
import { HttpProblem, problemType } from '../http/problem.js';
import { startSession } from './auth-routes.js';
import { clearCookie, oidcCookieName, readCookie, setCookie } from './cookies.js';
import { OIDC_SIGN_IN_MINUTES, OidcSignIn, OidcSignInError } from './oidc-sign-in.js';

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

const notConfigured = () => new HttpProblem(404, { type: problemType('oidc-not-configured'), title: 'OIDC sign-in is not configured', detail: 'This server has no identity provider (AMTSFLOW_OIDC_ISSUER).' });

function problemOf(error: OidcSignInError): HttpProblem {
  const status = { unavailable: 502, expired: 400, provider: 400, 'unknown-user': 403, disabled: 403 }[error.reason];
  return new HttpProblem(status, { type: problemType(`oidc-${error.reason}`), title: 'OIDC sign-in failed', detail: error.message });
}

export const oidcRoutes: RouteModule = {
  name: 'oidc',
  register(routes, context) {
    const { config } = context;
    const signIn = config.oidc && new OidcSignIn(config.oidc, new URL(OIDC_CALLBACK_PATH, config.publicUrl), context.sql, context.users, context.audit);
    const cookieName = oidcCookieName(context.cookies);

    routes.add({
      method: 'get', path: '/api/auth/oidc/login', operationId: 'startOidcSignIn', tag: 'auth', access: 'public',
      summary: 'Start signing in through the identity provider: redirects there',
      query: {
        type: 'object',
        additionalProperties: false,
        properties: { returnTo: { type: 'string', maxLength: 500, pattern: '^/(?![/\\\\])\\S*$', default: '/', description: 'Where to go after signing in: a path on this server.' } },
      },
      responses: { 302: { description: 'To the identity provider' }, 404: { description: 'No identity provider configured', contentType: 'application/problem+json' }, 502: { description: 'The identity provider cannot be reached', contentType: 'application/problem+json' } },
      async handler(_req, res, { query }) {
        if (!signIn) throw notConfigured();
        const { authorizationUrl, binding } = await signIn.begin(query.returnTo as string).catch((error: unknown) => {
          throw error instanceof OidcSignInError ? problemOf(error) : error;
        });
        setCookie(res, context.cookies, cookieName, binding, OIDC_SIGN_IN_MINUTES * 60_000);
        res.redirect(302, authorizationUrl.href);
      },
    });

    routes.add({
      method: 'get', path: OIDC_CALLBACK_PATH, operationId: 'completeOidcSignIn', tag: 'auth', access: 'public',
      summary: 'Where the identity provider sends the browser back; starts the session and redirects on',
      description: 'Its query parameters (code, state, or error) are the provider\'s and are checked by the OIDC client.',
      responses: {
        303: { description: 'Signed in; to the page given at the start' },
        400: { description: 'The sign-in was not started here, expired, or the provider refused it', contentType: 'application/problem+json' },
        403: { description: 'No enabled amtsflow account for this identity', contentType: 'application/problem+json' },
        404: { description: 'No identity provider configured', contentType: 'application/problem+json' },
      },
      async handler(req, res) {
        if (!signIn) throw notConfigured();
        const binding = readCookie(req, cookieName);
        clearCookie(res, context.cookies, cookieName);
        const callbackUrl = new URL(req.originalUrl, config.publicUrl);
        const { user, returnTo } = await signIn.complete(binding, callbackUrl, req.ip).catch((error: unknown) => {
          throw error instanceof OidcSignInError ? problemOf(error) : error;
        });
        await startSession(context, req, res, user, 'oidc');
        res.redirect(303, returnTo);
      },
    });
  },
};
