/**
 * Test support, Node only: form-js's viewer as the oracle, in a worker thread (`oracle-worker.ts`). A run the
 * viewer does not finish in time (form-js can loop forever on data of the wrong shape) counts as a crash; the
 * worker is then replaced.
 */
import { Worker } from 'node:worker_threads';
import type { OracleRequest } from './oracle-worker.js';
import type { OracleVerdict, UploadedTestFile } from './viewer-session.js';

export type { OracleVerdict, UploadedTestFile } from './viewer-session.js';

const WORKER = new URL('./oracle-worker.ts', import.meta.url).href;
/** Loads the worker's TypeScript through tsx. */
const BOOTSTRAP = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER)}); });`;

interface Reply {
  readonly id: number;
  readonly verdict?: OracleVerdict;
  readonly failure?: string;
}

export interface OracleOptions {
  readonly timeZone: string;
  /** How long one run may take before the viewer counts as hanging. */
  readonly timeoutMs?: number;
}

export class FormJsOracle {
  private worker?: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, (reply: Reply) => void>();

  private constructor(
    private readonly schema: unknown,
    private readonly options: OracleOptions,
  ) {}

  static async open(schema: unknown, options: OracleOptions): Promise<FormJsOracle> {
    const oracle = new FormJsOracle(schema, options);
    await oracle.start();
    return oracle;
  }

  async run(input: Record<string, unknown>, values: Record<string, unknown>, files: Record<string, UploadedTestFile[]> = {}): Promise<OracleVerdict> {
    if (this.worker === undefined) await this.start();
    const reply = await this.request({ type: 'run', input, values, files }, this.options.timeoutMs ?? 30_000);
    if (reply === undefined) {
      await this.restart();
      return { errors: new Map(), crash: 'the viewer does not finish: it loops' };
    }
    if (reply.failure !== undefined) throw new Error(reply.failure);
    return reply.verdict!;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private async start(): Promise<void> {
    this.worker = new Worker(BOOTSTRAP, { eval: true, workerData: { timeZone: this.options.timeZone } });
    this.worker.on('message', (reply: Reply) => {
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
    this.worker.on('error', (error: Error) => {
      for (const [id, settle] of this.pending) settle({ id, failure: error.stack ?? String(error) });
      this.pending.clear();
    });
    const opened = await this.request({ type: 'open', schema: this.schema }, 120_000);
    if (opened?.failure !== undefined || opened === undefined) throw new Error(`the viewer cannot open the form: ${opened?.failure ?? 'timeout'}`);
  }

  private async restart(): Promise<void> {
    await this.close();
    this.pending.clear();
    await this.start();
  }

  /** The reply, or undefined when none came in time. */
  private request(request: Omit<OracleRequest, 'id'>, timeoutMs: number): Promise<Reply | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(undefined);
      }, timeoutMs);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.worker!.postMessage({ ...request, id });
    });
  }
}
