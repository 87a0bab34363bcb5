/**
 * The choreography the SIGKILL tests share: clients send requests to `npm start` until enough were answered, the
 * process is killed with SIGKILL mid-load, the clients finish (their requests now fail), and a restart on the same data
 * settles what the crash left pending (after a second, as the tests configure) before it stops cleanly. Then the tests
 * look at what was left behind.
 */
import { expect } from '@jest/globals';
import { startTestEngine, type TestEngine } from '../../engine/tests/harness.js';
import { openServerStorage, type SqlClient } from '../../server/storage/server-storage.js';
import { startAmtsflowProcess, type AmtsflowProcess } from './amtsflow-process.js';

export interface CrashWhileBusyOptions {
  first: AmtsflowProcess;
  dataDir: string;
  /** The restart's environment: the same settling timings as the first start's. */
  env: Record<string, string>;
  /** How many clients send at once. */
  clients: number;
  /** Sends one request; called again and again until the crash. Resolves with whether it was answered as a success, or
   * `'done'` when this client has nothing more to send. */
  send: () => Promise<boolean | 'done'>;
  /** How many successful answers there must be before the kill. */
  answeredBeforeKill: number;
}

export async function crashWhileBusy({ first, dataDir, env, clients, send, answeredBeforeKill }: CrashWhileBusyOptions): Promise<void> {
  let answered = 0;
  let killed = false;
  const client = async () => {
    while (!killed) {
      const outcome = await send();
      if (outcome === 'done') return;
      if (outcome) answered += 1;
    }
  };
  const running = Array.from({ length: clients }, client);
  const giveUpAt = Date.now() + 120_000;
  while (answered < answeredBeforeKill && Date.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 5));
  first.child.kill('SIGKILL');
  killed = true;
  expect(await first.exited).toBe('SIGKILL');
  await Promise.all(running);
  expect(answered).toBeGreaterThanOrEqual(answeredBeforeKill);

  const second = await startAmtsflowProcess(dataDir, env);
  await new Promise((resolve) => setTimeout(resolve, 8_000));
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe('0');
}

/** Opens what the killed and restarted process left behind (the server's storage and its engine) for `inspect`. */
export async function inspectAfterCrash(dataDir: string, inspect: (left: { sql: SqlClient; engine: TestEngine }) => Promise<void>): Promise<void> {
  const sql = await openServerStorage({ dataDir });
  const engine = await startTestEngine(dataDir);
  try {
    await inspect({ sql, engine });
  } finally {
    await engine.destroy();
    await sql.close();
  }
}
