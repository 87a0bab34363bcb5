/**
 * Test support: the worker thread the form-js oracle runs in, so that a viewer that hangs can be ended. It answers
 * `open` (a form) and `run` (a submission) messages one at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ViewerSession } from './viewer-session.js';

export interface OracleRequest {
  readonly id: number;
  readonly type: 'open' | 'run';
  readonly schema?: unknown;
  readonly input?: Record<string, unknown>;
  readonly values?: Record<string, unknown>;
  readonly files?: Record<string, { name: string; type: string }[]>;
}

process.env.TZ = (workerData as { timeZone: string }).timeZone;
let session: ViewerSession | undefined;

parentPort!.on('message', async (request: OracleRequest) => {
  try {
    if (request.type === 'open') {
      session?.close();
      session = await ViewerSession.open(request.schema);
      parentPort!.postMessage({ id: request.id });
    } else {
      parentPort!.postMessage({ id: request.id, verdict: await session!.run(request.input ?? {}, request.values ?? {}, request.files ?? {}) });
    }
  } catch (error) {
    parentPort!.postMessage({ id: request.id, failure: error instanceof Error ? error.stack : String(error) });
  }
});
