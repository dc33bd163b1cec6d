import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { readQueueDepth } from '../ops/readiness';
import { getMetrics, setQueueDepthReader } from './metrics';
import { instrumentRoute } from './request';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /api/metrics in Prometheus' text format, for a scraper holding METRICS_TOKEN
 * (`Authorization: Bearer <token>`). Without METRICS_TOKEN set the route does not exist (404);
 * a wrong or missing token is 401.
 */
export const handleMetricsGet = instrumentRoute('/api/metrics', async (request: Request): Promise<Response> => {
  const expected = process.env.METRICS_TOKEN;
  if (!expected) return new Response('Not found\n', { status: 404 });
  const header = request.headers.get('authorization') ?? '';
  const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
  if (!given || !sameSecret(given, expected)) {
    return new Response('Unauthorized\n', { status: 401, headers: { 'www-authenticate': 'Bearer realm="metrics"' } });
  }
  setQueueDepthReader(() => readQueueDepth());
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
});
