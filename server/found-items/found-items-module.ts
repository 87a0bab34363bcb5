/**
 * The Fundbüro's register (server/README.md, "Fundbüro register"): a route module whose background work is the
 * job worker the Fundbüro's processes use to record finds and match losses, and whose route is the public search.
 */
import type { Logger } from 'pino';
import type { ZBClient } from 'zeebe-node';
import type { BackgroundWork, RouteModule } from '../server-context.js';
import type { SqlClient } from '../storage/server-storage.js';
import { FoundItemRegister } from './found-item-register.js';
import { FoundItemsOperations } from './found-items-operations.js';
import { FoundItemsWorker } from './found-items-worker.js';
import { registerPublicSearchRoute } from './public-search-routes.js';

/** The register on the server's tables and the worker that serves the processes' tasks from it. */
export function foundItemsRegister(deps: { sql: SqlClient; zeebe: ZBClient; logger: Logger }): { register: FoundItemRegister; worker: FoundItemsWorker } {
  const register = new FoundItemRegister(deps.sql);
  const operations = new FoundItemsOperations({ register, zeebe: deps.zeebe, logger: deps.logger });
  return { register, worker: new FoundItemsWorker({ zeebe: deps.zeebe, operations, logger: deps.logger }) };
}

export const foundItemsModule: RouteModule = {
  name: 'found-items',
  register(routes, context): BackgroundWork {
    const { register, worker } = foundItemsRegister({ sql: context.sql, zeebe: context.zeebe, logger: context.logger.child({ module: 'found-items' }) });
    registerPublicSearchRoute(routes, context, register);
    return worker;
  },
};
