/**
 * The zeebe-node worker of the Fundbüro's register tasks (`amtsflow:found-items:1`). A job whose variables or
 * headers are wrong fails without retries (an incident naming them); any other failure (database, gateway) is retried
 * with a back-off.
 */
import type { Logger } from 'pino';
import type { ZBClient, ZBWorker } from 'zeebe-node';
import { FOUND_ITEM_JOB_VARIABLES, FOUND_ITEMS_JOB_TYPE, type FoundItemsOperations } from './found-items-operations.js';
import { JobInputError } from './job-inputs.js';

const RETRY_BACK_OFF_MS = 10_000;
const JOB_TIMEOUT_MS = 60_000;

export class FoundItemsWorker {
  private worker: ZBWorker<Record<string, unknown>, Record<string, string>, Record<string, unknown>> | undefined;

  constructor(private readonly deps: { zeebe: ZBClient; operations: FoundItemsOperations; logger: Logger }) {}

  start(): void {
    this.worker = this.deps.zeebe.createWorker({
      id: 'amtsflow-found-items',
      taskType: FOUND_ITEMS_JOB_TYPE,
      timeout: JOB_TIMEOUT_MS,
      fetchVariable: FOUND_ITEM_JOB_VARIABLES,
      taskHandler: async (job) => {
        const logger = this.deps.logger.child({ jobKey: job.key, processInstanceKey: job.processInstanceKey, operation: job.customHeaders.operation });
        try {
          const outcome = await this.deps.operations.run({ processInstanceKey: job.processInstanceKey, variables: job.variables, customHeaders: job.customHeaders });
          if (outcome.kind === 'bpmn-error') return job.error(outcome.errorCode, outcome.message);
          return job.complete(outcome.variables);
        } catch (error) {
          if (error instanceof JobInputError) {
            logger.warn({ problem: error.message }, 'A found-items task has wrong inputs');
            return job.fail({ errorMessage: `Wrong inputs: ${error.message}`, retries: 0 });
          }
          logger.error({ err: error }, 'A found-items task failed; it will be retried');
          return job.fail({ errorMessage: `The Fundbüro's register could not do this: ${(error as Error).message}`, retries: Math.max(job.retries - 1, 0), retryBackOff: RETRY_BACK_OFF_MS });
        }
      },
    });
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }
}
