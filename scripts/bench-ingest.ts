/**
 * `npm run bench:ingest -- [--rows 300000] [--apps 10000] [--rounds 3] [--database NAME] [--keep]`
 *
 * Ingestion throughput into PostgreSQL against its physical floor (issue 16: one sender at
 * least 100,000 rows per second for new and for replaced rows, and at least half the floor).
 * A scratch database (default im_billing_bench_ingest) on the server of TEST_DATABASE_URL or
 * DATABASE_URL (default postgresql://postgres:postgres@127.0.0.1:5432/postgres) gets that many
 * apps; then the rows go in 10,000-row batches through exactly what POST /api/v1/usage does
 * once it has the body's text: JSON.parse, the batch validated (parseUsageRows), then one driver
 * transaction running ingestUsage (apps and billed months checked set-based, one upsert
 * statement, the audit entry) and the key's lastUsedAt.
 *
 * The floor: the same rows, as COPY text built beforehand, sent with `COPY ... FROM STDIN`
 * (one 10,000-row COPY per transaction, like the API's batches) into "UsageBare", a table of
 * the same columns without indexes, keys or triggers: what writing those rows costs at the
 * least. Each round writes fresh days: new rows, the same batches resent, every row replaced,
 * one sender; batch by batch, the floor's COPY of a batch runs right before the API writes it,
 * and the round prints both rates and the API's as a fraction of the floor's. On a shared
 * machine the absolute rates move with the load; a ratio of times measured a batch apart much
 * less. The summary gives the medians over the rounds.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { connect, disconnect, setDatabase } from '../lib/db/client';
import { openDriver } from '../lib/db/driver';
import { applyMigrations } from '../lib/db/migrate';

const BATCH = 10_000;
const TODAY = '2026-11-23';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    rows: { type: 'string', default: '300000' },
    apps: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '3' },
    database: { type: 'string', default: 'im_billing_bench_ingest' },
    keep: { type: 'boolean', default: false },
  },
  strict: true,
});
const totalRows = Number(values.rows);
const apps = Number(values.apps);
const rounds = Number(values.rounds);
const BENCH_DB = values.database;
if (!/^[a-z][a-z0-9_]{0,62}$/.test(BENCH_DB)) throw new Error('--database must be a lower-case name of letters, digits and _');
if (!Number.isSafeInteger(rounds) || rounds < 1 || rounds > 20) throw new Error('--rounds must be a whole number from 1 to 20');
if (!Number.isSafeInteger(totalRows) || totalRows < BATCH) throw new Error(`--rows must be a whole number of at least ${BATCH}`);
if (!Number.isSafeInteger(apps) || apps < 1 || apps > 1_000_000) throw new Error('--apps must be a whole number from 1 to 1,000,000');
const days = Math.ceil(totalRows / apps);
if (days * rounds > 1500) throw new Error('--rows / --apps x --rounds must stay within 1,500 days (the apps exist from 2021-06-01)');

const base = new URL(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgresql://postgres:postgres@127.0.0.1:5432/postgres');
const benchUrl = new URL(base.toString());
benchUrl.pathname = `/${BENCH_DB}`;
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: base.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

type Row = { sdkAppId: number; date: string; dau: number; peakGroups: number; barrageDomesticMbps: string };

/** Rows as a client sends them: apps x days going back from the round's last day, counts as JSON numbers. */
function makeBatches(round: number, variant: number): Row[][] {
  const dates: string[] = [];
  const start = Date.UTC(2026, 10, 22) - round * days * 86_400_000;
  for (let d = 0; d < days; d++) dates.push(new Date(start - d * 86_400_000).toISOString().slice(0, 10));
  const batches: Row[][] = [];
  let batch: Row[] = [];
  for (let i = 0; i < totalRows; i++) {
    batch.push({
      sdkAppId: 1_400_000_001 + (i % apps),
      date: dates[Math.floor(i / apps)]!,
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

/** The same rows in COPY's text format, every column the API writes (absent measures are \N). */
function copyText(batch: Row[], sentBy: string): Buffer {
  const now = new Date().toISOString();
  return Buffer.from(batch.map((r) => `${r.sdkAppId}\t${r.date}\t${r.dau}\t${r.peakGroups}\t\\N\t\\N\t${r.barrageDomesticMbps}\t\\N\tAPI\t${sentBy}\t${now}\n`).join(''));
}

/**
 * `COPY ... FROM STDIN` with the pg driver alone (its "submittable" query interface): sends the
 * whole buffer as one CopyData message and resolves with the rows copied.
 */
class CopyIn {
  private resolve!: (rows: number) => void;
  private reject!: (error: Error) => void;
  private error: Error | undefined;
  private rows = 0;
  readonly done = new Promise<number>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });
  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {}
  submit(connection: { query(text: string): void }) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void }) {
    connection.sendCopyFromChunk(this.data);
    connection.endCopyFrom();
  }
  handleCommandComplete(message: { text: string }) {
    this.rows = Number(/(\d+)$/.exec(message.text)?.[1] ?? 0);
  }
  handleError(error: Error) {
    this.error = error;
  }
  handleReadyForQuery() {
    if (this.error) this.reject(this.error);
    else this.resolve(this.rows);
  }
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

async function main(): Promise<void> {
  console.log(
    `usage ingestion benchmark: ${n(totalRows)} rows for ${n(apps)} apps in batches of ${n(BATCH)}, ${rounds} rounds, ` +
      `1 sender, database ${benchUrl.host}/${BENCH_DB}`,
  );
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
  // The floor's table: the same columns (and NOT NULLs), nothing else.
  await driver.exec(`CREATE TABLE "UsageBare" (LIKE "UsageDaily")`);
  await driver.exec('ANALYZE');
  await driver.close();

  const database = connect({ url: benchUrl.toString(), poolSize: 2 });
  setDatabase(database);
  if (database.driver.kind !== 'postgres') throw new Error('the benchmark needs PostgreSQL');
  const pool = database.driver.pool;
  const { parseUsageRows } = await import('../lib/usage/schemas');
  const { ingestUsage } = await import('../lib/usage/commands');
  const { createApiKey } = await import('../lib/api-keys/commands');
  const { driverTransaction } = await import('../lib/db/sql');
  const ops = await database.prisma.user.findFirstOrThrow({ where: { email: 'bench@example.com' } });
  const key = await database.prisma.$transaction((tx) => createApiKey(tx, { ...ops, accountId: null }, { name: 'bench' }));
  const sender = { source: 'API' as const, sentBy: key.id, audit: { id: null, label: `api-key:${key.prefix}` } };

  /** What POST /api/v1/usage does with a body's text (lib/usage/api.ts), minus HTTP. */
  const post = async (body: string) => {
    const parsed = parseUsageRows(JSON.parse(body), { today: TODAY });
    if (!parsed.ok) throw new Error(parsed.message);
    return driverTransaction(async (sql) => {
      const written = await ingestUsage(sql, sender, parsed.rows);
      await sql(`UPDATE "ApiKey" SET "lastUsedAt" = now() WHERE "id" = $1::uuid`, [key.id]);
      return written;
    });
  };

  /** One COPY of a batch into the floor's table, in its own transaction (as the API's batch). */
  const copy = async (data: Buffer) => {
    const client = await pool.connect();
    try {
      const copyIn = new CopyIn(`COPY "UsageBare" FROM STDIN`, data);
      void client.query(copyIn as never);
      return await copyIn.done;
    } finally {
      client.release();
    }
  };

  /** The batches through the API, each right after its floor COPY (unless `floor` is false). */
  const pass = async (label: string, bodies: string[], copies: Buffer[], floor = true) => {
    await pool.query('TRUNCATE "UsageBare"');
    let rows = 0;
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    let slowest = 0;
    let apiMs = 0;
    let floorMs = 0;
    for (let i = 0; i < bodies.length; i++) {
      if (floor) {
        const t = performance.now();
        await copy(copies[i]!);
        floorMs += performance.now() - t;
      }
      const t = performance.now();
      const result = await post(bodies[i]!);
      const ms = performance.now() - t;
      apiMs += ms;
      slowest = Math.max(slowest, ms);
      rows += result.rows;
      inserted += result.inserted;
      updated += result.updated;
      unchanged += result.unchanged;
    }
    const api = (rows * 1000) / apiMs;
    const bare = floor ? (rows * 1000) / floorMs : Number.NaN;
    console.log(
      `  ${label.padEnd(13)} API ${n(api).padStart(7)} rows/s` +
        (floor ? `, floor (COPY) ${n(bare).padStart(7)} rows/s, API/floor ${pct(api / bare).padStart(4)}` : '') +
        `  (${n(rows)} rows: ${n(inserted)} new, ${n(updated)} replaced, ${n(unchanged)} unchanged; slowest batch ${n(slowest)} ms)`,
    );
    return { api, floor: bare, ratio: api / bare };
  };

  // Warm-up, untimed: one batch through each path for a day no round writes, so the timed
  // batches measure a running server, not the JIT compiling the validator and the driver.
  const warmup = makeBatches(0, 9)[0]!.map((row) => ({ ...row, date: '2021-07-01' }));
  await post(JSON.stringify(warmup));
  await copy(copyText(warmup, key.id));

  const results: { floor: number; fresh: number; resend: number; replace: number; newRatio: number; replaceRatio: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    console.log(`round ${round + 1} of ${rounds}`);
    const fresh = makeBatches(round, 0);
    const changed = makeBatches(round, 1);
    const freshBodies = fresh.map((b) => JSON.stringify(b));
    const freshCopies = fresh.map((b) => copyText(b, key.id));
    const added = await pass('new', freshBodies, freshCopies);
    const resent = await pass('resent', freshBodies, freshCopies, false);
    const replaced = await pass(
      'replaced',
      changed.map((b) => JSON.stringify(b)),
      changed.map((b) => copyText(b, key.id)),
    );
    results.push({
      floor: (added.floor + replaced.floor) / 2,
      fresh: added.api,
      resend: resent.api,
      replace: replaced.api,
      newRatio: added.ratio,
      replaceRatio: replaced.ratio,
    });
  }
  const m = (k: keyof (typeof results)[number]) => median(results.map((r) => r[k]));
  console.log(
    `result (medians of ${rounds} rounds, 1 sender): floor (COPY) ${n(m('floor'))} rows/s; API new ${n(m('fresh'))} rows/s = ${pct(m('newRatio'))} of the floor, ` +
      `replaced ${n(m('replace'))} rows/s = ${pct(m('replaceRatio'))}; resent unchanged ${n(m('resend'))} rows/s ` +
      `(goals: >= 100,000 rows/s and >= 50% of the floor for new and replaced rows)`,
  );
  setDatabase(undefined);
  await disconnect(database);
  if (!values.keep) await admin(`DROP DATABASE IF EXISTS "${BENCH_DB}" WITH (FORCE)`);
}

await main();
