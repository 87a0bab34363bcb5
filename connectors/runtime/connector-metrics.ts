/**
 * Counters and a duration histogram per connector type, kept in memory as plain numbers for `runtime.metrics()`.
 * Observers see every change as it happens: `PrometheusConnectorMetrics` is one, which keeps prom-client metrics in a
 * registry (the server's, when the runtime runs in its process).
 */

/** Upper bounds (ms) of the duration histogram buckets; a last bucket takes everything above. */
export const DURATION_BUCKETS_MS = [10, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000];

export type JobOutcome = 'completed' | 'bpmnError' | 'failed' | 'invalidInput' | 'permanentFailure' | 'released';

export interface DurationHistogram {
  /** `le` bucket bounds in ms, as in Prometheus; `counts[i]` is cumulative up to `bucketsMs[i]`, the last is +Inf. */
  bucketsMs: number[];
  counts: number[];
  sumMs: number;
  count: number;
}

export interface ConnectorTypeMetrics {
  activated: number;
  /** Jobs running right now. */
  active: number;
  outcomes: Record<JobOutcome, number>;
  /** Time from activation to the job's outcome, for jobs that ran to an outcome. */
  durationMs: DurationHistogram;
  /** UpdateJobTimeout calls made to keep long jobs. */
  timeoutExtensions: number;
}

export type ConnectorMetricsSnapshot = Record<string, ConnectorTypeMetrics>;

/** What a job did, as it happened. */
export interface ConnectorMetricsObserver {
  /** A worker for this type started; the type's metrics exist from now on, at zero. */
  register(type: string): void;
  jobActivated(type: string): void;
  jobFinished(type: string, outcome: JobOutcome, durationMs: number): void;
  timeoutExtended(type: string): void;
}

export class ConnectorMetrics implements ConnectorMetricsObserver {
  private readonly byType = new Map<string, ConnectorTypeMetrics>();

  constructor(private readonly observers: readonly ConnectorMetricsObserver[] = []) {}

  jobActivated(type: string): void {
    const metrics = this.of(type);
    metrics.activated += 1;
    metrics.active += 1;
    for (const observer of this.observers) observer.jobActivated(type);
  }

  jobFinished(type: string, outcome: JobOutcome, durationMs: number): void {
    for (const observer of this.observers) observer.jobFinished(type, outcome, durationMs);
    const metrics = this.of(type);
    metrics.active -= 1;
    metrics.outcomes[outcome] += 1;
    const histogram = metrics.durationMs;
    histogram.sumMs += durationMs;
    histogram.count += 1;
    for (let i = 0; i < histogram.counts.length; i++) {
      if (i === DURATION_BUCKETS_MS.length || durationMs <= DURATION_BUCKETS_MS[i]) histogram.counts[i] += 1;
    }
  }

  timeoutExtended(type: string): void {
    this.of(type).timeoutExtensions += 1;
    for (const observer of this.observers) observer.timeoutExtended(type);
  }

  /** A deep copy, safe to hand out. */
  snapshot(): ConnectorMetricsSnapshot {
    return structuredClone(Object.fromEntries(this.byType));
  }

  register(type: string): void {
    this.of(type);
    for (const observer of this.observers) observer.register(type);
  }

  private of(type: string): ConnectorTypeMetrics {
    let metrics = this.byType.get(type);
    if (!metrics) {
      metrics = {
        activated: 0,
        active: 0,
        outcomes: { completed: 0, bpmnError: 0, failed: 0, invalidInput: 0, permanentFailure: 0, released: 0 },
        durationMs: { bucketsMs: [...DURATION_BUCKETS_MS], counts: new Array(DURATION_BUCKETS_MS.length + 1).fill(0), sumMs: 0, count: 0 },
        timeoutExtensions: 0,
      };
      this.byType.set(type, metrics);
    }
    return metrics;
  }
}
