import 'server-only';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

type Metrics = {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  ingestedRows: Counter<'source'>;
  rejectedRows: Counter<'source'>;
  billingShards: Counter<'outcome'>;
  billingShardDuration: Histogram<'outcome'>;
  billingRuns: Counter<'status'>;
  billingRunDuration: Histogram<'status'>;
  queueDepth: Gauge<'queue'>;
};

/** Sources of the job-queue gauge, read at scrape time (see lib/ops/jobs.ts). */
let queueDepthReader: (() => Promise<{ queue: string; depth: number }[]>) | null = null;

export function setQueueDepthReader(reader: typeof queueDepthReader): void {
  queueDepthReader = reader;
}

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route template, method and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    ingestedRows: new Counter({
      name: 'usage_ingested_rows_total',
      help: 'Usage rows written (API or CSV import)',
      labelNames: ['source'],
      registers: [registry],
    }),
    rejectedRows: new Counter({
      name: 'usage_rejected_rows_total',
      help: 'Usage rows refused (each bad row of a refused batch)',
      labelNames: ['source'],
      registers: [registry],
    }),
    billingShards: new Counter({
      name: 'billing_run_shards_total',
      help: 'Billing run chunks (shards of accounts) committed, by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    billingShardDuration: new Histogram({
      name: 'billing_run_shard_duration_seconds',
      help: 'Time to write one billing run chunk',
      labelNames: ['outcome'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    billingRuns: new Counter({
      name: 'billing_runs_total',
      help: 'Billing runs finished, by status',
      labelNames: ['status'],
      registers: [registry],
    }),
    billingRunDuration: new Histogram({
      name: 'billing_run_duration_seconds',
      help: 'Billing run wall-clock duration',
      labelNames: ['status'],
      buckets: [1, 5, 10, 30, 60, 120, 300, 600, 1800],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'job_queue_depth',
      help: 'Jobs waiting per queue (created or retry)',
      labelNames: ['queue'],
      registers: [registry],
      async collect() {
        this.reset();
        if (!queueDepthReader) return;
        for (const { queue, depth } of await queueDepthReader().catch(() => [])) this.set({ queue }, depth);
      },
    }),
  };
}

const globalForMetrics = globalThis as unknown as { __imBillingMetrics?: Metrics };

/** One registry per process, shared by Next's separately bundled routes through globalThis. */
export function getMetrics(): Metrics {
  globalForMetrics.__imBillingMetrics ??= createMetrics();
  return globalForMetrics.__imBillingMetrics;
}

export type UsageSource = 'API' | 'CSV';

export function recordIngestion(source: UsageSource, written: number, rejected: number): void {
  const m = getMetrics();
  if (written > 0) m.ingestedRows.inc({ source }, written);
  if (rejected > 0) m.rejectedRows.inc({ source }, rejected);
}

export function recordBillingShard(outcome: 'committed' | 'retried' | 'failed', seconds: number): void {
  const m = getMetrics();
  m.billingShards.inc({ outcome });
  m.billingShardDuration.observe({ outcome }, seconds);
}

export function recordBillingRun(status: 'SUCCEEDED' | 'FAILED', seconds: number): void {
  const m = getMetrics();
  m.billingRuns.inc({ status });
  m.billingRunDuration.observe({ status }, seconds);
}

export function recordHttpRequest(labels: { method: string; route: string; status: number }, seconds: number): void {
  getMetrics().httpDuration.observe({ method: labels.method, route: labels.route, status: String(labels.status) }, seconds);
}
