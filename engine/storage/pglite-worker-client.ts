/**
 * SqlClient over PGlite running in a worker thread. PGlite executes SQL synchronously in WebAssembly; on the engine's
 * thread every commit would stall command processing, in a worker it runs on the second core.
 */
import { Worker } from 'node:worker_threads';
import type { PgliteMessage, PgliteReply, PgliteRequest, PgliteWorkerData } from './pglite-worker.js';
import type { SqlClient, SqlSession } from './sql-client.js';

class PgliteWorkerError extends Error {
  override name = 'PgliteWorkerError';
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

const WORKER_ENTRY = new URL('./pglite-worker.ts', import.meta.url).href;
const TSX_API = import.meta.resolve('tsx/esm/api');
// Worker threads do not inherit tsx's loader, so the worker loads its TypeScript entry through tsx's API.
const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then(({ tsImport }) => tsImport(${JSON.stringify(WORKER_ENTRY)}, ${JSON.stringify(WORKER_ENTRY)}))`;

export async function openPgliteWorkerClient(dataDir: string, schema: string): Promise<SqlClient> {
  const channel = await WorkerChannel.start({ dataDir, schema });
  const session: SqlSession = {
    query: async <Row>(sql: string, params?: readonly unknown[]) => (await channel.send({ op: 'query', sql, params })) as Row[],
    exec: async (sql) => {
      await channel.send({ op: 'exec', sql });
    },
  };
  // PGlite has a single session, so a transaction's statements must not interleave with anyone else's.
  const exclusive = serialQueue();
  return {
    query: (sql, params) => exclusive(() => session.query(sql, params)),
    exec: (sql) => exclusive(() => session.exec(sql)),
    transaction: (work) =>
      exclusive(async () => {
        await session.exec('BEGIN');
        try {
          const result = await work(session);
          await session.exec('COMMIT');
          return result;
        } catch (error) {
          if (!channel.stopped) await session.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () => exclusive(() => channel.close()),
  };
}

interface Waiter {
  resolve(rows: unknown[] | undefined): void;
  reject(error: Error): void;
}

/** Requests to the worker and their replies, matched by id; everything pending fails if the worker dies. */
class WorkerChannel {
  private stoppedBy: Error | undefined;
  private readonly pending = new Map<number, Waiter>();
  private nextId = 0;
  private readonly exited: Promise<void>;

  private constructor(private readonly worker: Worker) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
  }

  static async start(workerData: PgliteWorkerData): Promise<WorkerChannel> {
    const channel = new WorkerChannel(new Worker(BOOTSTRAP, { eval: true, workerData }));
    await new Promise<void>((resolve, reject) => {
      channel.worker.on('message', (reply: PgliteReply) => {
        if (reply.type === 'ready') resolve();
        else if (reply.type === 'failed') {
          void channel.worker.terminate();
          reject(new PgliteWorkerError(`PGlite could not open ${workerData.dataDir}: ${reply.message}`));
        } else channel.answer(reply);
      });
      const stop = (error: PgliteWorkerError) => {
        channel.stop(error);
        reject(error);
      };
      channel.worker.on('error', (error) => stop(new PgliteWorkerError(`The PGlite worker failed: ${(error as Error).message}`)));
      channel.worker.on('exit', (code) => stop(new PgliteWorkerError(`The PGlite worker has stopped (exit code ${code})`)));
    });
    return channel;
  }

  get stopped(): boolean {
    return this.stoppedBy !== undefined;
  }

  send(request: PgliteRequest): Promise<unknown[] | undefined> {
    if (this.stoppedBy) return Promise.reject(this.stoppedBy);
    const message: PgliteMessage = { id: this.nextId++, request };
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject });
      this.worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    await this.send({ op: 'close' });
    await this.exited;
  }

  private answer(reply: Extract<PgliteReply, { id: number }>): void {
    const waiter = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (reply.type === 'done') waiter?.resolve(reply.rows);
    else waiter?.reject(new PgliteWorkerError(reply.message, reply.code));
  }

  private stop(error: PgliteWorkerError): void {
    this.stoppedBy ??= error;
    for (const waiter of this.pending.values()) waiter.reject(this.stoppedBy);
    this.pending.clear();
  }
}

function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}
