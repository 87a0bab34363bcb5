/**
 * Test support, Node only: form-js's viewer as the oracle, in a child process (`oracle-worker.ts`) that all forms
 * share; a process rather than a thread, because only a process can run in the time zone under test. A run the
 * viewer does not finish in time (form-js can loop forever on data of the wrong shape) counts as a crash; the
 * process is then replaced. Call `shutDownOracle()` when done.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { OracleRequest } from './oracle-worker.js';
import type { OracleVerdict, UploadedTestFile } from './viewer-session.js';

export type { OracleVerdict, UploadedTestFile } from './viewer-session.js';

const WORKER = new URL('./oracle-worker.ts', import.meta.url).pathname;

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

class OracleWorker {
  private readonly child: ChildProcess;
  private nextId = 0;
  private readonly pending = new Map<number, (reply: Reply) => void>();

  constructor(readonly timeZone: string) {
    // structured clone keeps what JSON would not (Infinity, Maps); tsx runs the TypeScript
    this.child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, TZ: timeZone }, serialization: 'advanced' });
    this.child.on('message', (reply: Reply) => {
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
    this.child.on('exit', (code) => {
      for (const [id, settle] of this.pending) settle({ id, failure: `the oracle process ended (${code})` });
      this.pending.clear();
    });
  }

  /** The reply, or undefined when none came in time. */
  request(request: Omit<OracleRequest, 'id'>, timeoutMs: number): Promise<Reply | undefined> {
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
      this.child.send({ ...request, id });
    });
  }

  async terminate(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill();
    await exited;
  }
}

let shared: OracleWorker | undefined;

function sharedWorker(timeZone: string): OracleWorker {
  if (shared !== undefined && shared.timeZone !== timeZone) void shared.terminate().catch(() => undefined);
  if (shared === undefined || shared.timeZone !== timeZone) shared = new OracleWorker(timeZone);
  return shared;
}

export async function shutDownOracle(): Promise<void> {
  const worker = shared;
  shared = undefined;
  await worker?.terminate();
}

export class FormJsOracle {
  private constructor(
    private readonly schema: unknown,
    private readonly options: OracleOptions,
  ) {}

  static async open(schema: unknown, options: OracleOptions): Promise<FormJsOracle> {
    const oracle = new FormJsOracle(schema, options);
    await oracle.openInWorker();
    return oracle;
  }

  /**
   * The viewer's verdict on the form opened with `input` and filled in with `values`. By default the viewer is
   * reused from run to run, which is fast but lets a rare run see traces of the runs before it (form-js's
   * components keep state); `fresh` uses a viewer of its own; `opened` opens one on the data, so that the
   * components mount with the values (and, like a browser opening a filled-in form, re-write dates).
   */
  async run(
    input: Record<string, unknown>,
    values: Record<string, unknown>,
    files: Record<string, UploadedTestFile[]> = {},
    mode: 'reused' | 'fresh' | 'opened' = 'reused',
  ): Promise<OracleVerdict> {
    const reply = await sharedWorker(this.options.timeZone).request({ type: 'run', input, values, files, mode }, this.options.timeoutMs ?? 30_000);
    if (reply === undefined) {
      await shutDownOracle();
      await this.openInWorker();
      return { errors: new Map(), crash: 'the viewer does not finish: it loops' };
    }
    if (reply.failure !== undefined) throw new Error(reply.failure);
    return reply.verdict!;
  }

  private async openInWorker(): Promise<void> {
    const opened = await sharedWorker(this.options.timeZone).request({ type: 'open', schema: this.schema }, 120_000);
    if (opened === undefined || opened.failure !== undefined) throw new Error(`the viewer cannot open the form: ${opened?.failure ?? 'timeout'}`);
  }
}
