import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GET as health } from '../../app/api/health/route';
import { GET as metrics } from '../../app/api/metrics/route';
import { GET as ready } from '../../app/api/ready/route';
import { GET as openapi } from '../../app/api/v1/openapi.json/route';
import { POST as postUsage } from '../../app/api/v1/usage/route';
import { createApiKey } from '../../lib/api-keys/commands';
import { createAccount, createUser } from './billing-helpers';
import { useTestDatabase } from './db';

const getDb = useTestDatabase();
const TODAY = '2026-11-23';
const TOKEN = 'metrics-test-token-0123456789';

let secret: string;
let apps: bigint[];

beforeAll(async () => {
  process.env.CONSOLE_TODAY = TODAY;
  const db = getDb();
  const ops = await createUser(db, 'OPS');
  ({ apps } = await createAccount(db, { scheme: 'LEGACY', apps: [{ events: [{ date: '2026-09-01', edition: 'PROFESSIONAL' }] }] }));
  secret = (await db.prisma.$transaction((tx) => createApiKey(tx, ops, { name: 'collector' }))).secret;
});

afterEach(() => {
  delete process.env.METRICS_TOKEN;
});

const get = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost${url}`, { headers });

function postBatch(body: unknown): Promise<Response> {
  return postUsage(
    new Request('http://localhost/api/v1/usage', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify(body),
    }),
  );
}

async function scrape(): Promise<string> {
  const response = await metrics(get('/api/metrics', { authorization: `Bearer ${TOKEN}` }));
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one sample line, e.g. `usage_ingested_rows_total{source="API"}`; 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('GET /api/health', () => {
  it('answers 200 with a status and nothing else, without authentication', async () => {
    const response = await health(get('/api/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });
});

describe('GET /api/ready', () => {
  it('is ready when the database answers and every shipped migration is applied (no workers: skipped)', async () => {
    const response = await ready(get('/api/ready'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', worker: 'skipped' } });
  });

  it('is not ready (503) while a shipped migration is not recorded as applied', async () => {
    const { prisma } = getDb();
    const [last] = await prisma.$queryRawUnsafe<{ id: string; migration_name: string }[]>(
      'SELECT "id", "migration_name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1',
    );
    await prisma.$executeRawUnsafe('UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "id" = $1', last!.id);
    try {
      const response = await ready(get('/api/ready'));
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body).toEqual({ status: 'not_ready', checks: { database: 'ok', migrations: 'failing', worker: 'skipped' } });
      expect(JSON.stringify(body)).not.toContain(last!.migration_name);
    } finally {
      await prisma.$executeRawUnsafe('UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL WHERE "id" = $1', last!.id);
    }
    expect((await ready(get('/api/ready'))).status).toBe(200);
  });
});

describe('GET /api/metrics', () => {
  it('does not exist without METRICS_TOKEN, and refuses a missing or wrong token', async () => {
    expect((await metrics(get('/api/metrics'))).status).toBe(404);
    process.env.METRICS_TOKEN = TOKEN;
    expect((await metrics(get('/api/metrics'))).status).toBe(401);
    expect((await metrics(get('/api/metrics', { authorization: 'Bearer wrong' }))).status).toBe(401);
    expect((await metrics(get('/api/metrics', { authorization: `Bearer ${TOKEN}` }))).status).toBe(200);
  });

  it('counts ingested and refused rows and the route latency', async () => {
    process.env.METRICS_TOKEN = TOKEN;
    const before = await scrape();
    const sdkAppId = Number(apps[0]);
    const good = await postBatch([
      { sdkAppId, date: '2026-11-01', dau: 10 },
      { sdkAppId, date: '2026-11-02', dau: 11 },
    ]);
    expect(good.status).toBe(200);
    const bad = await postBatch([{ sdkAppId, date: '2026-11-03', dau: -1 }, { sdkAppId, date: '2026-11-04', dau: 5 }]);
    expect(bad.status).toBe(400);
    const after = await scrape();
    expect(sample(after, 'usage_ingested_rows_total{source="API"}') - sample(before, 'usage_ingested_rows_total{source="API"}')).toBe(2);
    expect(sample(after, 'usage_rejected_rows_total{source="API"}') - sample(before, 'usage_rejected_rows_total{source="API"}')).toBe(1);
    const latency = 'http_request_duration_seconds_count{method="POST",route="/api/v1/usage",status="200"}';
    expect(sample(after, latency) - sample(before, latency)).toBe(1);
    expect(after).toContain('# TYPE billing_run_shards_total counter');
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('is OpenAPI 3.1 generated from the zod schemas, and agrees with the live route on a valid and an invalid batch', async () => {
    const response = await openapi(get('/api/v1/openapi.json'));
    expect(response.status).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe('3.1.0');
    const operation = document.paths['/api/v1/usage'].post;
    expect(operation.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/UsageBatch');
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '409']));
    const requestSchema = z.fromJSONSchema(document.components.schemas.UsageBatch);
    const resultSchema = z.fromJSONSchema(document.components.schemas.IngestResult);
    const errorSchema = z.fromJSONSchema(document.components.schemas.ApiError);

    const sdkAppId = Number(apps[0]);
    const valid = { rows: [{ sdkAppId, date: '2026-11-10', dau: 100, barrageDomesticMbps: '1.5' }] };
    expect(requestSchema.safeParse(valid).success).toBe(true);
    const accepted = await postBatch(valid);
    expect(accepted.status).toBe(200);
    expect(resultSchema.safeParse(await accepted.json()).success).toBe(true);

    const invalid = [{ sdkAppId, date: '2026-11-11', dau: 1.5, colour: 'red' }];
    const documented = requestSchema.safeParse(invalid);
    expect(documented.success).toBe(false);
    const refused = await postBatch(invalid);
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(errorSchema.safeParse(body).success).toBe(true);
    expect(body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['colour', 'dau']);
  });
});
