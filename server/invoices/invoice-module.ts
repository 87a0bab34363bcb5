/**
 * The Rechnungseingang's intake (server/README.md, "Invoice intake"): the route that receives XRechnungen and starts
 * the rechnungsworkflow, and the background settling of invoices a crash left pending. It needs the connectors'
 * document store (`ServerContext.documents`); without it the route answers 503.
 */
import { DeploymentStore } from '../deployments/deployment-store.js';
import { SubmissionResumer } from '../portal/submission-resumer.js';
import type { BackgroundWork, RouteModule } from '../server-context.js';
import { InvoiceIntake } from './invoice-intake.js';
import { registerInvoiceRoutes } from './invoice-routes.js';
import { InvoiceStore } from './invoice-store.js';

export const invoiceRoutes: RouteModule = {
  name: 'invoices',
  register(routes, context): BackgroundWork {
    const { sql, zeebe, audit, documents } = context;
    const logger = context.logger.child({ module: 'invoices' });
    const store = new InvoiceStore(sql);
    const intake = documents && new InvoiceIntake({
      sql, store, audit, subject: 'invoice', documents, deployments: new DeploymentStore(sql), zeebe, logger,
      // PGlite has one session; a PostgreSQL server's pool commits in parallel.
      parallelCommits: context.config.databaseUrl === undefined ? 1 : 8,
    });
    registerInvoiceRoutes(routes, intake);
    return new SubmissionResumer({
      sql, store, audit, subject: 'invoice', zeebe, source: context.operationsSource, logger, config: context.config.portal,
      auditDetailsOf: (invoice) => ({ syntax: invoice.syntax, documentId: invoice.document.documentId }),
    });
  },
};
