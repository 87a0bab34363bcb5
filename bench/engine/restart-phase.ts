/**
 * Restart time with many waiting instances: fill the engine with one-task instances and no worker, kill it with
 * SIGKILL and start it again, then stop it with SIGTERM and start it again; finally count the jobs that came back.
 */
import type { ZBClient } from 'zeebe-node';
import type { BenchConfig, StorageName } from './bench-config.js';
import { JOB_TYPE, ONE_TASK } from './bench-processes.js';
import { connect } from './bench-worker.js';
import { startBenchEngine } from './engine-child.js';
import { closeClient, reportProblems, withSession } from './engine-session.js';
import { fillInstances } from './load-generator.js';
import { nowMs } from './stats.js';

const FILL_IN_FLIGHT = 256;
const FILL_MAX_SECONDS = 300;
const COUNT_MAX_SECONDS = 120;

export interface RestartResult {
  storage: StorageName;
  /** Instances whose creation was acknowledged. */
  waiting: number;
  createErrors: number;
  fillSeconds: number;
  /** Spawn to "ready" after SIGKILL, and the restarted engine's peak RSS. */
  killRestartMs: number;
  recoveryPeakRssMiB: number;
  /** SIGTERM to exit (the engine writes a snapshot), then spawn to "ready". */
  shutdownMs: number;
  termRestartMs: number;
  /** Jobs that could be activated after the second restart; every acknowledged instance should have one. */
  jobsBack: number;
  /** Acknowledged instances with no job among them: lost. */
  missing: number;
  engineProblems: number;
}

export async function measureRestart(config: BenchConfig, storage: StorageName): Promise<RestartResult> {
  console.log(`amtsflow ${storage}, restart with ${config.restartInstances} waiting instances`);
  return withSession({ storage, databaseUrl: config.databaseUrl }, async (session) => {
    const { load: fill, keys } = await fillInstances(session.zbc, ONE_TASK, config.restartInstances, FILL_IN_FLIGHT, FILL_MAX_SECONDS);
    console.log(`  ${fill.created} instances waiting after ${fill.seconds.toFixed(0)} s (${fill.createErrors} creates failed)`);
    await closeClient(session.zbc);
    reportProblems(session.engine);
    let problems = session.engine.problems.length;

    await session.engine.stop('SIGKILL');
    session.engine = await startBenchEngine(session.target);
    const killRestartMs = session.engine.startMs;
    const recoveryPeakRssMiB = session.engine.peakRssMiB();
    console.log(`  ready ${(killRestartMs / 1000).toFixed(1)} s after a SIGKILL`);

    const stoppingAt = nowMs();
    await session.engine.stop('SIGTERM');
    const shutdownMs = nowMs() - stoppingAt;
    reportProblems(session.engine);
    problems += session.engine.problems.length;
    session.engine = await startBenchEngine(session.target);
    const termRestartMs = session.engine.startMs;
    console.log(`  ready ${(termRestartMs / 1000).toFixed(1)} s after a SIGTERM (shutdown took ${(shutdownMs / 1000).toFixed(1)} s)`);

    session.zbc = connect(session.engine.address);
    const back = await activatableJobInstances(session.zbc);
    const missing = [...keys].filter((key) => !back.has(key)).length;
    console.log(`  ${back.size} jobs activatable after the restarts; ${missing} acknowledged instances have none`);
    return {
      storage, waiting: fill.created, createErrors: fill.createErrors, fillSeconds: fill.seconds,
      killRestartMs, recoveryPeakRssMiB, shutdownMs, termRestartMs, jobsBack: back.size, missing,
      engineProblems: problems + session.engine.problems.length,
    };
  });
}

/**
 * Activates jobs in large batches (few calls, so few stream resets) until none is left; resolves with the keys of
 * their instances (the one-task process has one job per instance).
 */
async function activatableJobInstances(zbc: ZBClient): Promise<Set<string>> {
  const instances = new Set<string>();
  const giveUpAt = nowMs() + COUNT_MAX_SECONDS * 1000;
  while (nowMs() < giveUpAt) {
    const jobs = await zbc.activateJobs({ type: JOB_TYPE, worker: 'restart-check', maxJobsToActivate: 2_000, timeout: 600_000, requestTimeout: 1_000 });
    if (jobs.length === 0) break;
    for (const job of jobs) instances.add(job.processInstanceKey);
  }
  return instances;
}
