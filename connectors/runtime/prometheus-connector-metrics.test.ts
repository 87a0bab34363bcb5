/** The runtime's per-connector metrics in a prom-client registry, in the Prometheus text the server's /metrics sends. */
import { describe, expect, it } from '@jest/globals';
import { Registry } from 'prom-client';
import { ConnectorMetrics } from './connector-metrics.js';
import { PrometheusConnectorMetrics } from './prometheus-connector-metrics.js';

describe('connector metrics in a prom-client registry', () => {
  it('shows a registered connector at zero and counts its jobs by outcome, with durations in seconds', async () => {
    const registry = new Registry();
    const metrics = new ConnectorMetrics([new PrometheusConnectorMetrics(registry)]);
    metrics.register('amtsflow:mail:1');
    const before = await registry.metrics();
    expect(before).toContain('amtsflow_connector_jobs_activated_total{connector_type="amtsflow:mail:1"} 0');
    expect(before).toContain('amtsflow_connector_jobs_finished_total{connector_type="amtsflow:mail:1",outcome="bpmnError"} 0');

    metrics.jobActivated('amtsflow:mail:1');
    metrics.jobActivated('amtsflow:mail:1');
    metrics.jobFinished('amtsflow:mail:1', 'completed', 40);
    metrics.timeoutExtended('amtsflow:mail:1');
    const text = await registry.metrics();
    expect(text).toContain('amtsflow_connector_jobs_activated_total{connector_type="amtsflow:mail:1"} 2');
    expect(text).toContain('amtsflow_connector_jobs_active{connector_type="amtsflow:mail:1"} 1');
    expect(text).toContain('amtsflow_connector_jobs_finished_total{connector_type="amtsflow:mail:1",outcome="completed"} 1');
    expect(text).toContain('amtsflow_connector_job_duration_seconds_bucket{le="0.05",connector_type="amtsflow:mail:1",outcome="completed"} 1');
    expect(text).toContain('amtsflow_connector_job_duration_seconds_bucket{le="0.01",connector_type="amtsflow:mail:1",outcome="completed"} 0');
    expect(text).toContain('amtsflow_connector_job_timeout_extensions_total{connector_type="amtsflow:mail:1"} 1');
    // The in-memory snapshot says the same.
    expect(metrics.snapshot()['amtsflow:mail:1']).toMatchObject({ activated: 2, active: 1, outcomes: { completed: 1 }, timeoutExtensions: 1 });
  });

  it('lets a second runtime in the same process share the metrics instead of failing to register them', async () => {
    const registry = new Registry();
    new ConnectorMetrics([new PrometheusConnectorMetrics(registry)]).jobActivated('a:1');
    new ConnectorMetrics([new PrometheusConnectorMetrics(registry)]).jobActivated('a:1');
    expect(await registry.metrics()).toContain('amtsflow_connector_jobs_activated_total{connector_type="a:1"} 2');
  });
});
