// Prometheus metrics of one server (prom-client, a registry of its own, so apps built in one
// process, as in the tests, do not share counts): requests, latency, evaluations.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  request(method: string, route: string, status: number, seconds: number): void;
  /** A contract evaluated (`ok`) or refused (`error`), per ruleset; a batch counts each line. */
  evaluations(ruleset: string, outcome: 'ok' | 'error', count?: number): void;
}

export function createMetrics(options: { process: boolean }): Metrics {
  const registry = new Registry();
  // Memory, CPU, event-loop lag and handles of the process: only for the server's own process.
  if (options.process) collectDefaultMetrics({ register: registry, prefix: 'sroi_' });
  const requests = new Counter({
    name: 'sroi_http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'sroi_http_request_duration_seconds',
    help: 'Time from the request to the end of the response, by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5, 30],
    registers: [registry],
  });
  const evaluations = new Counter({
    name: 'sroi_evaluations_total',
    help: 'Contracts evaluated (ok) or refused (error), by ruleset',
    labelNames: ['ruleset', 'outcome'] as const,
    registers: [registry],
  });
  return {
    registry,
    request(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, seconds);
    },
    evaluations(ruleset, outcome, count = 1) {
      if (count > 0) evaluations.inc({ ruleset, outcome }, count);
    },
  };
}
