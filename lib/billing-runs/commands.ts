import 'server-only';
import { monthBounds } from '../billing/dates';
import type { PriceBook } from '../billing/index';
import { BILLING_TIME_ZONE, today as clockToday } from '../clock';
import { type AuditActor, writeAudit } from '../db/audit';
import { db, getDatabase } from '../db/client';
import { constraintViolation, DomainError } from '../errors';
import { loadPriceBooks } from '../rating/inputs';
import { rateAccounts, writeDrafts, type RatedAccount, type RatingFailure } from './drafts';
import { auditInsert, driverTransaction } from '../db/sql';
import { openInputReader, PARALLEL_CURSORS, type InputBatch, type InputReader } from './stream';
import { firstBillableDay, monthSchema } from './schemas';

/**
 * The monthly billing run (DOMAIN.md section 8; issue 5). A run spans many transactions, one
 * per chunk of accounts, so these functions use the database themselves instead of taking a
 * transaction: each chunk's drafts, failures and progress commit together, and a run killed
 * half-way leaves whole chunks or nothing, never half an invoice.
 */

/** Who starts a run: a signed-in ops user, or the shell (`system:cli`). */
export type RunActor = AuditActor;

/** A RUNNING run whose heartbeat is older than this was killed: the next start marks it FAILED. */
export const STALE_AFTER_SECONDS = 120;
export const DEFAULT_CHUNK_ACCOUNTS = 1000;
/** Chunk transactions in flight at once on PostgreSQL. */
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

export type StartBillingRunOptions = {
  /** The billing calendar's today; the clock (lib/clock.ts) when absent. */
  today?: string;
  chunkSize?: number;
  /** Test hook: called after each committed chunk (e.g. to simulate a kill). */
  afterChunk?: (progress: { runId: number; chunk: number; done: number }) => Promise<void> | void;
  /** Benchmark hook: milliseconds spent waiting for input, rating, and waiting for the previous write. */
  onPhase?: (phase: 'read' | 'rate' | 'write', ms: number) => void;
};

function validMonth(month: string): string {
  const parsed = monthSchema.safeParse(month);
  if (!parsed.success) throw new DomainError('invalid', 'error.run.monthFormat', { field: 'month' });
  return parsed.data;
}

async function runningRun(month: string): Promise<{ id: number; startedAt: Date } | null> {
  return db.billingRun.findFirst({ where: { month, status: 'RUNNING' }, select: { id: true, startedAt: true } });
}

/**
 * Opens a run for the month: checks it may be billed (from M+1's first day), marks a killed
 * run FAILED (RUNNING with a heartbeat older than two minutes), inserts the RUNNING row (the
 * partial unique index refuses a second one) and lists the accounts to rate.
 */
export async function createBillingRun(
  actor: RunActor,
  monthInput: string,
  options: { today?: string } = {},
): Promise<{ runId: number; month: string; accountIds: number[] }> {
  const month = validMonth(monthInput);
  const today = options.today ?? clockToday();
  const opensOn = firstBillableDay(month);
  if (today < opensOn) {
    throw new DomainError('invalid', 'error.run.tooEarly', { params: { month, opensOn, today }, field: 'month' });
  }
  try {
    return await db.$transaction(
      async (tx) => {
        const stale = await tx.$queryRawUnsafe<{ id: number }[]>(
          `UPDATE "BillingRun" SET "status" = 'FAILED', "finishedAt" = now(),
                  "error" = 'stopped: no heartbeat for over ' || $2::int || ' seconds (the process was killed); its finished chunks were kept'
            WHERE "month" = $1 AND "status" = 'RUNNING' AND "heartbeatAt" < now() - make_interval(secs => $2::int)
            RETURNING "id"`,
          month,
          STALE_AFTER_SECONDS,
        );
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
        for (const { id } of stale) {
          await writeAudit(tx, actor, {
            action: 'billingRun.markFailed',
            entityType: 'BillingRun',
            entityId: id,
            before: { status: 'RUNNING' },
            after: { status: 'FAILED', supersededBy: run.id },
          });
        }
        await writeAudit(tx, actor, {
          action: 'billingRun.start',
          entityType: 'BillingRun',
          entityId: run.id,
          after: { month, totalAccounts: accounts.length },
        });
        return { runId: run.id, month, accountIds: accounts.map((a) => a.id) };
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

type ChunkOutcome = { invoices: number; failures: RatingFailure[]; skipped: number[]; deletedDrafts: number };

/**
 * One chunk in one transaction: its drafts replaced, its failures recorded, the run's counters
 * and heartbeat moved, one audit entry. Through the driver (see lib/db/sql.ts): thousands of lines per
 * statement, and five round trips per chunk whatever its size.
 */
async function commitChunk(runId: number, actor: RunActor, month: string, accountIds: readonly number[], rated: readonly RatedAccount[], failures: readonly RatingFailure[]): Promise<ChunkOutcome> {
  // A chunk's commit need not wait for its WAL flush: the run's last write (SUCCEEDED) does.
  // A crash before that loses at most the last chunks of a run that then shows as stopped.
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
    // Failures, progress and the audit entry in one statement.
    await sql(
      `WITH failures AS (
         INSERT INTO "BillingRunFailure" ("runId", "accountId", "message") SELECT $1, u."a", u."m" FROM unnest($2::int[], $3::text[]) AS u("a", "m")
       ), progress AS (
         UPDATE "BillingRun" SET "doneAccounts" = "doneAccounts" + $4, "failedAccounts" = "failedAccounts" + $5,
                "skippedAccounts" = "skippedAccounts" + $6, "invoiceCount" = "invoiceCount" + $7, "heartbeatAt" = now()
          WHERE "id" = $1
       )
       ${audit.text}`,
      [...params, ...audit.params],
    );
    return { invoices: result.written.size, failures: realFailures, skipped: result.skipped, deletedDrafts: result.deletedDrafts };
  }, { asyncCommit: true, freshPlans: true });
}

/**
 * A chunk whose transaction failed (a concurrent change, a constraint) is retried one account
 * at a time, so one bad account fails alone and the run goes on.
 */
async function commitAccountByAccount(runId: number, actor: RunActor, month: string, accountIds: readonly number[], rated: readonly RatedAccount[], failures: readonly RatingFailure[]): Promise<void> {
  for (const accountId of accountIds) {
    const own = rated.filter((r) => r.accountId === accountId);
    const ownFailures = failures.filter((f) => f.accountId === accountId);
    try {
      await commitChunk(runId, actor, month, [accountId], own, ownFailures);
    } catch (error) {
      const message = `writing the draft failed: ${constraintViolation(error)?.message ?? (error instanceof Error ? error.message : String(error))}`;
      await commitChunk(runId, actor, month, [accountId], [], [{ accountId, message }]);
    }
  }
}

async function commitOrRetry(runId: number, actor: RunActor, month: string, chunk: readonly number[], rated: readonly RatedAccount[], failures: readonly RatingFailure[]): Promise<void> {
  try {
    await commitChunk(runId, actor, month, chunk, rated, failures);
  } catch (error) {
    if (!constraintViolation(error)) throw error;
    await commitAccountByAccount(runId, actor, month, chunk, rated, failures);
  }
}

/** A promise whose rejection is handled later (awaited by the pipeline), never "unhandled" meanwhile. */
function settleLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Rates and writes the run's accounts chunk by chunk: inputs read set-based (one cursor over
 * the month on PostgreSQL, see stream.ts), the engine rates [month], and one transaction per
 * chunk replaces its drafts and moves the progress counters and heartbeat. On PostgreSQL the
 * work is pipelined: while the engine rates chunk i, the database reads chunk i+1 and writes
 * the chunks before (two transactions at once at most; they touch different accounts). Ends SUCCEEDED, or FAILED with the error when something unexpected
 * stops it.
 */
export async function executeBillingRun(
  runId: number,
  actor: RunActor,
  month: string,
  accountIds: readonly number[],
  options: Pick<StartBillingRunOptions, 'chunkSize' | 'afterChunk' | 'onPhase'> = {},
): Promise<BillingRunSummary> {
  const { from, to } = monthBounds(month);
  const phase = options.onPhase;
  // PGlite has one connection: reading ahead and writing behind would only queue.
  const pipelined = getDatabase().driver.kind === 'postgres';
  let reader: InputReader | null = null;
  try {
    const priceBooks: PriceBook[] = await loadPriceBooks(db);
    reader = await openInputReader({ accountIds, usageFrom: from, usageTo: to, batchAccounts: options.chunkSize ?? DEFAULT_CHUNK_ACCOUNTS });
    const input = reader;
    // Batches requested ahead: one per parallel cursor (see stream.ts).
    const ahead: Promise<InputBatch | null>[] = [settleLater(input.next())];
    if (pipelined) for (let k = 1; k < PARALLEL_CURSORS; k++) ahead.push(settleLater(input.next()));
    // Chunks write different accounts: up to WRITERS transactions run at once.
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
      const { rated, failures } = rateAccounts(batch.accountIds, batch.accounts(), month, priceBooks);
      phase?.('rate', performance.now() - t);
      t = performance.now();
      while (writes.length >= writers) await writes.shift();
      phase?.('write', performance.now() - t);
      const writing = settleLater(commitOrRetry(runId, actor, month, batch.accountIds, rated, failures));
      writes.push(writing);
      if (!pipelined) {
        await writing;
        ahead.push(settleLater(input.next()));
      }
      done += batch.accountIds.length;
      if (options.afterChunk) {
        await Promise.all(writes);
        await options.afterChunk({ runId, chunk: i, done });
      }
    }
    const t = performance.now();
    await Promise.all(writes);
    phase?.('write', performance.now() - t);
    reader = null;
    await db.$transaction(async (tx) => {
      const run = await tx.billingRun.update({
        where: { id: runId },
        data: { status: 'SUCCEEDED', finishedAt: new Date(), heartbeatAt: new Date() },
      });
      await writeAudit(tx, actor, {
        action: 'billingRun.finish',
        entityType: 'BillingRun',
        entityId: runId,
        after: { status: run.status, doneAccounts: run.doneAccounts, failedAccounts: run.failedAccounts, skippedAccounts: run.skippedAccounts, invoiceCount: run.invoiceCount },
      });
    });
  } catch (error) {
    await reader?.close().catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    await db.billingRun
      .updateMany({ where: { id: runId, status: 'RUNNING' }, data: { status: 'FAILED', finishedAt: new Date(), error: message.slice(0, 2000) } })
      .catch(() => undefined);
    throw error;
  }
  return getRunSummary(runId);
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

/**
 * Starts the billing run for `month`: refused (DomainError) before anything runs when the month
 * may not be billed yet or another run of it is running. `done` settles when the run ends; the
 * console does not wait for it (the page polls the progress), the shell and the tests do.
 */
export async function startBillingRun(
  monthInput: string,
  actor: RunActor,
  options: StartBillingRunOptions = {},
): Promise<{ runId: number; done: Promise<BillingRunSummary> }> {
  const { runId, month, accountIds } = await createBillingRun(actor, monthInput, options);
  const done = executeBillingRun(runId, actor, month, accountIds, options);
  // The failure is recorded on the run; a caller that does not wait must not crash the process.
  done.catch(() => undefined);
  return { runId, done };
}

/** The shell and the benchmark: start the run and wait for it. */
export async function runBillingMonth(monthInput: string, actor: RunActor, options: StartBillingRunOptions = {}): Promise<BillingRunSummary> {
  const { done } = await startBillingRun(monthInput, actor, options);
  return done;
}
