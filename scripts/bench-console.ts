/**
 * `npm run bench:console -- [--accounts 100000] [--iterations 30]`
 *
 * Seeds a scratch PostgreSQL database (DATABASE_URL's server, else TEST_DATABASE_URL's, else the
 * local default) with that many accounts, then, for a few filter + sort views of the accounts
 * table, times one page as the server serves it (listAccounts: Prisma, the actor's scope, DTO
 * mapping) against its bare SQL (the same two statements sent straight to the driver). Prints
 * the medians and their ratio; the target is at most 2x.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
  options: { accounts: { type: 'string', default: '100000' }, iterations: { type: 'string', default: '30' }, reseed: { type: 'boolean', default: false } },
});
const accounts = Number(values.accounts);
const iterations = Number(values.iterations);
const server = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';
const dbName = `im_billing_bench_console_${accounts}`;
const url = new URL(server);
url.pathname = `/${dbName}`;

const { connect, disconnect, setDatabase } = await import('../lib/db/client');
const { applyMigrations } = await import('../lib/db/migrate');
const { seedDemo } = await import('../prisma/seed/seed-demo');
const { listAccounts, accountsPageSql, accountsCountSql } = await import('../lib/accounts/queries');
const { parseAccountsSearch } = await import('../lib/accounts/schemas');

const admin = new pg.Client({ connectionString: server });
await admin.connect();
const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount;
if (values.reseed && exists) await admin.query(`DROP DATABASE "${dbName}" WITH (FORCE)`);
if (!exists || values.reseed) await admin.query(`CREATE DATABASE "${dbName}"`);
await admin.end();

const database = connect({ url: url.toString(), poolSize: 4 });
setDatabase(database);
await applyMigrations(database.driver);
if ((await database.prisma.account.count()) !== accounts) {
  const started = performance.now();
  await seedDemo(database.prisma, database.driver, { accounts, seed: 20261123, today: '2026-11-23' });
  console.log(`seeded ${accounts} accounts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await database.driver.query('ANALYZE');
}

const ops = await database.prisma.user.findFirstOrThrow({ where: { role: 'OPS' } });
const actor = { id: ops.id, email: ops.email, name: ops.name, role: ops.role, accountId: null };
const views: Record<string, string>[] = [
  { scheme: 'LEGACY', sort: 'name.desc' },
  { dc: 'GERMANY', sort: 'createdAt.desc', page: '3' },
  { currency: 'USD', q: 'Games', sort: 'id.asc' },
  { scheme: 'CURRENT', dc: 'KOREA', sort: 'name.asc', perPage: '50' },
];

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

console.log(`accounts table, ${accounts.toLocaleString('en-US')} accounts, median of ${iterations} runs (PostgreSQL)`);
let worst = 0;
for (const view of views) {
  const search = parseAccountsSearch(view);
  const page = accountsPageSql(actor, search);
  const count = accountsCountSql(actor, search);
  const bare = await time(() => Promise.all([database.driver.query(page.text, page.values), database.driver.query(count.text, count.values)]));
  const served = await time(() => listAccounts(actor, search));
  const ratio = served / bare;
  worst = Math.max(worst, ratio);
  const result = await listAccounts(actor, search);
  console.log(
    `  ${new URLSearchParams(view).toString().padEnd(44)} rows ${String(result.rowCount).padStart(6)}  bare SQL ${bare.toFixed(2).padStart(7)} ms  server ${served.toFixed(2).padStart(7)} ms  ratio ${ratio.toFixed(2)}`,
  );
}
console.log(`worst ratio ${worst.toFixed(2)} (target <= 2.00)`);
await disconnect(database);
process.exit(worst <= 2 ? 0 : 1);
