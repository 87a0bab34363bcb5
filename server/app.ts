/**
 * The express application: the order every request passes through. Metrics, security headers, the session, CSRF,
 * then the declared routes (each with its own rate limit, guard, body parser and validation), 404, and the one error
 * handler that answers problem+json.
 */
import express, { type Express } from 'express';
import helmet from 'helmet';
import { auditRoutes } from './audit/audit-routes.js';
import { deploymentRoutes } from './deployments/deployment-routes.js';
import { foundItemsModule } from './found-items/found-items-module.js';
import { ApiRoutes } from './http/api-routes.js';
import { invoiceRoutes } from './invoices/invoice-module.js';
import { notFoundHandler, problemHandler } from './http/problem.js';
import { authRoutes } from './identity/auth-routes.js';
import { authenticate } from './identity/authenticate.js';
import { csrfProtection } from './identity/csrf.js';
import { oidcRoutes } from './identity/oidc-routes.js';
import { operationsRoutes } from './operations/operations-routes.js';
import { userAdminRoutes } from './identity/user-admin-routes.js';
import { opsRoutes } from './ops/ops-routes.js';
import type { BackgroundWork, RouteModule, ServerContext } from './server-context.js';
import { portalRoutes, submissionAttachments } from './portal/portal-module.js';
import { taskModule } from './tasks/task-module.js';
import { WEB_APP_CSP_DIRECTIVES, webAppRouter } from './web/web-app.js';

/** The modules every server runs; further ones are passed to `createApp` (or `startServer`) beside them. */
export const FOUNDATION_MODULES: readonly RouteModule[] = [
  opsRoutes, authRoutes, oidcRoutes, userAdminRoutes, auditRoutes, deploymentRoutes,
  // The task list shows the files of the submission that started a case.
  taskModule({ attachments: submissionAttachments }), operationsRoutes, portalRoutes, foundItemsModule, invoiceRoutes,
];

export interface ServerApp {
  app: Express;
  routes: ApiRoutes;
  /** What the modules run beside their routes; `startServer` starts and stops it. */
  background: BackgroundWork[];
}

export function createApp(context: ServerContext, modules: readonly RouteModule[] = FOUNDATION_MODULES): ServerApp {
  const app = express();
  const https = context.config.publicUrl.protocol === 'https:';
  app.set('trust proxy', context.config.trustProxy);
  app.set('query parser', 'simple');
  app.disable('x-powered-by');
  app.use(context.metrics.measureRequests);
  app.use(helmet({
    // An API and the browser apps from one origin: nothing is framed, nothing loads from elsewhere (web/web-app.ts).
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...WEB_APP_CSP_DIRECTIVES, ...(https ? { upgradeInsecureRequests: [] } : {}) },
    },
    strictTransportSecurity: https,
  }));
  // The browser apps' files need no session: served before it is looked up.
  const webApp = webAppRouter({ webDir: context.config.webDir });
  if (webApp) app.use(webApp);
  else context.logger.warn({ webDir: context.config.webDir }, 'No built browser apps there (npm run build:web); serving the API only');
  app.use(authenticate(context.sessions, context.users, context.cookies));
  app.use(csrfProtection);
  const routes = new ApiRoutes({ maxJsonBytes: context.config.maxJsonBytes });
  const background: BackgroundWork[] = [];
  for (const module of modules) {
    const work = module.register(routes, context);
    if (work) background.push(work);
  }
  app.use(routes.router);
  app.use(notFoundHandler);
  app.use(problemHandler(context.logger));
  return { app, routes, background };
}
