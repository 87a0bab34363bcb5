/** Worker thread entry: keeps PGlite's WebAssembly work off the engine's thread and answers SqlClient calls. */
import { parentPort, workerData } from 'node:worker_threads';
import { openPgliteClient } from './pglite-client.js';
import type { SqlClient } from './sql-client.js';

export interface PgliteWorkerData {
  dataDir: string;
  schema: string;
}

export type PgliteRequest =
  | { op: 'query'; sql: string; params?: readonly unknown[] }
  | { op: 'exec'; sql: string }
  | { op: 'close' };

export interface PgliteMessage {
  id: number;
  request: PgliteRequest;
}

export type PgliteReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'done'; id: number; rows?: unknown[] }
  | { type: 'error'; id: number; message: string; code?: string };

const port = parentPort!;
const { dataDir, schema } = workerData as PgliteWorkerData;
const send = (reply: PgliteReply) => port.postMessage(reply);

async function answer(client: SqlClient, request: PgliteRequest): Promise<unknown[] | undefined> {
  switch (request.op) {
    case 'query':
      return client.query(request.sql, request.params);
    case 'exec':
      await client.exec(request.sql);
      return undefined;
    case 'close':
      await client.close();
      return undefined;
  }
}

try {
  const client = await openPgliteClient(dataDir, schema);
  port.on('message', async ({ id, request }: PgliteMessage) => {
    try {
      send({ type: 'done', id, rows: await answer(client, request) });
    } catch (error) {
      const { message, code } = error as { message: string; code?: string };
      send({ type: 'error', id, message, code });
    }
    if (request.op === 'close') port.close();
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed', message: (error as Error).message });
}
