/**
 * The benchmark's knobs, read from the environment in this one place. BENCH_SCALE=small is a quick smoke run;
 * every other variable overrides one value of the chosen scale.
 */
export type StorageName = 'PGlite' | 'PostgreSQL';
export type PhaseName = 'throughput' | 'latency' | 'restart' | 'peer';

export interface BenchConfig {
  scale: 'full' | 'small';
  storages: StorageName[];
  phases: PhaseName[];
  /** The PostgreSQL server for the PostgreSQL runs; its `engine` schema is dropped before each run. */
  databaseUrl: string;
  /** Closed-loop throughput: at most this many instances, for at most this long, this many in flight. */
  throughputInstances: number;
  throughputSeconds: number;
  inFlight: number;
  /** bpmn-engine runs in this thread and is saturated by a few instances at a time; more only queue. */
  peerInFlight: number;
  /** Instances run before measuring, so the engine's JIT is warm. */
  warmupInstances: number;
  /** The worker's capacity, its pause between polls, and the job timeout it asks for. */
  maxJobsToActivate: number;
  pollIntervalMs: number;
  jobTimeoutMs: number;
  /** Open-loop latency: this many instances per second for this long. */
  offeredRate: number;
  offeredSeconds: number;
  /** Instances left waiting before the restarts. */
  restartInstances: number;
  /** Write a .cpuprofile of the engine child during each throughput phase into this directory. */
  cpuProfileDir?: string;
  /** Write docs/performance.md from this run. */
  writeReport: boolean;
}

const SCALES = {
  full: {
    throughputInstances: 20_000, throughputSeconds: 30, inFlight: 128, warmupInstances: 1_000,
    offeredRate: 200, offeredSeconds: 10, restartInstances: 100_000,
  },
  small: {
    throughputInstances: 2_000, throughputSeconds: 5, inFlight: 128, warmupInstances: 200,
    offeredRate: 200, offeredSeconds: 3, restartInstances: 5_000,
  },
} as const;

const ALL_STORAGES: StorageName[] = ['PGlite', 'PostgreSQL'];
const ALL_PHASES: PhaseName[] = ['throughput', 'latency', 'restart', 'peer'];

export function readBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const scaleName = env.BENCH_SCALE ?? 'full';
  if (scaleName !== 'full' && scaleName !== 'small') throw new Error(`BENCH_SCALE must be full or small, got "${scaleName}"`);
  const scale = SCALES[scaleName];
  const num = (name: string, fallback: number) => positiveNumber(env, name, fallback);
  return {
    scale: scaleName,
    storages: list(env.BENCH_STORAGES, ALL_STORAGES, 'BENCH_STORAGES'),
    phases: list(env.BENCH_PHASES, ALL_PHASES, 'BENCH_PHASES'),
    databaseUrl: env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test',
    throughputInstances: num('BENCH_INSTANCES', scale.throughputInstances),
    throughputSeconds: num('BENCH_SECONDS', scale.throughputSeconds),
    inFlight: num('BENCH_IN_FLIGHT', scale.inFlight),
    peerInFlight: num('BENCH_PEER_IN_FLIGHT', 16),
    warmupInstances: num('BENCH_WARMUP_INSTANCES', scale.warmupInstances),
    maxJobsToActivate: num('BENCH_MAX_JOBS', 256),
    pollIntervalMs: num('BENCH_POLL_INTERVAL_MS', 10),
    jobTimeoutMs: num('BENCH_JOB_TIMEOUT_MS', 10_000),
    offeredRate: num('BENCH_RATE', scale.offeredRate),
    offeredSeconds: num('BENCH_RATE_SECONDS', scale.offeredSeconds),
    restartInstances: num('BENCH_RESTART_INSTANCES', scale.restartInstances),
    cpuProfileDir: env.BENCH_CPU_PROF_DIR || undefined,
    // A partial or small run would overwrite the published numbers with unrepresentative ones.
    writeReport: env.BENCH_WRITE_REPORT !== undefined
      ? env.BENCH_WRITE_REPORT === '1'
      : scaleName === 'full' && env.BENCH_STORAGES === undefined && env.BENCH_PHASES === undefined,
  };
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

function list<T extends string>(raw: string | undefined, all: T[], name: string): T[] {
  if (raw === undefined || raw === '') return all;
  const wanted = raw.split(',').map((item) => item.trim());
  const unknown = wanted.filter((item) => !all.some((known) => known.toLowerCase() === item.toLowerCase()));
  if (unknown.length > 0) throw new Error(`${name} may list ${all.join(', ')}; unknown: ${unknown.join(', ')}`);
  return all.filter((known) => wanted.some((item) => item.toLowerCase() === known.toLowerCase()));
}
