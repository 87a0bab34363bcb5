/**
 * The engine under test as a child process (test/support/engine-process.ts spawns it), on PGlite in a fresh data
 * directory or on the PostgreSQL server with its `engine` schema dropped first, so runs do not accumulate.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startEngineProcess, type EngineProcess } from '../../test/support/engine-process.js';
import type { StorageName } from './bench-config.js';
import { nowMs, peakRssMiB, resetPeakRss } from './stats.js';

export interface EngineTarget {
  storage: StorageName;
  dataDir: string;
  port: number;
  databaseUrl: string;
  cpuProfileDir?: string;
}

export interface BenchEngine {
  address: string;
  pid: number;
  /** Milliseconds from spawn until the engine printed that it is ready. */
  startMs: number;
  /** Warnings and errors the engine logged since it was ready. */
  problems: string[];
  /** Peak RSS since `resetPeakRss` (or since the start: a fresh PGlite directory's initdb peaks near 1 GiB). */
  peakRssMiB(): number;
  resetPeakRss(): void;
  hasExited(): boolean;
  /** Sends the signal and resolves with how the process ended. */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<string>;
}

/** A fresh place for the engine's data: a new PGlite directory, or the server's `engine` schema dropped. */
export async function freshTarget(storage: StorageName, databaseUrl: string, cpuProfileDir?: string): Promise<EngineTarget> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-bench-'));
  // The engine reads no schema name from its environment; it always uses `engine` (engine/storage/open-journal.ts).
  if (storage === 'PostgreSQL') await dropEngineSchema(databaseUrl);
  return { storage, dataDir, port: await freePort(), databaseUrl, cpuProfileDir };
}

export async function removeTarget(target: EngineTarget): Promise<void> {
  await rm(target.dataDir, { recursive: true, force: true });
  if (target.storage === 'PostgreSQL') await dropEngineSchema(target.databaseUrl);
}

export async function startBenchEngine(target: EngineTarget): Promise<BenchEngine> {
  const env: Record<string, string> = {};
  if (target.storage === 'PostgreSQL') env.DATABASE_URL = target.databaseUrl;
  if (target.cpuProfileDir) {
    // Node 20 does not allow --cpu-prof in NODE_OPTIONS, and engine-process.ts owns the command line.
    env.NODE_OPTIONS = `--import ${fileURLToPath(new URL('./cpu-profiler.mjs', import.meta.url))}`;
    env.BENCH_CPU_PROFILE_DIR = target.cpuProfileDir;
  }
  const spawnedAt = nowMs();
  const engine = await startEngineProcess(target.dataDir, target.port, env);
  const startMs = nowMs() - spawnedAt;
  const pid = engine.child.pid!;
  let exited = false;
  void engine.exited.then(() => (exited = true));
  return {
    address: engine.address,
    pid,
    startMs,
    problems: collectProblems(engine),
    peakRssMiB: () => peakRssMiB(pid),
    resetPeakRss: () => {
      if (!resetPeakRss(pid)) throw new Error(`Cannot reset the peak RSS of the engine (pid ${pid}) through /proc/${pid}/clear_refs`);
    },
    hasExited: () => exited,
    async stop(signal) {
      engine.child.kill(signal);
      return engine.exited;
    },
  };
}

/** pino writes JSON lines to stdout; levels 40 and up are warnings and errors. Anything on stderr counts too. */
function collectProblems(engine: EngineProcess): string[] {
  const problems: string[] = [];
  let pending = '';
  engine.child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        if ((JSON.parse(line) as { level?: number }).level! >= 40) problems.push(line);
      } catch {
        problems.push(line);
      }
    }
  });
  engine.child.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString().trim();
    if (text !== '') problems.push(text);
  });
  return problems;
}

async function dropEngineSchema(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS engine CASCADE');
  } finally {
    await client.end();
  }
}
