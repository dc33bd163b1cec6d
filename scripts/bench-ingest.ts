/**
 * `npm run bench:ingest -- [--rows 300000] [--apps 10000] [--senders 2] [--keep]`
 *
 * Ingestion throughput into PostgreSQL (target: at least 50,000 rows per second): a scratch
 * database im_billing_bench_ingest on the server of TEST_DATABASE_URL or DATABASE_URL (default
 * postgresql://postgres:postgres@127.0.0.1:5432/postgres) gets that many apps; then the rows go
 * in 10,000-row batches through exactly what POST /api/v1/usage does after reading the JSON:
 * the batch validated (parseUsageRows), then one driver transaction running ingestUsage (apps
 * and billed months checked set-based, one upsert statement, the audit entry). Three passes:
 * new rows, the same batches again (nothing changes), and changed values (every row replaced),
 * after one untimed warm-up batch.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { connect, disconnect, setDatabase } from '../lib/db/client';
import { openDriver } from '../lib/db/driver';
import { applyMigrations } from '../lib/db/migrate';
import { truncateTables } from '../lib/db/truncate';

const BATCH = 10_000;
const TODAY = '2026-11-23';
const BENCH_DB = 'im_billing_bench_ingest';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    rows: { type: 'string', default: '300000' },
    apps: { type: 'string', default: '10000' },
    senders: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});
const totalRows = Number(values.rows);
const apps = Number(values.apps);
const senders = Number(values.senders);
if (!Number.isSafeInteger(senders) || senders < 1 || senders > 16) throw new Error('--senders must be a whole number from 1 to 16');
if (!Number.isSafeInteger(totalRows) || totalRows < BATCH) throw new Error(`--rows must be a whole number of at least ${BATCH}`);
if (!Number.isSafeInteger(apps) || apps < 1 || apps > 1_000_000) throw new Error('--apps must be a whole number from 1 to 1,000,000');

const base = new URL(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgresql://postgres:postgres@127.0.0.1:5432/postgres');
const benchUrl = new URL(base.toString());
benchUrl.pathname = `/${BENCH_DB}`;
const n = (x: number) => Math.round(x).toLocaleString('en-US');

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Rows as a client sends them: apps x days going back from yesterday, counts as JSON numbers. */
function makeBatches(variant: number): unknown[][] {
  const days = Math.ceil(totalRows / apps);
  const dates: string[] = [];
  const start = Date.UTC(2026, 10, 22);
  for (let d = 0; d < days; d++) dates.push(new Date(start - d * 86_400_000).toISOString().slice(0, 10));
  const batches: unknown[][] = [];
  let batch: unknown[] = [];
  for (let i = 0; i < totalRows; i++) {
    const app = 1_400_000_001 + (i % apps);
    const date = dates[Math.floor(i / apps)]!;
    batch.push({
      sdkAppId: app,
      date,
      dau: 1000 + ((i * 7 + variant) % 30_000),
      peakGroups: 5000 + ((i * 13 + variant) % 150_000),
      barrageDomesticMbps: `${(i + variant) % 20}.${(i * 3) % 1000}`,
    });
    if (batch.length === BATCH) {
      batches.push(batch);
      batch = [];
    }
  }
  if (batch.length) batches.push(batch);
  return batches;
}

async function main(): Promise<void> {
  console.log(`usage ingestion benchmark: ${n(totalRows)} rows for ${n(apps)} apps in batches of ${n(BATCH)}, database ${benchUrl.host}/${BENCH_DB}`);
  await admin(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${BENCH_DB}"`);
  const driver = openDriver({ url: benchUrl.toString(), poolSize: 1 });
  await applyMigrations(driver);
  await driver.query(
    `INSERT INTO "Account" ("id", "name", "contactEmail", "scheme", "currency", "createdAt")
     SELECT g, 'Bench ' || g, 'b' || g || '@example.com', 'LEGACY', 'CNY', TIMESTAMPTZ '2021-01-01 00:00:00+08' FROM generate_series(1, $1::int) g`,
    [Math.ceil(apps / 3)],
  );
  await driver.query(
    `INSERT INTO "App" ("sdkAppId", "accountId", "name", "dataCenter", "createdAt")
     SELECT 1400000000 + g, ((g - 1) % $2::int) + 1, 'app ' || g, 'CHINA', TIMESTAMPTZ '2021-06-01 00:00:00+08' FROM generate_series(1, $1::int) g`,
    [apps, Math.ceil(apps / 3)],
  );
  await driver.query(`INSERT INTO "User" ("id", "email", "name", "passwordHash", "role") VALUES (gen_random_uuid(), 'bench@example.com', 'Bench', 'x', 'OPS')`);
  await driver.exec('ANALYZE');
  await driver.close();

  const database = connect({ url: benchUrl.toString(), poolSize: 4 });
  setDatabase(database);
  const { parseUsageRows } = await import('../lib/usage/schemas');
  const { ingestUsage } = await import('../lib/usage/commands');
  const { createApiKey } = await import('../lib/api-keys/commands');
  const { driverTransaction } = await import('../lib/db/sql');
  const ops = await database.prisma.user.findFirstOrThrow({ where: { email: 'bench@example.com' } });
  const key = await database.prisma.$transaction((tx) => createApiKey(tx, { ...ops, accountId: null }, { name: 'bench' }));
  const sender = { source: 'API' as const, sentBy: key.id, audit: { id: null, label: `api-key:${key.prefix}` } };

  const pass = async (label: string, batches: unknown[][], clients: number) => {
    let rows = 0;
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    let slowest = 0;
    let next = 0;
    const send = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        const t = performance.now();
        const parsed = parseUsageRows(batch, { today: TODAY });
        if (!parsed.ok) throw new Error(parsed.message);
        const result = await driverTransaction((sql) => ingestUsage(sql, sender, parsed.rows));
        slowest = Math.max(slowest, performance.now() - t);
        rows += result.rows;
        inserted += result.inserted;
        updated += result.updated;
        unchanged += result.unchanged;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: clients }, send));
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${label.padEnd(22)} ${n(rows / seconds).padStart(8)} rows/s  (${n(rows)} rows in ${seconds.toFixed(2)} s; ` +
        `${n(inserted)} new, ${n(updated)} replaced, ${n(unchanged)} unchanged; slowest batch ${n(slowest)} ms)`,
    );
    return rows / seconds;
  };

  // Warm-up, untimed: one batch for a day none of the passes writes, so the first timed batches
  // measure a running server, not the JIT compiling the validator and the driver.
  const warmup = makeBatches(9)[0]!.map((row) => ({ ...(row as object), date: '2026-09-01' }));
  const warm = parseUsageRows(warmup, { today: TODAY });
  if (!warm.ok) throw new Error(warm.message);
  await driverTransaction((sql) => ingestUsage(sql, sender, warm.rows));

  const rates: number[] = [];
  for (const [variant, clients] of [
    [0, 1],
    [1, senders],
  ] as const) {
    const batches = makeBatches(variant * 2);
    const who = clients === 1 ? '1 sender' : `${clients} senders`;
    rates.push(await pass(`new, ${who}`, batches, clients));
    rates.push(await pass(`resend, ${who}`, batches, clients));
    rates.push(await pass(`replace, ${who}`, makeBatches(variant * 2 + 1), clients));
    // The next round writes new days again.
    if (variant === 0) {
      await truncateTables(database.driver, ['UsageDaily']);
      await database.driver.exec('VACUUM ANALYZE "UsageDaily"');
    }
  }
  const one = Math.min(...rates.slice(0, 3));
  const many = Math.min(...rates.slice(3));
  console.log(`result                 ${n(one)} rows/s at worst with 1 sender, ${n(many)} rows/s with ${senders} (target >= 50,000)`);
  setDatabase(undefined);
  await disconnect(database);
  if (!values.keep) await admin(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
}

await main();
