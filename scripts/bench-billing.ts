/**
 * `npm run bench:billing -- [--apps 100000] [--chunk N] [--keep]` (chunk: accounts per transaction, the run's default when absent)
 *
 * Fills a scratch PostgreSQL database (im_billing_bench, or BENCH_DATABASE, on the server of TEST_DATABASE_URL or
 * DATABASE_URL, default postgresql://postgres:postgres@127.0.0.1:5432/postgres) with that many
 * apps, their plan events and a month (October 2026) of daily usage, about 31 rows per app,
 * all set-based on the server, then VACUUM ANALYZE and a CHECKPOINT (as pgbench does before it
 * times anything). Then it times, in this one process, each with its client warmed first:
 *   floor: one SQL pass reading the month's usage grouped by app (the rows sent to this process),
 *          the fastest of three warm passes;
 *   run:   the billing run of 2026-10 (lib/billing-runs), as the console and the shell start it.
 * Prints both times, their ratio (target <= 3) and the run's peak memory (target < 512 MB): the
 * resident set size sampled every 5 ms and at each chunk, high-water mark.
 *
 * The run keeps little alive (a few chunks of rows), but V8 grows its heap lazily and would let
 * garbage pile up to hundreds of megabytes before collecting it; the script runs itself with a
 * 256 MB old-space limit (as a billing worker would be started), so the peak shows what the run
 * needs rather than what the collector postponed.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SHIPPED_PRICE_BOOKS } from '../lib/billing/catalog';
import { connect, disconnect, setDatabase } from '../lib/db/client';
import { openDriver } from '../lib/db/driver';
import { applyMigrations } from '../lib/db/migrate';

const HEAP_LIMIT = '--max-old-space-size=256';
if (!`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`.includes('--max-old-space-size')) {
  const child = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${HEAP_LIMIT}`.trim() },
  });
  process.exit(child.status ?? 1);
}

const MONTH = '2026-10';
const FROM = '2026-10-01';
const TO = '2026-10-31';
const TODAY = '2026-11-23';
// BENCH_DATABASE names the scratch database (dropped and re-created), so that runs sharing a server do not drop each other's.
const BENCH_DB = process.env.BENCH_DATABASE || 'im_billing_bench';
if (!/^[a-z_][a-z0-9_]*$/.test(BENCH_DB)) throw new Error('BENCH_DATABASE must be a plain lower-case identifier');

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { apps: { type: 'string', default: '100000' }, chunk: { type: 'string' }, keep: { type: 'boolean', default: false } },
  strict: true,
});
const apps = Number(values.apps);
const chunkSize = values.chunk === undefined ? undefined : Number(values.chunk);
if (!Number.isSafeInteger(apps) || apps < 10 || apps > 2_000_000) throw new Error('--apps must be a whole number from 10 to 2,000,000');
if (chunkSize !== undefined && (!Number.isSafeInteger(chunkSize) || chunkSize < 1)) throw new Error('--chunk must be a positive whole number');
const accounts = Math.max(4, Math.round(apps / 2.5));

const base = new URL(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgresql://postgres:postgres@127.0.0.1:5432/postgres');
const benchUrl = new URL(base.toString());
benchUrl.pathname = `/${BENCH_DB}`;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const n = (x: number) => x.toLocaleString('en-US');

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Set-based fill, deterministic (hash of the app id, no random()): 30% of accounts LEGACY.
 * Legacy apps: 45% Professional from September, 15% Flagship, some add-ons and retention,
 * DAU and peak groups every day, barrage on a third. Current apps: 50% Standard, 20% Pro, a
 * few changing edition in October, cumulative MAU rising through the month.
 */
async function fill(client: pg.Client): Promise<void> {
  const started = performance.now();
  for (const [i, book] of SHIPPED_PRICE_BOOKS.entries()) {
    await client.query(
      `INSERT INTO "PriceBook" ("id", "scheme", "currency", "version", "effectiveFrom", "source") VALUES ($1, $2::"Scheme", $3::"Currency", $4, $5, $6)`,
      [i + 1, book.scheme, book.currency, book.version, book.effectiveFrom, book.source],
    );
    for (const [key, amount] of Object.entries(book.prices)) {
      await client.query(`INSERT INTO "PriceBookPrice" ("priceBookId", "key", "amount") VALUES ($1, $2, $3)`, [i + 1, key, amount]);
    }
  }
  await client.query(
    `INSERT INTO "Account" ("id", "name", "contactEmail", "scheme", "currency", "currentFrom", "createdAt")
     SELECT g, 'Bench account ' || g, 'bench' || g || '@example.com',
            CASE WHEN g % 10 < 3 THEN 'LEGACY' ELSE 'CURRENT' END::"Scheme",
            CASE WHEN g % 10 < 3 THEN 'CNY' ELSE 'USD' END::"Currency",
            CASE WHEN g % 10 < 3 THEN NULL ELSE DATE '2024-01-01' END,
            CASE WHEN g % 10 < 3 THEN TIMESTAMPTZ '2021-01-01 00:00:00+08' ELSE TIMESTAMPTZ '2024-01-01 00:00:00+08' END
       FROM generate_series(1, $1::int) g`,
    [accounts],
  );
  await client.query(`SELECT setval(pg_get_serial_sequence('"Account"', 'id'), $1::int)`, [accounts]);
  await client.query(
    `INSERT INTO "App" ("sdkAppId", "accountId", "name", "dataCenter", "createdAt")
     SELECT 1400000000 + g, ((g - 1) % $2::int) + 1, 'app ' || g,
            (ARRAY['CHINA','SINGAPORE','KOREA','GERMANY','INDIA','INDONESIA','USA'])[1 + g % 7]::"DataCenter",
            TIMESTAMPTZ '2021-06-01 00:00:00+08'
       FROM generate_series(1, $1::int) g`,
    [apps, accounts],
  );
  // h: a stable pseudo-random 0..99 per app.
  await client.query(`CREATE TEMP TABLE bench_apps AS
    SELECT p."sdkAppId" AS id, a."scheme", (hashint8(p."sdkAppId") & 2147483647) % 100 AS h,
           ((hashint8(p."sdkAppId" * 7) & 2147483647) % 28) + 1 AS d
      FROM "App" p JOIN "Account" a ON a."id" = p."accountId"`);
  await client.query(`INSERT INTO "PlanEvent" ("sdkAppId", "date", "type", "edition")
    SELECT id, DATE '2026-09-01' + (d - 1), 'EDITION', CASE WHEN h < 45 THEN 'PROFESSIONAL' ELSE 'FLAGSHIP' END::"Edition"
      FROM bench_apps WHERE "scheme" = 'LEGACY' AND h < 60`);
  await client.query(`INSERT INTO "PlanEvent" ("sdkAppId", "date", "type", "addon", "action")
    SELECT id, DATE '2026-10-01' + (d - 1), 'ADDON', 'GROUP_MEMBER_CAP', 'START' FROM bench_apps WHERE "scheme" = 'LEGACY' AND h < 20`);
  await client.query(`INSERT INTO "PlanEvent" ("sdkAppId", "date", "type", "addon", "action", "retentionDays")
    SELECT id, DATE '2026-10-01' + (d - 1), 'ADDON', 'HISTORY_RETENTION', 'START', 90 FROM bench_apps WHERE "scheme" = 'LEGACY' AND h BETWEEN 10 AND 29`);
  await client.query(`INSERT INTO "PlanEvent" ("sdkAppId", "date", "type", "edition")
    SELECT id, DATE '2026-10-01' + (d - 1), 'EDITION', 'FLAGSHIP' FROM bench_apps WHERE "scheme" = 'LEGACY' AND h < 8`);
  await client.query(`INSERT INTO "PlanEvent" ("sdkAppId", "date", "type", "edition")
    SELECT id, DATE '2026-06-01' + (d - 1), 'EDITION', CASE WHEN h < 50 THEN 'STANDARD' ELSE 'PRO' END::"Edition"
      FROM bench_apps WHERE "scheme" = 'CURRENT' AND h < 70`);
  await client.query(`INSERT INTO "PlanEvent" ("sdkAppId", "date", "type", "edition")
    SELECT id, DATE '2026-10-01' + (d - 1), 'EDITION', 'PRO' FROM bench_apps WHERE "scheme" = 'CURRENT' AND h < 10`);
  await client.query(`INSERT INTO "UsageDaily" ("sdkAppId", "date", "dau", "peakGroups", "mau", "pcc",
                                                "barrageDomesticMbps", "barrageIntlMbps", "source", "sentBy", "updatedAt")
    SELECT b.id, day::date,
           CASE WHEN b."scheme" = 'LEGACY' THEN 2000 + (b.h * 317 + extract(day FROM day)::int * 97) % 30000 END,
           CASE WHEN b."scheme" = 'LEGACY' THEN 1000 + (b.h * 2113 + extract(day FROM day)::int * 1009) % 160000 END,
           CASE WHEN b."scheme" = 'CURRENT' THEN (500 + b.h * 230) * extract(day FROM day)::int / 31 END,
           CASE WHEN b."scheme" = 'CURRENT' THEN 10 + b.h END,
           CASE WHEN b."scheme" = 'LEGACY' AND b.h % 3 = 0 THEN round(((b.h % 13) + extract(day FROM day)::int / 7.0)::numeric, 3) END,
           CASE WHEN b."scheme" = 'LEGACY' AND b.h % 3 = 0 THEN round(((b.h % 5) / 4.0)::numeric, 3) END,
           'SEED', 'bench', now()
      FROM bench_apps b CROSS JOIN generate_series(DATE '${FROM}', DATE '${TO}', interval '1 day') AS day`);
  await client.query('VACUUM ANALYZE');
  // As pgbench does before it times anything: the fill's dirty pages written out now, so no
  // checkpoint it set off lands inside a measurement.
  await client.query('CHECKPOINT');
  const [{ rows }] = [await client.query<{ rows: string }>(`SELECT count(*)::text AS rows FROM "UsageDaily"`)];
  console.log(`filled   ${n(accounts)} accounts, ${n(apps)} apps, ${n(Number(rows[0]!.rows))} usage rows in ${seconds(performance.now() - started)}`);
}

/**
 * The floor: one SQL pass reading the month's usage grouped by app, every value sent to this
 * process (one row per app, its days as text, the cheapest encoding PostgreSQL makes). Any run
 * must read at least this much; the run reads the same rows plus the plan events.
 */
async function floor(client: pg.Client): Promise<{ ms: number; groups: number }> {
  const started = performance.now();
  const result = await client.query(
    `SELECT u."sdkAppId", string_agg(ROW(u."date" - $1::date, u."dau", u."peakGroups", u."mau", u."pcc",
                                         u."barrageDomesticMbps", u."barrageIntlMbps")::text, ';') AS "usage"
       FROM "UsageDaily" u WHERE u."date" BETWEEN $1::date AND $2::date GROUP BY u."sdkAppId"`,
    [FROM, TO],
  );
  return { ms: performance.now() - started, groups: result.rowCount ?? 0 };
}

/** For reference: the same pass computing per-app aggregates in the database (nothing but 100,000 small rows sent). */
async function aggregatesOnly(client: pg.Client): Promise<number> {
  const started = performance.now();
  await client.query(
    `SELECT "sdkAppId", count(*)::int AS days, max("dau") AS dau, max("peakGroups") AS groups, max("mau") AS mau,
            sum("barrageDomesticMbps")::text AS dom, sum("barrageIntlMbps")::text AS intl
       FROM "UsageDaily" WHERE "date" BETWEEN $1::date AND $2::date GROUP BY "sdkAppId"`,
    [FROM, TO],
  );
  return performance.now() - started;
}

async function main(): Promise<void> {
  console.log(`billing run benchmark: ${n(apps)} apps, month ${MONTH}, node ${process.version}, database ${benchUrl.host}/${BENCH_DB}`);
  await admin(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${BENCH_DB}"`);
  const driver = openDriver({ url: benchUrl.toString(), poolSize: 1 });
  await applyMigrations(driver);
  await driver.close();
  const client = new pg.Client({ connectionString: benchUrl.toString() });
  await client.connect();
  await fill(client);

  await floor(client); // warm the cache: both measurements read warm pages
  // The best of three passes: on a shared machine one pass can be slowed by a neighbour, and a
  // slow floor would flatter the ratio.
  const passes = [await floor(client), await floor(client), await floor(client)];
  const f = passes.reduce((best, p) => (p.ms < best.ms ? p : best));
  console.log(`floor    ${seconds(f.ms)}  (one SQL pass: the month's usage grouped by app, sent to this process; ${n(f.groups)} apps)`);
  const aggMs = await aggregatesOnly(client);
  console.log(`         ${seconds(aggMs)}  (reference: the same pass computing per-app max/sum in the database)`);

  const database = connect({ url: benchUrl.toString(), poolSize: 8 });
  setDatabase(database);
  const { runBillingMonth, DEFAULT_CHUNK_ACCOUNTS } = await import('../lib/billing-runs/commands');
  // The run's client warmed as the floor's is (the console's server runs with one): Prisma
  // loads its query compiler on its first query, some 0.3-0.5 s that belong to no run. Nothing
  // the run reads is touched.
  await database.prisma.billingRun.count();
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 5);
  const phases: Record<string, number> = { read: 0, rate: 0, write: 0 };
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = await runBillingMonth(MONTH, { id: null, label: 'bench' }, {
    today: TODAY,
    chunkSize,
    onPhase: (phase, ms) => {
      phases[phase] = (phases[phase] ?? 0) + ms;
      sample();
    },
  });
  const runMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  sample();
  const counts = await client.query<{ invoices: string; lines: string }>(
    `SELECT (SELECT count(*) FROM "Invoice" WHERE "month" = $1)::text AS invoices,
            (SELECT count(*) FROM "InvoiceLine" l JOIN "Invoice" i ON i."id" = l."invoiceId" WHERE i."month" = $1)::text AS lines`,
    [MONTH],
  );
  console.log(
    `run      ${seconds(runMs)}  (${summary.status}: ${n(summary.doneAccounts)} accounts, ${n(Number(counts.rows[0]!.invoices))} invoices, ` +
      `${n(Number(counts.rows[0]!.lines))} lines, ${summary.failedAccounts} failed, chunks of ${chunkSize ?? DEFAULT_CHUNK_ACCOUNTS} accounts)`,
  );
  const ratio = runMs / f.ms;
  console.log(`ratio    ${ratio.toFixed(2)}x the floor (target <= 3); ${(runMs / aggMs).toFixed(2)}x the aggregates-only pass`);
  console.log(`memory   peak RSS ${mb(peak)} (target < 512 MB; node ${HEAP_LIMIT})`);
  console.log(
    `detail   this process: ${seconds((used.user + used.system) / 1000)} CPU; waiting for input ${seconds(phases.read!)}, ` +
      `rating ${seconds(phases.rate!)}, waiting for writes ${seconds(phases.write!)}; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  await client.end();
  setDatabase(undefined);
  await disconnect(database);
  if (!values.keep) await admin(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
}

await main();
