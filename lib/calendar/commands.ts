import 'server-only';
import { monthBounds } from '../billing/dates';
import { createBillingRun, type RunActor } from '../billing-runs/commands';
import { rateAccounts, writeDrafts } from '../billing-runs/drafts';
import { billingDay } from '../clock';
import { writeAudit } from '../db/audit';
import { db, getDatabase, type Tx } from '../db/client';
import { prismaSql } from '../db/sql';
import { DomainError } from '../errors';
import { issueMonthDrafts } from '../invoices/commands';
import { getBoss, QUEUES } from '../jobs/boss';
import { loadAccountInputs, loadPriceBooks } from '../rating/inputs';
import { calendarNow, closingMonth, stepDueAt, type CalendarStep } from './schedule';
import { settleStepsOfRun } from './steps';

/**
 * The billing calendar (DOMAIN.md section 11). `tick(now)` is all the scheduler does (a pg-boss
 * cron job every two minutes, and once when a worker starts); tests call it with the instants
 * they choose. Each step of a month happens once: its row in BillingCalendarStep (primary key
 * month + step) is claimed in the same transaction that starts the run or issues the drafts,
 * so two workers, a restart or a schedule firing twice still give one run and one issue.
 */

export const CALENDAR_ACTOR: RunActor = { id: null, label: 'system:calendar' };

/** A failed step is retried by the calendar this many times in all; then ops retry it. */
export const MAX_AUTOMATIC_ATTEMPTS = 3;

/** Usage or plan events for a month in its window re-rate the account after this quiet time (seconds). */
export function rerateDelaySeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.BILLING_RERATE_DELAY_SECONDS);
  return Number.isInteger(value) && value >= 0 ? value : 60;
}

type StepRow = { month: string; step: CalendarStep; state: 'RUNNING' | 'DONE' | 'FAILED'; attempts: number; runId: number | null };

export type TickResult = { month: string; paused: boolean; draftRun: string; issue: string; rerated: number };

/** Rolls the planning transaction back: the step was claimed by someone else meanwhile. */
class StepTaken extends Error {}

async function getStep(month: string, step: CalendarStep): Promise<StepRow | null> {
  const row = await db.billingCalendarStep.findUnique({ where: { month_step: { month, step } } });
  return row ? { month: row.month, step: row.step, state: row.state, attempts: row.attempts, runId: row.runId } : null;
}

/**
 * Claims the step in the caller's transaction: inserts it, or takes back a FAILED one (when
 * `retry`, or automatically within MAX_AUTOMATIC_ATTEMPTS). False when it is RUNNING or DONE
 * (someone has it), or failed too often for the calendar to try again by itself.
 */
async function claimStep(tx: Tx, month: string, step: CalendarStep, actor: RunActor, retry: boolean): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<{ attempts: number }[]>(
    `INSERT INTO "BillingCalendarStep" ("month", "step", "state", "attempts", "actorLabel")
     VALUES ($1, $2::"BillingStep", 'RUNNING', 1, $3)
     ON CONFLICT ("month", "step") DO UPDATE
        SET "state" = 'RUNNING', "attempts" = "BillingCalendarStep"."attempts" + 1, "actorLabel" = $3,
            "startedAt" = now(), "finishedAt" = NULL, "error" = NULL, "result" = NULL
      WHERE "BillingCalendarStep"."state" = 'FAILED' AND ($4::boolean OR "BillingCalendarStep"."attempts" < $5)
     RETURNING "attempts"`,
    month,
    step,
    actor.label,
    retry,
    MAX_AUTOMATIC_ATTEMPTS,
  );
  return rows.length === 1;
}

async function recordFailure(month: string, step: CalendarStep, actor: RunActor, error: unknown): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `INSERT INTO "BillingCalendarStep" ("month", "step", "state", "attempts", "actorLabel", "finishedAt", "error")
       VALUES ($1, $2::"BillingStep", 'FAILED', 1, $3, now(), $4)
       ON CONFLICT ("month", "step") DO UPDATE SET "state" = 'FAILED', "finishedAt" = now(), "error" = $4
        WHERE "BillingCalendarStep"."state" <> 'DONE'`,
      month,
      step,
      actor.label,
      message,
    );
    await writeAudit(tx, actor, { action: 'calendar.stepFailed', entityType: 'BillingCalendarStep', entityId: `${month}/${step}`, after: { error: message } });
  });
}

/**
 * Starts the month's draft run as the step (once), or, with `retry`, again after it failed or
 * finished (ops' "run now"). A run of the month already running (started by hand) is adopted.
 */
export async function startDraftRun(month: string, actor: RunActor, options: { today: string; retry?: boolean }): Promise<{ runId: number } | null> {
  try {
    const { runId } = await createBillingRun(actor, month, {
      today: options.today,
      inTransaction: async (tx, runId) => {
        let claimed = await claimStep(tx, month, 'DRAFT_RUN', actor, options.retry ?? false);
        if (!claimed && options.retry) {
          // Ops re-run a month whose step is done: the step follows the new run.
          const moved = await tx.$executeRawUnsafe(
            `UPDATE "BillingCalendarStep" SET "state" = 'RUNNING', "attempts" = "attempts" + 1, "actorLabel" = $2, "startedAt" = now(),
                    "finishedAt" = NULL, "error" = NULL, "result" = NULL WHERE "month" = $1 AND "step" = 'DRAFT_RUN' AND "state" = 'DONE'`,
            month,
            actor.label,
          );
          claimed = moved === 1;
        }
        if (!claimed) throw new StepTaken();
        await tx.billingCalendarStep.update({ where: { month_step: { month, step: 'DRAFT_RUN' } }, data: { runId } });
        await writeAudit(tx, actor, { action: 'calendar.draftRun', entityType: 'BillingCalendarStep', entityId: `${month}/DRAFT_RUN`, after: { runId } });
      },
    });
    return { runId };
  } catch (error) {
    if (error instanceof StepTaken) return null;
    if (error instanceof DomainError && error.code === 'conflict') {
      // A run of the month is running already (ops started it): the step waits for that run.
      const running = await db.billingRun.findFirst({ where: { month, status: 'RUNNING' }, select: { id: true } });
      if (running) {
        await db.$transaction(async (tx) => {
          if (await claimStep(tx, month, 'DRAFT_RUN', actor, options.retry ?? false)) {
            await tx.billingCalendarStep.update({ where: { month_step: { month, step: 'DRAFT_RUN' } }, data: { runId: running.id } });
          }
        });
        return { runId: running.id };
      }
    }
    await recordFailure(month, 'DRAFT_RUN', actor, error);
    return null;
  }
}

type CurrencyTotal = { currency: string; invoices: number; total: string };

async function monthTotals(tx: Pick<Tx, '$queryRawUnsafe'>, month: string, status: 'DRAFT' | 'ISSUED'): Promise<CurrencyTotal[]> {
  return tx.$queryRawUnsafe<CurrencyTotal[]>(
    `SELECT "currency"::text AS "currency", count(*)::int AS "invoices", sum("total")::text AS "total"
       FROM "Invoice" WHERE "month" = $1 AND "status" = $2::"InvoiceStatus" GROUP BY "currency" ORDER BY "currency"`,
    month,
    status,
  );
}

/** The draft-run step; one whose run ended without settling it (a run finished before the step adopted it) is settled now. */
async function settleDraftStep(month: string): Promise<StepRow | null> {
  const step = await getStep(month, 'DRAFT_RUN');
  if (!step || step.state !== 'RUNNING' || step.runId === null) return step;
  await settleStepsOfRun(db, step.runId);
  return getStep(month, 'DRAFT_RUN');
}

/**
 * Issues the month's drafts as the step (once), through the same command ops use
 * (issueMonthDrafts), leaving held accounts' drafts. Refused while the month's run is running.
 */
export async function issueMonth(month: string, actor: RunActor, options: { today: string; retry?: boolean }): Promise<{ issued: number } | null> {
  try {
    return await db.$transaction(
      async (tx) => {
        if (!(await claimStep(tx, month, 'ISSUE', actor, options.retry ?? false))) return null;
        const [pending] = await tx.$queryRawUnsafe<{ drafts: number; held: number }[]>(
          `SELECT count(*)::int AS "drafts", (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "BillingHold" h WHERE h."accountId" = i."accountId")))::int AS "held"
             FROM "Invoice" i WHERE i."month" = $1 AND i."status" = 'DRAFT'`,
          month,
        );
        const issued = pending!.drafts > pending!.held ? await issueMonthDrafts(tx, actor, { month }, { today: options.today, exceptHeld: true }) : { issued: 0, first: null, last: null };
        const totals = await monthTotals(tx, month, 'ISSUED');
        await tx.billingCalendarStep.update({
          where: { month_step: { month, step: 'ISSUE' } },
          data: { state: 'DONE', finishedAt: new Date(), result: { ...issued, held: pending!.held, totals } },
        });
        await writeAudit(tx, actor, { action: 'calendar.issue', entityType: 'BillingCalendarStep', entityId: `${month}/ISSUE`, after: { ...issued, held: pending!.held } });
        return { issued: issued.issued };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    await recordFailure(month, 'ISSUE', actor, error);
    return null;
  }
}

async function isPaused(month: string): Promise<boolean> {
  return (await db.billingMonthPause.count({ where: { month } })) > 0;
}

/**
 * Drafts of the month whose inputs changed after they were rated (usage recorded or replaced,
 * plan events dated up to the month's end, a migration executed): each account gets one
 * re-rating job, queued per account and month so that a burst of events gives one re-rating.
 */
async function queueRerating(month: string): Promise<number> {
  const { from, to } = monthBounds(month);
  const stale = await db.$queryRawUnsafe<{ accountId: number }[]>(
    `WITH drafts AS (
       SELECT i."accountId", COALESCE(r."startedAt", i."createdAt") AS "ratedAt"
         FROM "Invoice" i LEFT JOIN "BillingRun" r ON r."id" = i."billingRunId"
        WHERE i."month" = $1 AND i."status" = 'DRAFT'
     )
     SELECT d."accountId" FROM drafts d
      WHERE EXISTS (SELECT 1 FROM "App" p JOIN "UsageDaily" u ON u."sdkAppId" = p."sdkAppId" AND u."date" BETWEEN $2::date AND $3::date
                     WHERE p."accountId" = d."accountId" AND u."updatedAt" > d."ratedAt")
         OR EXISTS (SELECT 1 FROM "App" p JOIN "PlanEvent" e ON e."sdkAppId" = p."sdkAppId"
                     WHERE p."accountId" = d."accountId" AND e."date" <= $3::date AND e."createdAt" > d."ratedAt")
         OR EXISTS (SELECT 1 FROM "MigrationTicket" t WHERE t."accountId" = d."accountId" AND t."executedAt" > d."ratedAt")`,
    month,
    from,
    to,
  );
  if (stale.length === 0) return 0;
  const boss = await getBoss(getDatabase());
  const delay = rerateDelaySeconds();
  for (const { accountId } of stale) {
    await boss.send(QUEUES.rerate, { accountId, month }, { singletonKey: `${accountId}:${month}`, startAfter: delay });
  }
  return stale.length;
}

/**
 * Re-rates one account's draft of the month from today's data, replacing it (an issued month is
 * left alone; a running run of the month will rate it itself). The new draft belongs to no
 * run: it was rated now, so later changes are measured from now.
 */
export async function rerateAccount(accountId: number, month: string): Promise<'rerated' | 'skipped'> {
  return db.$transaction(
    async (tx) => {
      if (await tx.billingRun.count({ where: { month, status: 'RUNNING' } })) return 'skipped';
      const draft = await tx.invoice.findFirst({ where: { accountId, month, status: 'DRAFT' }, select: { id: true, total: true } });
      if (!draft) return 'skipped';
      const { from, to } = monthBounds(month);
      const loaded = await loadAccountInputs(tx, { accountIds: [accountId], usageFrom: from, usageTo: to });
      const { rated, failures } = rateAccounts([accountId], loaded.values(), month, await loadPriceBooks(tx));
      if (failures[0]) throw new Error(failures[0].message);
      const result = await writeDrafts(prismaSql(tx), { month, billingRunId: null, accountIds: [accountId], rated });
      await writeAudit(tx, CALENDAR_ACTOR, {
        action: 'invoice.rerate',
        entityType: 'Invoice',
        entityId: result.written.get(accountId) ?? draft.id,
        accountId,
        before: { id: draft.id, total: draft.total.toFixed(2) },
        after: { id: result.written.get(accountId) ?? null, total: rated[0]?.invoice?.total ?? null },
      });
      return 'rerated';
    },
    { timeout: 60_000 },
  );
}

/**
 * One beat of the calendar at `now`: for the month that closes (the one before now's month),
 * starts the draft run from the 1st 00:10, queues re-ratings of drafts whose inputs changed,
 * and issues from the 3rd 00:10 once the run has succeeded. Paused months are left alone.
 */
export async function tick(now: Date = calendarNow()): Promise<TickResult> {
  const today = billingDay(now);
  const month = closingMonth(now);
  const result: TickResult = { month, paused: false, draftRun: 'waiting', issue: 'waiting', rerated: 0 };
  if (await isPaused(month)) return { ...result, paused: true };
  if (now < stepDueAt(month, 'DRAFT_RUN')) return result;
  let draft = await settleDraftStep(month);
  if (!draft || draft.state === 'FAILED') {
    await startDraftRun(month, CALENDAR_ACTOR, { today });
    draft = await settleDraftStep(month);
  }
  result.draftRun = draft?.state ?? 'waiting';
  if (draft?.state !== 'DONE') return result;
  const issue = await getStep(month, 'ISSUE');
  if (issue?.state === 'DONE') return { ...result, issue: 'DONE' };
  if (now >= stepDueAt(month, 'ISSUE')) {
    await issueMonth(month, CALENDAR_ACTOR, { today });
    result.issue = (await getStep(month, 'ISSUE'))?.state ?? 'waiting';
    if (result.issue === 'DONE') return result;
  }
  result.rerated = await queueRerating(month);
  return result;
}

// --- ops' controls: each audited, each in one transaction ---

export async function holdAccount(tx: Tx, actor: RunActor, input: { accountId: number; reason: string }): Promise<void> {
  const account = await tx.account.findUnique({ where: { id: input.accountId }, select: { id: true } });
  if (!account) throw new DomainError('not_found', 'error.account.notFound', { params: { accountId: input.accountId }, field: 'accountId' });
  const existing = await tx.billingHold.findUnique({ where: { accountId: input.accountId } });
  if (existing) throw new DomainError('conflict', 'error.calendar.alreadyHeld', { params: { accountId: input.accountId, reason: existing.reason }, field: 'accountId' });
  await tx.billingHold.create({ data: { accountId: input.accountId, reason: input.reason, actorLabel: actor.label } });
  await writeAudit(tx, actor, { action: 'calendar.hold', entityType: 'Account', entityId: input.accountId, accountId: input.accountId, after: { reason: input.reason } });
}

export async function releaseAccount(tx: Tx, actor: RunActor, input: { accountId: number }): Promise<void> {
  const existing = await tx.billingHold.findUnique({ where: { accountId: input.accountId } });
  if (!existing) throw new DomainError('conflict', 'error.calendar.notHeld', { params: { accountId: input.accountId }, field: 'accountId' });
  await tx.billingHold.delete({ where: { accountId: input.accountId } });
  await writeAudit(tx, actor, { action: 'calendar.release', entityType: 'Account', entityId: input.accountId, accountId: input.accountId, before: { reason: existing.reason } });
}

export async function pauseMonth(tx: Tx, actor: RunActor, input: { month: string; reason: string }): Promise<void> {
  const existing = await tx.billingMonthPause.findUnique({ where: { month: input.month } });
  if (existing) throw new DomainError('conflict', 'error.calendar.alreadyPaused', { params: { month: input.month }, field: 'month' });
  await tx.billingMonthPause.create({ data: { month: input.month, reason: input.reason, actorLabel: actor.label } });
  await writeAudit(tx, actor, { action: 'calendar.pause', entityType: 'BillingMonthPause', entityId: input.month, after: { reason: input.reason } });
}

export async function resumeMonth(tx: Tx, actor: RunActor, input: { month: string }): Promise<void> {
  const existing = await tx.billingMonthPause.findUnique({ where: { month: input.month } });
  if (!existing) throw new DomainError('conflict', 'error.calendar.notPaused', { params: { month: input.month }, field: 'month' });
  await tx.billingMonthPause.delete({ where: { month: input.month } });
  await writeAudit(tx, actor, { action: 'calendar.resume', entityType: 'BillingMonthPause', entityId: input.month, before: { reason: existing.reason } });
}
