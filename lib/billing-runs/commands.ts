import 'server-only';
import { monthBounds } from '../billing/dates';
import type { PriceBook } from '../billing/index';
import { BILLING_TIME_ZONE, today as clockToday } from '../clock';
import { type AuditActor, writeAudit } from '../db/audit';
import { db, getDatabase, type Tx } from '../db/client';
import { constraintViolation, DomainError } from '../errors';
import { getBoss, QUEUES, shardLeaseSeconds, transactionDb } from '../jobs/boss';
import { settleStepsOfRun } from '../calendar/steps';
import { loadPriceBooks } from '../rating/inputs';
import { rateAccounts, writeDrafts, type RatedAccount, type RatingFailure } from './drafts';
import { auditInsert, driverTransaction, type Sql } from '../db/sql';
import { openInputReader, PARALLEL_CURSORS, type InputBatch, type InputReader } from './stream';
import { firstBillableDay, monthSchema } from './schemas';
import { recordBillingRun, recordBillingShard } from '../observability/metrics';

/**
 * The monthly billing run (DOMAIN.md section 8; issues 5 and 16). Starting a run plans it: the
 * run's row, its accounts cut into shards, and one job per shard in the job queue (pg-boss), in
 * one transaction. Workers (any process on any machine pointing at the database) take shards;
 * a shard's accounts are rated and written chunk by chunk, each chunk in its own transaction
 * with its progress, so nothing partial is ever visible. A worker that dies loses its lease
 * after a few seconds and another worker takes the shard again from its start: its chunks are
 * rewritten (drafts are replaced, issued accounts skipped), its counters restarted.
 */

/** Who starts a run: a signed-in ops user, the calendar (`system:calendar`) or the shell (`system:cli`). */
export type RunActor = AuditActor;

export const DEFAULT_CHUNK_ACCOUNTS = 1000;
/** Accounts per shard: a few seconds of work, well inside a lease. */
export const DEFAULT_SHARD_ACCOUNTS = 5000;
/** Chunk transactions of one shard in flight at once on PostgreSQL. */
const WRITERS = 2;

export type BillingRunSummary = {
  id: number;
  month: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  totalAccounts: number;
  doneAccounts: number;
  failedAccounts: number;
  skippedAccounts: number;
  invoiceCount: number;
  error: string | null;
};

/** In-process hooks for tests and the benchmark: they run where the shard runs (a local worker). */
export type RunHooks = {
  /** Called after each committed chunk (e.g. to simulate a kill). */
  afterChunk?: (progress: { runId: number; shard: number; chunk: number; done: number }) => Promise<void> | void;
  /** Milliseconds spent waiting for input, rating, and waiting for the previous write. */
  onPhase?: (phase: 'read' | 'rate' | 'write', ms: number) => void;
};

export type PlanBillingRunOptions = {
  /** The billing calendar's today; the clock (lib/clock.ts) when absent. */
  today?: string;
  chunkSize?: number;
  shardSize?: number;
  /** Called in the planning transaction, after the run's row exists (the calendar records its step). */
  inTransaction?: (tx: Tx, runId: number) => Promise<void>;
};

export type StartBillingRunOptions = PlanBillingRunOptions & RunHooks & {
  /** Do not start a worker in this process (another process runs the shards). */
  noLocalWorker?: boolean;
};

export type ShardJob = { runId: number; shardId: number; chunkSize: number };

const hooksByRun = new Map<number, RunHooks>();

function validMonth(month: string): string {
  const parsed = monthSchema.safeParse(month);
  if (!parsed.success) throw new DomainError('invalid', 'error.run.monthFormat', { field: 'month' });
  return parsed.data;
}

async function runningRun(month: string): Promise<{ id: number; startedAt: Date } | null> {
  return db.billingRun.findFirst({ where: { month, status: 'RUNNING' }, select: { id: true, startedAt: true } });
}

/**
 * Plans a run of the month: checks it may be billed (from M+1's first day), inserts the RUNNING
 * row (a partial unique index refuses a second one), cuts the accounts into shards and queues
 * one job per shard, all in one transaction: a run without its jobs never exists.
 */
export async function createBillingRun(actor: RunActor, monthInput: string, options: PlanBillingRunOptions = {}): Promise<{ runId: number; month: string; shards: number }> {
  const month = validMonth(monthInput);
  const today = options.today ?? clockToday();
  const opensOn = firstBillableDay(month);
  if (today < opensOn) {
    throw new DomainError('invalid', 'error.run.tooEarly', { params: { month, opensOn, today }, field: 'month' });
  }
  const shardSize = options.shardSize ?? DEFAULT_SHARD_ACCOUNTS;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_ACCOUNTS;
  const boss = await getBoss(getDatabase());
  try {
    return await db.$transaction(
      async (tx) => {
        const accounts = await tx.$queryRawUnsafe<{ id: number }[]>(
          `SELECT a."id" FROM "Account" a
            WHERE a."createdAt" < ($1::date)::timestamp AT TIME ZONE $2
              AND EXISTS (SELECT 1 FROM "App" p WHERE p."accountId" = a."id")
            ORDER BY a."id"`,
          opensOn,
          BILLING_TIME_ZONE,
        );
        const run = await tx.billingRun.create({
          data: { month, status: 'RUNNING', totalAccounts: accounts.length, startedById: actor.id },
          select: { id: true },
        });
        const ids = accounts.map((a) => a.id);
        const shards = await tx.billingRunShard.createManyAndReturn({
          data: Array.from({ length: Math.ceil(ids.length / shardSize) }, (_, position) => ({
            runId: run.id,
            position,
            accountIds: ids.slice(position * shardSize, (position + 1) * shardSize),
          })),
          select: { id: true },
        });
        await writeAudit(tx, actor, {
          action: 'billingRun.start',
          entityType: 'BillingRun',
          entityId: run.id,
          after: { month, totalAccounts: accounts.length, shards: shards.length },
        });
        if (shards.length === 0) {
          await finishRun(tx, actor, run.id);
        } else {
          const lease = shardLeaseSeconds();
          await boss.insert(
            shards.map((s) => ({ name: QUEUES.shard, data: { runId: run.id, shardId: s.id, chunkSize } satisfies ShardJob, expireInSeconds: lease })),
            { db: transactionDb((text, values) => tx.$queryRawUnsafe(text, ...values)) },
          );
        }
        await options.inTransaction?.(tx, run.id);
        return { runId: run.id, month, shards: shards.length };
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof DomainError || !constraintViolation(error)) throw error;
    const running = await runningRun(month);
    throw running
      ? new DomainError('conflict', 'error.run.running', { params: { month, runId: running.id, startedAt: running.startedAt.toISOString() }, field: 'month' })
      : new DomainError('conflict', 'error.run.runningNoId', { params: { month }, field: 'month' });
  }
}

/** Marks the run SUCCEEDED once every shard is done; the caller holds the run's row lock. */
async function finishRun(tx: Tx, actor: RunActor, runId: number): Promise<void> {
  const run = await tx.billingRun.update({
    where: { id: runId },
    data: { status: 'SUCCEEDED', finishedAt: new Date(), heartbeatAt: new Date() },
  });
  recordBillingRun('SUCCEEDED', (run.finishedAt!.getTime() - run.startedAt.getTime()) / 1000);
  await writeAudit(tx, actor, {
    action: 'billingRun.finish',
    entityType: 'BillingRun',
    entityId: runId,
    after: { status: run.status, doneAccounts: run.doneAccounts, failedAccounts: run.failedAccounts, skippedAccounts: run.skippedAccounts, invoiceCount: run.invoiceCount },
  });
  await settleStepsOfRun(tx, runId);
}

type ChunkOutcome = { invoices: number; failures: RatingFailure[]; skipped: number[]; deletedDrafts: number };

/** A worker whose lease ran out while it worked: another worker has the shard now. */
export class ShardLeaseLost extends Error {
  constructor(shardId: number) {
    super(`shard ${shardId}: the lease ran out and another worker took it; this worker's late chunk was rolled back`);
  }
}

type ShardLease = { runId: number; shardId: number; attempt: number; month: string; actor: RunActor };

/**
 * One chunk in one transaction: its drafts replaced, its failures recorded, the shard's and the
 * run's counters moved, one audit entry, through the driver (see lib/db/sql.ts): thousands of
 * lines per statement, and a few round trips per chunk whatever its size. The shard's update
 * names the attempt that holds the lease: a worker that lost it commits nothing.
 */
async function commitChunk(lease: ShardLease, accountIds: readonly number[], rated: readonly RatedAccount[], failures: readonly RatingFailure[]): Promise<ChunkOutcome> {
  const { runId, month, actor } = lease;
  // A chunk's commit need not wait for its WAL flush: the shard's last write (DONE) does.
  // Each chunk plans its foreign-key checks afresh: the month's invoices grow from none.
  return driverTransaction(async (sql) => {
    const failedIds = new Set(failures.map((f) => f.accountId));
    const result = await writeDrafts(sql, { month, billingRunId: runId, accountIds, rated: rated.filter((r) => !failedIds.has(r.accountId)) });
    // An account both failed and already issued was skipped, not failed.
    const skipped = new Set(result.skipped);
    const realFailures = failures.filter((f) => !skipped.has(f.accountId));
    const params: unknown[] = [
      runId,
      realFailures.map((f) => f.accountId),
      realFailures.map((f) => f.message.slice(0, 2000)),
      accountIds.length,
      realFailures.length,
      result.skipped.length,
      result.written.size,
      lease.shardId,
      lease.attempt,
    ];
    const audit = auditInsert(
      actor,
      [
        {
          action: 'billingRun.writeDrafts',
          entityType: 'BillingRun',
          entityId: runId,
          after: {
            month,
            shard: lease.shardId,
            accounts: accountIds.length,
            firstAccountId: accountIds[0],
            lastAccountId: accountIds[accountIds.length - 1],
            draftsReplaced: result.deletedDrafts,
            draftsWritten: result.written.size,
            skippedAccountIds: result.skipped,
            failedAccountIds: realFailures.map((f) => f.accountId),
          },
        },
      ],
      params.length + 1,
    );
    // The lease check, failures, progress and the audit entry in one statement.
    const [owned] = await sql<{ owned: number }>(
      `WITH shard AS (
         UPDATE "BillingRunShard" SET "doneAccounts" = "doneAccounts" + $4, "failedAccounts" = "failedAccounts" + $5,
                "skippedAccounts" = "skippedAccounts" + $6, "invoiceCount" = "invoiceCount" + $7
          WHERE "id" = $8 AND "attempt" = $9 AND "state" = 'RUNNING'
          RETURNING 1
       ), failures AS (
         INSERT INTO "BillingRunFailure" ("runId", "accountId", "message")
         SELECT $1, u."a", u."m" FROM unnest($2::int[], $3::text[]) AS u("a", "m") WHERE EXISTS (SELECT 1 FROM shard)
       ), progress AS (
         UPDATE "BillingRun" SET "doneAccounts" = "doneAccounts" + $4, "failedAccounts" = "failedAccounts" + $5,
                "skippedAccounts" = "skippedAccounts" + $6, "invoiceCount" = "invoiceCount" + $7, "heartbeatAt" = now()
          WHERE "id" = $1 AND EXISTS (SELECT 1 FROM shard)
       ), audit AS (
         ${audit.text}
       )
       SELECT count(*)::int AS "owned" FROM shard`,
      [...params, ...audit.params],
    );
    if (!owned?.owned) throw new ShardLeaseLost(lease.shardId);
    return { invoices: result.written.size, failures: realFailures, skipped: result.skipped, deletedDrafts: result.deletedDrafts };
  }, { asyncCommit: true, freshPlans: true });
}

/**
 * A chunk whose transaction failed (a concurrent change, a constraint) is retried one account
 * at a time, so one bad account fails alone and the run goes on.
 */
async function commitAccountByAccount(lease: ShardLease, accountIds: readonly number[], rated: readonly RatedAccount[], failures: readonly RatingFailure[]): Promise<void> {
  for (const accountId of accountIds) {
    const own = rated.filter((r) => r.accountId === accountId);
    const ownFailures = failures.filter((f) => f.accountId === accountId);
    try {
      await commitChunk(lease, [accountId], own, ownFailures);
    } catch (error) {
      if (error instanceof ShardLeaseLost) throw error;
      const message = `writing the draft failed: ${constraintViolation(error)?.message ?? (error instanceof Error ? error.message : String(error))}`;
      await commitChunk(lease, [accountId], [], [{ accountId, message }]);
    }
  }
}

async function commitOrRetry(lease: ShardLease, chunk: readonly number[], rated: readonly RatedAccount[], failures: readonly RatingFailure[]): Promise<void> {
  try {
    await commitChunk(lease, chunk, rated, failures);
  } catch (error) {
    if (!constraintViolation(error)) throw error;
    await commitAccountByAccount(lease, chunk, rated, failures);
  }
}

/** A promise whose rejection is handled later (awaited by the pipeline), never "unhandled" meanwhile. */
function settleLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

type ClaimedShard = { attempt: number; accountIds: number[]; month: string; position: number; actorId: string | null; actorLabel: string | null };

/**
 * Takes the shard for this attempt: its counters (and the run's share of them) and its
 * failures from an earlier attempt are taken back, so the retry counts its accounts once.
 * Null when there is nothing to do (done already, or its run is over).
 */
async function claimShard(sql: Sql, runId: number, shardId: number): Promise<ClaimedShard | null> {
  const [run] = await sql<{ status: string; month: string; actorId: string | null; actorLabel: string | null }>(
    `SELECT r."status"::text AS "status", r."month", r."startedById"::text AS "actorId", u."email" AS "actorLabel"
       FROM "BillingRun" r LEFT JOIN "User" u ON u."id" = r."startedById" WHERE r."id" = $1 FOR UPDATE OF r`,
    [runId],
  );
  if (!run || run.status !== 'RUNNING') return null;
  const [old] = await sql<{ state: string; attempt: number; position: number; accountIds: number[]; d: number; f: number; s: number; i: number }>(
    `SELECT "state"::text AS "state", "attempt", "position", "accountIds", "doneAccounts" AS "d", "failedAccounts" AS "f", "skippedAccounts" AS "s", "invoiceCount" AS "i"
       FROM "BillingRunShard" WHERE "id" = $1 AND "runId" = $2 FOR UPDATE`,
    [shardId, runId],
  );
  if (!old || old.state === 'DONE') return null;
  await sql(
    `UPDATE "BillingRun" SET "doneAccounts" = "doneAccounts" - $2, "failedAccounts" = "failedAccounts" - $3,
            "skippedAccounts" = "skippedAccounts" - $4, "invoiceCount" = "invoiceCount" - $5, "heartbeatAt" = now()
      WHERE "id" = $1`,
    [runId, old.d, old.f, old.s, old.i],
  );
  await sql(`DELETE FROM "BillingRunFailure" WHERE "runId" = $1 AND "accountId" = ANY($2::int[])`, [runId, old.accountIds]);
  await sql(
    `UPDATE "BillingRunShard" SET "state" = 'RUNNING', "attempt" = "attempt" + 1, "startedAt" = now(), "finishedAt" = NULL,
            "doneAccounts" = 0, "failedAccounts" = 0, "skippedAccounts" = 0, "invoiceCount" = 0
      WHERE "id" = $1`,
    [shardId],
  );
  return { attempt: old.attempt + 1, accountIds: old.accountIds, month: run.month, position: old.position, actorId: run.actorId, actorLabel: run.actorLabel };
}

/**
 * A worker's share of a run: claims the shard, rates and writes its accounts chunk by chunk
 * (inputs read set-based, see stream.ts; on PostgreSQL the engine rates chunk i while the
 * database reads chunk i+1 and writes the chunks before), then marks it DONE, and the run
 * SUCCEEDED when it was the last. Throws when something unexpected stops it: the job queue
 * retries the shard.
 */
export async function executeShard(job: ShardJob): Promise<void> {
  const { runId, shardId } = job;
  const claimed = await driverTransaction((sql) => claimShard(sql, runId, shardId));
  if (!claimed) return;
  const actor: RunActor = claimed.actorId ? { id: claimed.actorId, label: claimed.actorLabel ?? 'system' } : { id: null, label: 'system:billing-run' };
  const lease: ShardLease = { runId, shardId, attempt: claimed.attempt, month: claimed.month, actor };
  const hooks = hooksByRun.get(runId) ?? {};
  const phase = hooks.onPhase;
  const { from, to } = monthBounds(claimed.month);
  // PGlite has one connection: reading ahead and writing behind would only queue.
  const pipelined = getDatabase().driver.kind === 'postgres';
  let reader: InputReader | null = null;
  const started = performance.now();
  try {
    const priceBooks: PriceBook[] = await loadPriceBooks(db);
    reader = await openInputReader({ accountIds: claimed.accountIds, usageFrom: from, usageTo: to, batchAccounts: job.chunkSize });
    const input = reader;
    // Batches requested ahead: one per parallel cursor (see stream.ts).
    const ahead: Promise<InputBatch | null>[] = [settleLater(input.next())];
    if (pipelined) for (let k = 1; k < PARALLEL_CURSORS; k++) ahead.push(settleLater(input.next()));
    const writes: Promise<void>[] = [];
    const writers = pipelined ? WRITERS : 1;
    let done = 0;
    for (let i = 0; ; i++) {
      let t = performance.now();
      const batch = await ahead.shift()!;
      phase?.('read', performance.now() - t);
      if (!batch) break;
      if (pipelined) ahead.push(settleLater(input.next()));
      t = performance.now();
      const { rated, failures } = rateAccounts(batch.accountIds, batch.accounts(), claimed.month, priceBooks);
      phase?.('rate', performance.now() - t);
      t = performance.now();
      while (writes.length >= writers) await writes.shift();
      phase?.('write', performance.now() - t);
      const writing = settleLater(commitOrRetry(lease, batch.accountIds, rated, failures));
      writes.push(writing);
      if (!pipelined) {
        await writing;
        ahead.push(settleLater(input.next()));
      }
      done += batch.accountIds.length;
      if (hooks.afterChunk) {
        await Promise.all(writes);
        await hooks.afterChunk({ runId, shard: claimed.position, chunk: i, done });
      }
    }
    const t = performance.now();
    await Promise.all(writes);
    phase?.('write', performance.now() - t);
    reader = null;
  } catch (error) {
    await reader?.close().catch(() => undefined);
    recordBillingShard('failed', (performance.now() - started) / 1000);
    throw error;
  }
  recordBillingShard('committed', (performance.now() - started) / 1000);
  await db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 FROM "BillingRun" WHERE "id" = $1 FOR UPDATE`, runId);
    const marked = await tx.$executeRawUnsafe(
      `UPDATE "BillingRunShard" SET "state" = 'DONE', "finishedAt" = now() WHERE "id" = $1 AND "attempt" = $2 AND "state" = 'RUNNING'`,
      shardId,
      claimed.attempt,
    );
    if (marked === 0) throw new ShardLeaseLost(shardId);
    const left = await tx.billingRunShard.count({ where: { runId, state: { not: 'DONE' } } });
    const run = await tx.billingRun.findUniqueOrThrow({ where: { id: runId }, select: { status: true } });
    if (left === 0 && run.status === 'RUNNING') await finishRun(tx, actor, runId);
  });
}

/** A shard that failed for good (its retries spent): the run ends FAILED with the cause. */
export async function failRun(runId: number, message: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const failed = await tx.billingRun.updateManyAndReturn({ where: { id: runId, status: 'RUNNING' }, data: { status: 'FAILED', finishedAt: new Date(), error: message.slice(0, 2000) } });
    for (const run of failed) recordBillingRun('FAILED', (run.finishedAt!.getTime() - run.startedAt.getTime()) / 1000);
    await settleStepsOfRun(tx, runId);
  });
}

export async function getRunSummary(runId: number): Promise<BillingRunSummary> {
  const run = await db.billingRun.findUniqueOrThrow({ where: { id: runId } });
  return {
    id: run.id,
    month: run.month,
    status: run.status,
    totalAccounts: run.totalAccounts,
    doneAccounts: run.doneAccounts,
    failedAccounts: run.failedAccounts,
    skippedAccounts: run.skippedAccounts,
    invoiceCount: run.invoiceCount,
    error: run.error,
  };
}

/** Resolves with the run's summary once it has ended; rejects with its error when it FAILED. */
export async function waitForRun(runId: number, pollMs = 100): Promise<BillingRunSummary> {
  for (;;) {
    const summary = await getRunSummary(runId);
    if (summary.status === 'FAILED') throw new Error(summary.error ?? `billing run ${runId} failed`);
    if (summary.status !== 'RUNNING') return summary;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * Starts the billing run for `month` and a worker in this process (the shell, the tests, the
 * benchmark): refused (DomainError) before anything runs when the month may not be billed yet
 * or another run of it is running. `done` settles when the run ends.
 */
export async function startBillingRun(monthInput: string, actor: RunActor, options: StartBillingRunOptions = {}): Promise<{ runId: number; done: Promise<BillingRunSummary> }> {
  const { startWorker, wakeShardWorkers } = await import('../jobs/worker');
  // A shell's or a test's worker runs shards only: the calendar belongs to the console's workers.
  if (!options.noLocalWorker) await startWorker(getDatabase(), { calendar: false });
  const { runId } = await createBillingRun(actor, monthInput, {
    ...options,
    // Before the jobs can be seen: the local worker may take a shard as soon as they commit.
    inTransaction: async (tx, id) => {
      if (options.afterChunk || options.onPhase) hooksByRun.set(id, { afterChunk: options.afterChunk, onPhase: options.onPhase });
      await options.inTransaction?.(tx, id);
    },
  });
  await wakeShardWorkers(getDatabase());
  const done = waitForRun(runId, 25).finally(() => hooksByRun.delete(runId));
  // The failure is recorded on the run; a caller that does not wait must not crash the process.
  done.catch(() => undefined);
  return { runId, done };
}

/** The shell and the benchmark: start the run and wait for it. */
export async function runBillingMonth(monthInput: string, actor: RunActor, options: StartBillingRunOptions = {}): Promise<BillingRunSummary> {
  const { done } = await startBillingRun(monthInput, actor, options);
  return done;
}
