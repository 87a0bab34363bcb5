/**
 * The citizen portal (server/README.md, "Citizen portal"): public services a process manager publishes, their forms,
 * submissions with files that start process instances, status links, and documents handed in later by them. Its
 * background work settles submissions and hand-ins a crash left pending. `submissionAttachments` gives the task list the files of a case.
 */
import { DeploymentStore } from '../deployments/deployment-store.js';
import type { BackgroundWork, RouteModule, ServerContext } from '../server-context.js';
import type { AttachmentReader } from '../tasks/attachment-reader.js';
import { ProcessModelReader } from '../tasks/process-model-reader.js';
import { validateTaskForm } from '../tasks/task-form-validation.js';
import { TaskFormResolver } from '../tasks/task-forms.js';
import { TaskStore } from '../tasks/task-store.js';
import { registerCitizenRoutes } from './citizen-routes.js';
import { LaterDocumentsIntake } from './later-documents-intake.js';
import { LaterDocumentsSettler } from './later-documents-settler.js';
import { LaterDocumentsStore } from './later-documents-store.js';
import { ServiceFormResolver } from './service-forms.js';
import { registerServiceRoutes } from './service-routes.js';
import { ServiceStore } from './service-store.js';
import { SubmissionIntake } from './submission-intake.js';
import { SubmissionResumer } from './submission-resumer.js';
import { SubmissionStore } from './submission-store.js';
import { registerTaskAttachmentRoute, SubmissionAttachments } from './task-attachments.js';

/** What the portal's routes share. */
export interface PortalServices {
  context: ServerContext;
  services: ServiceStore;
  forms: ServiceFormResolver;
  store: SubmissionStore;
  intake: SubmissionIntake;
  laterDocuments: LaterDocumentsIntake;
}

export const submissionAttachments = (context: ServerContext): AttachmentReader => new SubmissionAttachments(new SubmissionStore(context.sql));

/** What publishing a service needs (`publishService`), for code outside the routes: the seeding of reference processes. */
export function servicePublishing(context: ServerContext): Pick<PortalServices, 'context' | 'services' | 'forms'> {
  const deployments = new DeploymentStore(context.sql);
  const models = new ProcessModelReader(deployments);
  return { context, services: new ServiceStore(context.sql), forms: new ServiceFormResolver(deployments, models, new TaskFormResolver(deployments, models)) };
}

export const portalRoutes: RouteModule = {
  name: 'portal',
  register(routes, context): BackgroundWork {
    const { sql, zeebe, audit } = context;
    const logger = context.logger.child({ module: 'portal' });
    const { services, forms } = servicePublishing(context);
    const store = new SubmissionStore(sql);
    const intake = new SubmissionIntake({ sql, store, audit, subject: 'submission', services, forms, validate: validateTaskForm, zeebe, logger,
      // PGlite has one session; a PostgreSQL server's pool commits in parallel.
      parallelCommits: context.config.databaseUrl === undefined ? 1 : 8,
    });
    const laterDocumentsStore = new LaterDocumentsStore(sql);
    const laterDocuments = new LaterDocumentsIntake({
      sql, submissions: store, laterDocuments: laterDocumentsStore, services, audit, zeebe, source: context.operationsSource, logger,
    });
    const portal: PortalServices = { context, services, forms, store, intake, laterDocuments };
    registerServiceRoutes(routes, portal);
    registerCitizenRoutes(routes, portal);
    registerTaskAttachmentRoute(routes, { store, tasks: new TaskStore(sql) });
    return new SubmissionResumer({
      sql, store, audit, subject: 'submission', zeebe, source: context.operationsSource, logger, config: context.config.portal,
      auditDetailsOf: (submission) => ({ serviceId: submission.serviceId }),
      followUps: [new LaterDocumentsSettler({ store: laterDocumentsStore, zeebe, logger, config: context.config.portal })],
    });
  },
};
