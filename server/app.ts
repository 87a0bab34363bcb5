/**
 * The express application: the order every request passes through. Metrics, security headers, the session, CSRF,
 * then the declared routes (each with its own rate limit, guard, body parser and validation), 404, and the one error
 * handler that answers problem+json.
 */
import express, { type Express } from 'express';
import helmet from 'helmet';
import { auditRoutes } from './audit/audit-routes.js';
import { deploymentRoutes } from './deployments/deployment-routes.js';
import { ApiRoutes } from './http/api-routes.js';
import { notFoundHandler, problemHandler } from './http/problem.js';
import { authRoutes } from './identity/auth-routes.js';
import { authenticate } from './identity/authenticate.js';
import { csrfProtection } from './identity/csrf.js';
import { oidcRoutes } from './identity/oidc-routes.js';
import { operationsRoutes } from './operations/operations-routes.js';
import { userAdminRoutes } from './identity/user-admin-routes.js';
import { opsRoutes } from './ops/ops-routes.js';
import type { RouteModule, ServerContext } from './server-context.js';

/** The modules every server runs; others are passed to `createApp` beside them. */
export const FOUNDATION_MODULES: readonly RouteModule[] = [opsRoutes, authRoutes, oidcRoutes, userAdminRoutes, auditRoutes, deploymentRoutes, operationsRoutes];

export interface ServerApp {
  app: Express;
  routes: ApiRoutes;
}

export function createApp(context: ServerContext, modules: readonly RouteModule[] = FOUNDATION_MODULES): ServerApp {
  const app = express();
  const https = context.config.publicUrl.protocol === 'https:';
  app.set('trust proxy', context.config.trustProxy);
  app.set('query parser', 'simple');
  app.disable('x-powered-by');
  app.use(context.metrics.measureRequests);
  app.use(helmet({
    // An API and a single-page app from one origin: nothing is framed, nothing loads from elsewhere.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], frameAncestors: ["'none'"], objectSrc: ["'none'"], baseUri: ["'self'"], formAction: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https,
  }));
  app.use(authenticate(context.sessions, context.users, context.cookies));
  app.use(csrfProtection);
  const routes = new ApiRoutes({ maxJsonBytes: context.config.maxJsonBytes });
  for (const module of modules) module.register(routes, context);
  app.use(routes.router);
  app.use(notFoundHandler);
  app.use(problemHandler(context.logger));
  return { app, routes };
}
