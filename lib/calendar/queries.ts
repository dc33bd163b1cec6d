import 'server-only';
import { monthOf } from '../billing/dates';
import { stallSeconds } from '../billing-runs/progress';
import { billingDay } from '../clock';
import { db } from '../db/client';
import { closingMonth, CALENDAR_STEPS, stepDueAt, type CalendarStep } from './schedule';

export type StepState = 'waiting' | 'running' | 'done' | 'failed';

export type CurrencyTotal = { currency: string; invoices: number; total: string };

export type CalendarStepView = {
  step: CalendarStep;
  dueAt: string;
  state: StepState;
  attempts: number;
  actorLabel: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  /** What the step did: a run's counts, an issue's numbers, and the totals per currency. */
  result: { invoices?: number; failed?: number; skipped?: number; issued?: number; held?: number; first?: string | null; last?: string | null; totals?: CurrencyTotal[] } | null;
  run: { id: number; shards: number; shardsDone: number; doneAccounts: number; totalAccounts: number; stalled: boolean } | null;
};

export type CalendarMonthView = { month: string; pause: { reason: string; actorLabel: string; pausedAt: string } | null; steps: CalendarStepView[] };

export type HoldView = { accountId: number; accountName: string; reason: string; actorLabel: string; heldAt: string };

/** The month closing now and the next one, with their steps' times, states and outcomes. */
export async function getCalendar(now: Date): Promise<{ months: CalendarMonthView[]; holds: HoldView[] }> {
  const closing = closingMonth(now);
  const months = [closing, monthOf(billingDay(now))];
  const [steps, pauses, holds] = await Promise.all([
    db.billingCalendarStep.findMany({ where: { month: { in: months } } }),
    db.billingMonthPause.findMany({ where: { month: { in: months } } }),
    db.$queryRaw<{ accountId: number; accountName: string; reason: string; actorLabel: string; heldAt: Date }[]>`
      SELECT h."accountId", a."name" AS "accountName", h."reason", h."actorLabel", h."heldAt"
        FROM "BillingHold" h JOIN "Account" a ON a."id" = h."accountId" ORDER BY h."heldAt" DESC`,
  ]);
  const runIds = steps.map((s) => s.runId).filter((id): id is number => id !== null);
  const runs = runIds.length
    ? await db.$queryRaw<{ id: number; shards: number; shardsDone: number; doneAccounts: number; totalAccounts: number; stalled: boolean }[]>`
        SELECT r."id", count(s."id")::int AS "shards", (count(s."id") FILTER (WHERE s."state" = 'DONE'))::int AS "shardsDone",
               r."doneAccounts", r."totalAccounts",
               (r."status" = 'RUNNING' AND greatest(r."heartbeatAt", max(s."startedAt")) < now() - make_interval(secs => ${stallSeconds()})) AS "stalled"
          FROM "BillingRun" r LEFT JOIN "BillingRunShard" s ON s."runId" = r."id"
         WHERE r."id" = ANY(${runIds}::int[]) GROUP BY r."id"`
    : [];
  return {
    months: months.map((month) => {
      const pause = pauses.find((p) => p.month === month);
      return {
        month,
        pause: pause ? { reason: pause.reason, actorLabel: pause.actorLabel, pausedAt: pause.pausedAt.toISOString() } : null,
        steps: CALENDAR_STEPS.map((step) => {
          const row = steps.find((s) => s.month === month && s.step === step);
          const run = row?.runId ? (runs.find((r) => r.id === row.runId) ?? null) : null;
          return {
            step,
            dueAt: stepDueAt(month, step).toISOString(),
            state: row ? (row.state.toLowerCase() as StepState) : 'waiting',
            attempts: row?.attempts ?? 0,
            actorLabel: row?.actorLabel ?? null,
            startedAt: row?.startedAt.toISOString() ?? null,
            finishedAt: row?.finishedAt?.toISOString() ?? null,
            error: row?.error ?? null,
            result: (row?.result as CalendarStepView['result']) ?? null,
            run,
          };
        }),
      };
    }),
    holds: holds.map((h) => ({ ...h, heldAt: h.heldAt.toISOString() })),
  };
}
