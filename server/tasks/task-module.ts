/**
 * The task list: a route module whose background work is the user-task worker (jobs → tasks) and the sync checker
 * (tasks whose jobs are gone leave the list). `taskModule(options)` makes one with another attachment reader or
 * form validator; `taskRoutes` is the default every server runs.
 */
import { DeploymentStore } from '../deployments/deployment-store.js';
import type { BackgroundWork, RouteModule, ServerContext } from '../server-context.js';
import { NO_ATTACHMENTS, type AttachmentReader } from './attachment-reader.js';
import { registerTaskActionRoutes } from './task-action-routes.js';
import { TaskCompletion } from './task-completion.js';
import { validateTaskForm, type TaskFormValidator } from './task-form-validation.js';
import { TaskFormResolver } from './task-forms.js';
import { registerTaskReadRoutes } from './task-read-routes.js';
import { TaskStore } from './task-store.js';
import { TaskSyncChecker } from './task-sync-checker.js';
import { ProcessModelReader } from './process-model-reader.js';
import { UserTaskWorker } from './user-task-worker.js';

export interface TaskModuleOptions {
  /** Where a task's files come from (the portal's submissions); none by default. */
  attachments?: (context: ServerContext) => AttachmentReader;
  /** The form validation call; `forms/` by default. */
  validateForm?: TaskFormValidator;
}

/** What the task routes share. */
export interface TaskServices {
  context: ServerContext;
  store: TaskStore;
  sync: TaskSyncChecker;
  forms: TaskFormResolver;
  completion: TaskCompletion;
  attachments: AttachmentReader;
}

export function taskModule(options: TaskModuleOptions = {}): RouteModule {
  return {
    name: 'tasks',
    register(routes, context): BackgroundWork {
      const { sql, zeebe, audit, config } = context;
      const logger = context.logger.child({ module: 'tasks' });
      const store = new TaskStore(sql);
      const models = new ProcessModelReader(new DeploymentStore(sql));
      const forms = new TaskFormResolver(new DeploymentStore(sql), models);
      const sync = new TaskSyncChecker({ store, sql, zeebe, audit, logger, config: config.tasks });
      const completion = new TaskCompletion({ store, sql, zeebe, audit, forms, validate: options.validateForm ?? validateTaskForm, sync, logger });
      const services: TaskServices = { context, store, sync, forms, completion, attachments: options.attachments?.(context) ?? NO_ATTACHMENTS };
      registerTaskReadRoutes(routes, services);
      registerTaskActionRoutes(routes, services);
      const worker = new UserTaskWorker({
        zeebe, sql, store, models, audit, logger, leaseMs: config.tasks.leaseMs, parallelCommits: config.databaseUrl === undefined ? 1 : 8,
      });
      return {
        start() {
          worker.start();
          sync.start();
        },
        async stop() {
          await sync.stop();
          await worker.stop();
        },
      };
    },
  };
}

export const taskRoutes = taskModule();
