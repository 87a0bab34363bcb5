/**
 * Prometheus metrics: HTTP requests by method, route (the declared path, not the URL, so ids do not multiply the
 * series) and status, their durations, whether the Zeebe gateway answers, and Node's process metrics.
 */
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GatewayStatus } from './gateway-probe.js';

export class ServerMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'amtsflow_http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly durations = new Histogram({
    name: 'amtsflow_http_request_duration_seconds',
    help: 'Time from receiving a request to finishing its answer, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** `probe` is asked at every scrape. */
  constructor(probe: () => Promise<GatewayStatus>) {
    new Gauge({
      name: 'amtsflow_zeebe_gateway_up',
      help: '1 when the Zeebe gateway answered a topology request at this scrape, 0 when not',
      registers: [this.registry],
      async collect() {
        this.set((await probe()).up ? 1 : 0);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'amtsflow_' });
  }

  /** Put first: times every request and counts it when its answer is finished. */
  readonly measureRequests: RequestHandler = (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = req.route?.path === undefined ? 'unmatched' : `${req.baseUrl}${String(req.route.path)}`;
      const labels = { method: req.method, route, status: String(res.statusCode) };
      this.requests.inc(labels);
      this.durations.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
