import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBillingRun, waitForRun, type RunActor } from '../../lib/billing-runs/commands';
import { createAccount, createUser, daysOf, insertPriceBooks, seedUsage } from './billing-helpers';
import { useTestDatabase } from './db';

/**
 * Workers are separate processes: a worker SIGKILLed in the middle of a shard loses nothing.
 * Its shard's lease runs out, another worker takes the shard from its start, and the run's
 * invoices are the same, line for line, as a clean run's. Needs a database two processes can
 * share, so PostgreSQL only (the embedded database is one process's).
 */

const getDb = useTestDatabase();
const TODAY = '2026-11-23';
const MONTH = '2026-10';
const LEASE_SECONDS = 3;
let actor: RunActor;
let accounts: number[] = [];
const children: ChildProcess[] = [];

/** The worker itself, not tsx's CLI (which runs the script in a child of its own, out of a kill's reach). */
function startWorkerProcess(): ChildProcess {
  const driver = getDb().driver;
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/worker.ts'], {
    env: { ...process.env, DATABASE_URL: driver.kind === 'postgres' ? driver.url : '', BILLING_CALENDAR: 'off', BILLING_SHARD_LEASE_SECONDS: String(LEASE_SECONDS) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', () => undefined);
  child.stdout!.on('data', () => undefined);
  children.push(child);
  return child;
}

async function linesOf() {
  const invoices = await getDb().prisma.invoice.findMany({ where: { month: MONTH, status: 'DRAFT' }, include: { lines: { orderBy: { position: 'asc' } } }, orderBy: { accountId: 'asc' } });
  return JSON.stringify(
    invoices.map((i) => ({
      accountId: i.accountId,
      total: i.total.toString(),
      currency: i.currency,
      lines: i.lines.map(({ invoiceId: _id, ...line }) => ({ ...line, sdkAppId: line.sdkAppId.toString(), quantity: line.quantity.toString(), unitPrice: line.unitPrice.toString(), amount: line.amount.toString() })),
    })),
  );
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, seconds = 60): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  process.env.BILLING_SHARD_LEASE_SECONDS = String(LEASE_SECONDS);
  const db = getDb();
  await insertPriceBooks(db);
  const ops = await createUser(db, 'OPS');
  actor = { id: ops.id, label: ops.email };
  for (let i = 0; i < 8; i++) {
    const account = await createAccount(db, { scheme: 'LEGACY', apps: [{ events: [{ date: '2026-10-05', edition: 'PROFESSIONAL' }] }] });
    await seedUsage(db, account.apps[0]!, daysOf(MONTH, (_d, day) => ({ dau: 10_000 + 500 * i + day, peakGroups: 1000 })));
    accounts.push(account.id);
  }
  accounts = accounts.sort((a, b) => a - b);
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  delete process.env.BILLING_SHARD_LEASE_SECONDS;
});

describe('workers in their own processes', () => {
  it('finish the shard of a worker SIGKILLed mid-shard, with the same invoices as a clean run', async () => {
    const db = getDb();
    // A clean run by one worker process.
    const first = startWorkerProcess();
    const clean = await createBillingRun(actor, MONTH, { today: TODAY, shardSize: 4, chunkSize: 2 });
    expect(await waitForRun(clean.runId)).toMatchObject({ status: 'SUCCEEDED', invoiceCount: 8 });
    const expected = await linesOf();

    // The second chunk of each shard waits on drafts this test holds: the worker is caught mid-shard.
    const url = db.driver.kind === 'postgres' ? db.driver.url : '';
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('BEGIN');
    const secondChunks = [accounts[2], accounts[3], accounts[6], accounts[7]];
    await holder.query(`SELECT "id" FROM "Invoice" WHERE "month" = $1 AND "status" = 'DRAFT' AND "accountId" = ANY($2::int[]) FOR UPDATE`, [MONTH, secondChunks]);
    const rerun = await createBillingRun(actor, MONTH, { today: TODAY, shardSize: 4, chunkSize: 2 });
    const caught = await until('a shard with its first chunk written and its second waiting', async () => {
      const [shard] = await db.driver.query<{ id: number; doneAccounts: number }>(
        `SELECT "id", "doneAccounts" FROM "BillingRunShard" WHERE "runId" = $1 AND "state" = 'RUNNING' AND "doneAccounts" = 2`,
        [rerun.runId],
      );
      const [waiting] = await db.driver.query<{ n: number }>(`SELECT count(*)::int AS "n" FROM pg_stat_activity WHERE "wait_event_type" = 'Lock' AND "datname" = current_database()`);
      return shard && waiting!.n > 0 ? shard : null;
    });
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    await holder.query('ROLLBACK');
    await holder.end();

    // Nobody acts but a second worker starting: the lease runs out, the shard is taken again.
    startWorkerProcess();
    const summary = await waitForRun(rerun.runId);
    expect(summary).toMatchObject({ status: 'SUCCEEDED', totalAccounts: 8, doneAccounts: 8, invoiceCount: 8, failedAccounts: 0 });
    const shard = await db.prisma.billingRunShard.findUniqueOrThrow({ where: { id: caught.id } });
    expect(shard).toMatchObject({ state: 'DONE', attempt: 2, doneAccounts: 4 });
    expect(await linesOf()).toBe(expected);
    expect(await db.prisma.invoice.count({ where: { month: MONTH, status: 'DRAFT', billingRunId: rerun.runId } })).toBe(8);
  }, 180_000);
});
