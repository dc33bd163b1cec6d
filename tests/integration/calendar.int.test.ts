import { beforeAll, describe, expect, it } from 'vitest';
import { waitForRun } from '../../lib/billing-runs/commands';
import { CALENDAR_ACTOR, holdAccount, pauseMonth, releaseAccount, resumeMonth, startDraftRun, tick } from '../../lib/calendar/commands';
import { calendarNow, closingMonth, stepDueAt } from '../../lib/calendar/schedule';
import { startWorker } from '../../lib/jobs/worker';
import { createAccount, createUser, daysOf, insertPriceBooks, seedUsage } from './billing-helpers';
import { useTestDatabase } from './db';

/**
 * The billing calendar driven by tick(now) at chosen instants (no test waits for the clock):
 * November 2026 is drafted from 2026-12-01 00:10 and issued from 2026-12-03 00:10 Asia/Shanghai,
 * once, whatever fires twice; a held account stays a draft; a paused month waits.
 */

const getDb = useTestDatabase();
const MONTH = '2026-11';
const at = (local: string) => new Date(`${local}+08:00`);
let paying: { id: number; apps: bigint[] };
let held: { id: number; apps: bigint[] };
let ops: { id: string; label: string };

async function settle(now: Date) {
  const step = await getDb().prisma.billingCalendarStep.findUnique({ where: { month_step: { month: MONTH, step: 'DRAFT_RUN' } } });
  if (step?.runId) await waitForRun(step.runId).catch(() => undefined);
  return tick(now);
}

beforeAll(async () => {
  const db = getDb();
  process.env.BILLING_RERATE_DELAY_SECONDS = '0';
  await insertPriceBooks(db);
  const user = await createUser(db, 'OPS');
  ops = { id: user.id, label: user.email };
  paying = await createAccount(db, { scheme: 'LEGACY', apps: [{ events: [{ date: '2026-11-01', edition: 'PROFESSIONAL' }] }] });
  await seedUsage(db, paying.apps[0]!, daysOf(MONTH, () => ({ dau: 100 })));
  held = await createAccount(db, { scheme: 'CURRENT', apps: [{ events: [{ date: '2026-11-01', edition: 'STANDARD' }] }] });
  await seedUsage(db, held.apps[0]!, [{ date: '2026-11-30', mau: 12_000 }]);
  await startWorker(db, { calendar: false });
});

describe('billing calendar', () => {
  it('knows its timetable in Asia/Shanghai', () => {
    expect(stepDueAt(MONTH, 'DRAFT_RUN').toISOString()).toBe('2026-11-30T16:10:00.000Z');
    expect(stepDueAt(MONTH, 'ISSUE').toISOString()).toBe('2026-12-02T16:10:00.000Z');
    expect(closingMonth(at('2026-12-01T00:05:00'))).toBe(MONTH);
    expect(closingMonth(at('2026-11-30T23:59:00'))).toBe('2026-10');
    // A console pinned to a day stands at its noon: past that day's 00:10 step.
    const pinned = calendarNow({ ...process.env, CONSOLE_TODAY: '2026-12-01' });
    expect(closingMonth(pinned)).toBe(MONTH);
    expect(pinned >= stepDueAt(MONTH, 'DRAFT_RUN') && pinned < stepDueAt(MONTH, 'ISSUE')).toBe(true);
  });

  it('holds and releases an account, audited with the reason', async () => {
    const db = getDb();
    await db.prisma.$transaction((tx) => holdAccount(tx, ops, { accountId: paying.id, reason: 'disputed usage' }));
    await expect(db.prisma.$transaction((tx) => holdAccount(tx, ops, { accountId: paying.id, reason: 'again' }))).rejects.toThrow(/already on hold \(disputed usage\)/);
    await db.prisma.$transaction((tx) => releaseAccount(tx, ops, { accountId: paying.id }));
    await db.prisma.$transaction((tx) => holdAccount(tx, ops, { accountId: held.id, reason: 'contract renegotiation' }));
    const audit = await db.prisma.auditLog.findMany({ where: { action: { in: ['calendar.hold', 'calendar.release'] } }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.accountId, a.actorLabel])).toEqual([
      ['calendar.hold', paying.id, ops.label],
      ['calendar.release', paying.id, ops.label],
      ['calendar.hold', held.id, ops.label],
    ]);
    expect(audit[0]!.after).toEqual({ reason: 'disputed usage' });
  });

  it('waits while the month is paused, and before the 1st 00:10', async () => {
    const db = getDb();
    expect(await tick(at('2026-12-01T00:09:00'))).toMatchObject({ month: MONTH, draftRun: 'waiting' });
    await db.prisma.$transaction((tx) => pauseMonth(tx, ops, { month: MONTH, reason: 'price book review' }));
    expect(await tick(at('2026-12-01T00:11:00'))).toMatchObject({ paused: true });
    expect(await db.prisma.billingRun.count({ where: { month: MONTH } })).toBe(0);
    await db.prisma.$transaction((tx) => resumeMonth(tx, ops, { month: MONTH }));
  });

  it('drafts on the 1st once, however many ticks fire at once', async () => {
    const db = getDb();
    const now = at('2026-12-01T00:11:00');
    await Promise.all([tick(now), tick(now), startDraftRun(MONTH, CALENDAR_ACTOR, { today: '2026-12-01' }), tick(now)]);
    expect(await db.prisma.billingRun.count({ where: { month: MONTH } })).toBe(1);
    const result = await settle(at('2026-12-01T00:20:00'));
    expect(result).toMatchObject({ draftRun: 'DONE', issue: 'waiting' });
    await tick(at('2026-12-02T10:00:00'));
    expect(await db.prisma.billingRun.count({ where: { month: MONTH } })).toBe(1);
    const step = await db.prisma.billingCalendarStep.findUniqueOrThrow({ where: { month_step: { month: MONTH, step: 'DRAFT_RUN' } } });
    expect(step).toMatchObject({ state: 'DONE', attempts: 1, actorLabel: 'system:calendar' });
    expect(step.result).toMatchObject({ invoices: 2, failed: 0, totals: [{ currency: 'CNY', invoices: 1 }, { currency: 'USD', invoices: 1 }] });
    expect(await db.prisma.invoice.count({ where: { month: MONTH, status: 'DRAFT' } })).toBe(2);
  });

  it('re-rates a draft by itself when its usage changes in the window', async () => {
    const db = getDb();
    const before = await db.prisma.invoice.findFirstOrThrow({ where: { accountId: paying.id, month: MONTH, status: 'DRAFT' } });
    await db.prisma.usageDaily.update({ where: { sdkAppId_date: { sdkAppId: paying.apps[0]!, date: new Date('2026-11-20') } }, data: { dau: 25_310, updatedAt: new Date() } });
    const result = await tick(at('2026-12-02T10:05:00'));
    expect(result.rerated).toBe(1);
    const deadline = Date.now() + 30_000;
    let after = before;
    while (after.id === before.id && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await db.prisma.invoice.findFirstOrThrow({ where: { accountId: paying.id, month: MONTH, status: 'DRAFT' } });
    }
    expect(after.id).not.toBe(before.id);
    expect(after.total.toFixed(2)).toBe(before.total.plus(2000).toFixed(2));
    expect(after.billingRunId).toBeNull();
    // Re-rated now: nothing is stale any more.
    expect((await tick(at('2026-12-02T10:10:00'))).rerated).toBe(0);
  });

  it('issues on the 3rd once, except the held account, through the issue command', async () => {
    const db = getDb();
    expect(await tick(at('2026-12-03T00:09:00'))).toMatchObject({ issue: 'waiting' });
    const now = at('2026-12-03T00:11:00');
    await Promise.all([tick(now), tick(now)]);
    await tick(at('2026-12-03T00:20:00'));
    const invoices = await db.prisma.invoice.findMany({ where: { month: MONTH, status: { not: 'VOID' } }, orderBy: { accountId: 'asc' } });
    expect(invoices.map((i) => [i.accountId, i.status])).toEqual([
      [paying.id, 'ISSUED'],
      [held.id, 'DRAFT'],
    ]);
    expect(invoices[0]!.number).toMatch(/^INV-2026-\d{6}$/);
    const issue = await db.prisma.billingCalendarStep.findUniqueOrThrow({ where: { month_step: { month: MONTH, step: 'ISSUE' } } });
    expect(issue).toMatchObject({ state: 'DONE', attempts: 1 });
    expect(issue.result).toMatchObject({ issued: 1, held: 1 });
    expect(await db.prisma.auditLog.count({ where: { action: 'invoice.issue', actorLabel: 'system:calendar' } })).toBe(1);
  });
});
