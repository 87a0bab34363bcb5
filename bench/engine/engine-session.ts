/** One benchmark session: a fresh engine child, a zeebe-node client with the benchmark processes deployed, and cleanup. */
import type { ZBClient } from 'zeebe-node';
import type { StorageName } from './bench-config.js';
import { ONE_TASK, TEN_TASKS, zeebeBpmn } from './bench-processes.js';
import { connect } from './bench-worker.js';
import { freshTarget, removeTarget, startBenchEngine, type BenchEngine, type EngineTarget } from './engine-child.js';

export interface Session {
  target: EngineTarget;
  engine: BenchEngine;
  zbc: ZBClient;
}

export interface SessionOptions {
  storage: StorageName;
  databaseUrl: string;
  cpuProfileDir?: string;
}

/** Runs `work` against a fresh engine and always stops it and removes its data; engine warnings are printed. */
export async function withSession<T>(options: SessionOptions, work: (session: Session) => Promise<T>): Promise<T> {
  const target = await freshTarget(options.storage, options.databaseUrl, options.cpuProfileDir);
  let session: Session | undefined;
  try {
    const engine = await startBenchEngine(target);
    session = { target, engine, zbc: connect(engine.address) };
    for (const process of [ONE_TASK, TEN_TASKS]) {
      await session.zbc.deployResource({ name: `${process.id}.bpmn`, process: zeebeBpmn(process) });
    }
    // The work may restart the engine; it leaves the current engine and client in the session.
    return await work(session);
  } finally {
    if (session) {
      await closeClient(session.zbc);
      if (!session.engine.hasExited()) await session.engine.stop('SIGTERM');
      reportProblems(session.engine);
    }
    await removeTarget(target);
  }
}

/** A worker's open long poll can keep close() waiting; the engine is stopped right after anyway. */
export async function closeClient(zbc: ZBClient): Promise<void> {
  await Promise.race([zbc.close(2_000), new Promise((resolve) => setTimeout(resolve, 3_000))]);
}

export function reportProblems(engine: BenchEngine): void {
  if (engine.problems.length === 0) return;
  console.log(`  ! the engine logged ${engine.problems.length} warnings or errors; the first:`);
  for (const line of engine.problems.slice(0, 3)) console.log(`    ${line.slice(0, 500)}`);
}
