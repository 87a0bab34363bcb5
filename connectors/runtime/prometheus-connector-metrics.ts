/**
 * The runtime's per-connector metrics as prom-client metrics in a given registry, so they appear at the server's
 * `/metrics` when the runtime runs in the server's process. Durations are in seconds, as Prometheus names them.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { DURATION_BUCKETS_MS, type ConnectorMetricsObserver, type JobOutcome } from './connector-metrics.js';

const OUTCOMES: readonly JobOutcome[] = ['completed', 'bpmnError', 'failed', 'invalidInput', 'permanentFailure', 'released'];

export class PrometheusConnectorMetrics implements ConnectorMetricsObserver {
  private readonly activated: Counter<'connector_type'>;
  private readonly active: Gauge<'connector_type'>;
  private readonly finished: Counter<'connector_type' | 'outcome'>;
  private readonly durations: Histogram<'connector_type' | 'outcome'>;
  private readonly timeoutExtensions: Counter<'connector_type'>;

  constructor(registry: Registry) {
    // A registry that has them already (a second runtime in one process) shares them.
    const existing = <T>(name: string) => registry.getSingleMetric(name) as T | undefined;
    const labelNames = ['connector_type'] as const;
    this.activated = existing('amtsflow_connector_jobs_activated_total') ?? new Counter({
      name: 'amtsflow_connector_jobs_activated_total', help: 'Jobs a connector worker activated, by connector type', labelNames, registers: [registry],
    });
    this.active = existing('amtsflow_connector_jobs_active') ?? new Gauge({
      name: 'amtsflow_connector_jobs_active', help: 'Jobs running in a connector right now, by connector type', labelNames, registers: [registry],
    });
    this.finished = existing('amtsflow_connector_jobs_finished_total') ?? new Counter({
      name: 'amtsflow_connector_jobs_finished_total',
      help: 'Jobs finished, by connector type and outcome (completed, bpmnError, failed, invalidInput, permanentFailure, released)',
      labelNames: ['connector_type', 'outcome'], registers: [registry],
    });
    this.durations = existing('amtsflow_connector_job_duration_seconds') ?? new Histogram({
      name: 'amtsflow_connector_job_duration_seconds', help: 'Time from a job\'s activation to its outcome, by connector type and outcome',
      labelNames: ['connector_type', 'outcome'], buckets: DURATION_BUCKETS_MS.map((ms) => ms / 1000), registers: [registry],
    });
    this.timeoutExtensions = existing('amtsflow_connector_job_timeout_extensions_total') ?? new Counter({
      name: 'amtsflow_connector_job_timeout_extensions_total', help: 'Job timeouts extended while a connector was still busy, by connector type',
      labelNames, registers: [registry],
    });
  }

  register(type: string): void {
    const labels = { connector_type: type };
    this.activated.inc(labels, 0);
    this.active.inc(labels, 0);
    this.timeoutExtensions.inc(labels, 0);
    for (const outcome of OUTCOMES) this.finished.inc({ ...labels, outcome }, 0);
  }

  jobActivated(type: string): void {
    this.activated.inc({ connector_type: type });
    this.active.inc({ connector_type: type });
  }

  jobFinished(type: string, outcome: JobOutcome, durationMs: number): void {
    this.active.dec({ connector_type: type });
    this.finished.inc({ connector_type: type, outcome });
    this.durations.observe({ connector_type: type, outcome }, durationMs / 1000);
  }

  timeoutExtended(type: string): void {
    this.timeoutExtensions.inc({ connector_type: type });
  }
}
