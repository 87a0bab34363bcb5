/** Latency samples and their percentiles; peak resident memory of a process from /proc. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Milliseconds on a clock shared by every part of the bench process, with sub-millisecond precision. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export class LatencySamples {
  private readonly values: number[] = [];

  add(ms: number): void {
    this.values.push(ms);
  }

  get count(): number {
    return this.values.length;
  }

  /** The nearest-rank percentile, p in (0, 100]. */
  percentile(p: number): number {
    if (this.values.length === 0) return Number.NaN;
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  }
}

/** VmHWM, the peak resident set size of a live process, in MiB. */
export function peakRssMiB(pid: number | 'self'): number {
  return statusMiB(pid, 'VmHWM');
}

/** VmRSS, the resident set size of a live process now, in MiB. */
export function rssMiB(pid: number | 'self'): number {
  return statusMiB(pid, 'VmRSS');
}

function statusMiB(pid: number | 'self', field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (!match) throw new Error(`No ${field} in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** Resets a process's VmHWM to its current RSS (Linux clear_refs), so a later peak belongs to one phase. */
export function resetPeakRss(pid: number | 'self' = 'self'): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU seconds (user + system) per thread of a live process, by thread id, from /proc/<pid>/task/<tid>/stat. */
export function threadCpuSeconds(pid: number): Map<number, number> {
  const TICKS_PER_SECOND = 100;
  const seconds = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may contain spaces: utime and stime are 12 and 13.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return seconds;
}

export interface CpuSplit {
  wallSeconds: number;
  /** The engine's main thread (event loop). */
  engineMain: number;
  /** The engine's other threads, busiest first (the PGlite worker, V8's GC helpers, libuv's pool). */
  engineOthers: number[];
  /** This process: the load generator and the zeebe-node client and worker. */
  bench: number;
}

/** Starts measuring CPU of the engine child (by thread) and of this process; call the result to get the split. */
export function measureCpu(enginePid: number): () => CpuSplit {
  const startedAt = nowMs();
  const engineBefore = threadCpuSeconds(enginePid);
  const benchBefore = process.cpuUsage();
  return () => {
    const engineAfter = threadCpuSeconds(enginePid);
    const bench = process.cpuUsage(benchBefore);
    const delta = (tid: number) => (engineAfter.get(tid) ?? 0) - (engineBefore.get(tid) ?? 0);
    return {
      wallSeconds: (nowMs() - startedAt) / 1000,
      engineMain: delta(enginePid),
      engineOthers: [...engineAfter.keys()].filter((tid) => tid !== enginePid).map(delta).filter((s) => s > 0).sort((a, b) => b - a),
      bench: (bench.user + bench.system) / 1e6,
    };
  };
}
