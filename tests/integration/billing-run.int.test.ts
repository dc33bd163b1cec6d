import Decimal from 'decimal.js';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../lib/auth/guard';
import { createBillingRun, executeBillingRun, runBillingMonth, startBillingRun, type RunActor } from '../../lib/billing-runs/commands';
import { renderExplanation } from '../../lib/i18n/explain';
import { issueInvoice } from '../../lib/invoices/commands';
import { getInvoice } from '../../lib/invoices/queries';
import { DomainError } from '../../lib/errors';
import { createAccount, createUser, daysOf, insertPriceBooks, seedUsage } from './billing-helpers';
import { onPostgres, useTestDatabase } from './db';

const getDb = useTestDatabase();
const TODAY = '2026-11-23';
const MONTH = '2026-10';

let ops: Actor;
let actor: RunActor;
let legacy: { id: number; apps: bigint[] };
let current: { id: number; apps: bigint[] };
let trialOnly: { id: number; apps: bigint[] };
let issuedAccount: { id: number; apps: bigint[] };
let broken: { id: number; apps: bigint[] };
let issuedInvoiceId: number;

afterEach(() => {
  vi.restoreAllMocks();
});

async function invoicesOf(month = MONTH) {
  return getDb().prisma.invoice.findMany({ where: { month }, include: { lines: { orderBy: { position: 'asc' } } }, orderBy: { accountId: 'asc' } });
}

beforeAll(async () => {
  const db = getDb();
  await insertPriceBooks(db);
  ops = await createUser(db, 'OPS');
  actor = { id: ops.id, label: ops.email };
  // DOMAIN.md worked example 1: Professional from 2026-10-15, DAU 25,310 on 10-20 -> 999 + 2,000.
  legacy = await createAccount(db, { scheme: 'LEGACY', apps: [{ events: [{ date: '2026-10-15', edition: 'PROFESSIONAL' }] }, {}] });
  await seedUsage(db, legacy.apps[0]!, [{ date: '2026-10-20', dau: 25_310, peakGroups: 100_000 }]);
  await seedUsage(db, legacy.apps[1]!, daysOf(MONTH, () => ({ dau: 50 })));
  // Standard from 2026-10-11, MAU 13,000 at the month's end: 399 x 21/31 + 3,000 x 0.015.
  current = await createAccount(db, { scheme: 'CURRENT', apps: [{ events: [{ date: '2026-10-11', edition: 'STANDARD' }] }] });
  await seedUsage(db, current.apps[0]!, [{ date: '2026-10-31', mau: 13_000 }]);
  trialOnly = await createAccount(db, { scheme: 'LEGACY' });
  await seedUsage(db, trialOnly.apps[0]!, [{ date: '2026-10-02', dau: 20 }]);
  issuedAccount = await createAccount(db, { scheme: 'CURRENT', apps: [{ events: [{ date: '2026-09-01', edition: 'PRO' }] }] });
  const issued = await db.prisma.invoice.create({
    data: { accountId: issuedAccount.id, month: MONTH, scheme: 'CURRENT', currency: 'USD', total: '1.00', lines: { create: [{ position: 1, sdkAppId: issuedAccount.apps[0]!, code: 'PACKAGE', fromDate: new Date('2026-10-01'), toDate: new Date('2026-10-31'), quantity: '1', unitPrice: '1', amount: '1.00', explain: 'hand-made' }] } },
  });
  await db.prisma.invoice.update({ where: { id: issued.id }, data: { status: 'ISSUED', number: 'INV-2026-000777', issuedAt: new Date() } });
  issuedInvoiceId = issued.id;
  // Paid -> Trial is refused by the engine (L2): the database accepts the events, the run fails the account.
  broken = await createAccount(db, { scheme: 'LEGACY', apps: [{ events: [{ date: '2026-09-01', edition: 'PROFESSIONAL' }, { date: '2026-10-05', edition: 'TRIAL' }] }] });
});

describe('billing run', () => {
  it('refuses a month that may not be billed yet, and a malformed month', async () => {
    await expect(startBillingRun(MONTH, actor, { today: '2026-10-31' })).rejects.toThrow(/2026-10 can be billed from 2026-11-01/);
    await expect(startBillingRun('2026-13', actor, { today: TODAY })).rejects.toBeInstanceOf(DomainError);
    expect(await getDb().prisma.billingRun.count()).toBe(0);
  });

  it('rates every account and writes DRAFT invoices with lines and explanations', async () => {
    const summary = await runBillingMonth(MONTH, actor, { today: TODAY, chunkSize: 2 });
    expect(summary).toMatchObject({ status: 'SUCCEEDED', totalAccounts: 5, doneAccounts: 5, failedAccounts: 1, skippedAccounts: 1, invoiceCount: 2 });
    const invoices = await invoicesOf();
    const legacyInvoice = invoices.find((i) => i.accountId === legacy.id)!;
    expect(legacyInvoice).toMatchObject({ status: 'DRAFT', scheme: 'LEGACY', currency: 'CNY', billingRunId: summary.id, number: null });
    expect(legacyInvoice.total.toFixed(2)).toBe('2999.00');
    expect(legacyInvoice.lines.map((l) => [l.code, l.amount.toFixed(2), l.sdkAppId])).toEqual([
      ['PACKAGE', '999.00', legacy.apps[0]],
      ['DAU_OVERAGE', '2000.00', legacy.apps[0]],
    ]);
    expect(legacyInvoice.lines[1]!.explain).toMatch(/25,310/);
    // The explanation is stored as data (key and parameters); the English text stays beside it.
    expect(legacyInvoice.lines.map((l) => [l.explainKey, l.explainParams])).toEqual([
      ['package.cycle', { edition: 'PROFESSIONAL', from: '2026-10-15', to: '2026-11-14', anchor: '2026-10-15', price: '999' }],
      ['overage', { measure: 'DAU', peak: 25310, peakOn: '2026-10-20', paidFrom: '2026-10-15', paidTo: '2026-10-31', over: 15310, free: 10000, units: 2, unit: 10000, price: '1000' }],
    ]);
    const shown = (await getInvoice(ops, legacyInvoice.id))!.apps[0]!.lines;
    expect(shown.map((l) => renderExplanation(l.explanation, 'en'))).toEqual(legacyInvoice.lines.map((l) => l.explain));
    expect(renderExplanation(shown[0]!.explanation, 'zh')).toBe('专业版周期 2026-10-15..2026-11-14（锚定日 2026-10-15），整期预付：1 × 999');
    // A line stored with its text only (as before explanations were data) reads as written.
    const handMade = (await getInvoice(ops, issuedInvoiceId))!.apps[0]!.lines[0]!;
    expect(handMade.explanation).toEqual({ key: 'text', params: { text: 'hand-made' } });
    expect(renderExplanation(handMade.explanation, 'zh')).toBe('hand-made');
    expect(legacyInvoice.lines[0]).toMatchObject({ edition: 'PROFESSIONAL', fromDate: new Date('2026-10-15'), toDate: new Date('2026-11-14') });
    const currentInvoice = invoices.find((i) => i.accountId === current.id)!;
    expect(currentInvoice).toMatchObject({ scheme: 'CURRENT', currency: 'USD' });
    expect(currentInvoice.lines.map((l) => [l.code, l.amount.toFixed(2)])).toEqual([
      ['MAU_OVERAGE', '45.00'],
      ['PACKAGE', '270.29'],
    ]);
    expect(currentInvoice.total.toFixed(2)).toBe('315.29');
    // No lines, no invoice; the issued one untouched; the broken account failed with its reason.
    expect(invoices.some((i) => i.accountId === trialOnly.id)).toBe(false);
    expect(invoices.filter((i) => i.accountId === issuedAccount.id).map((i) => [i.id, i.status])).toEqual([[issuedInvoiceId, 'ISSUED']]);
    const failures = await getDb().prisma.billingRunFailure.findMany({ where: { runId: summary.id } });
    expect(failures).toEqual([expect.objectContaining({ accountId: broken.id, message: expect.stringMatching(/^rating failed: .*Trial/i) })]);
    const audit = await getDb().prisma.auditLog.findMany({ where: { entityType: 'BillingRun', entityId: String(summary.id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['billingRun.start', 'billingRun.writeDrafts', 'billingRun.writeDrafts', 'billingRun.writeDrafts', 'billingRun.finish']);
  });

  it('re-runs idempotently: drafts replaced with the same totals, never two invoices per account and month', async () => {
    const before = await invoicesOf();
    const summary = await runBillingMonth(MONTH, actor, { today: TODAY, chunkSize: 3 });
    expect(summary).toMatchObject({ status: 'SUCCEEDED', invoiceCount: 2, skippedAccounts: 1, failedAccounts: 1 });
    const after = await invoicesOf();
    const totals = (list: typeof before) => list.map((i) => [i.accountId, i.status, i.total.toFixed(2), i.lines.length]);
    expect(totals(after)).toEqual(totals(before));
    const draftIds = (list: typeof before) => list.filter((i) => i.status === 'DRAFT').map((i) => i.id);
    expect(draftIds(after).some((id) => draftIds(before).includes(id))).toBe(false);
    const counts = await getDb().prisma.invoice.groupBy({ by: ['accountId', 'month'], where: { status: { not: 'VOID' } }, _count: true });
    expect(counts.every((c) => c._count === 1)).toBe(true);
    expect(await getDb().prisma.invoiceLine.count({ where: { invoiceId: { in: draftIds(before) } } })).toBe(0);
  });

  it('refuses a second run of the month while one is running', async () => {
    const first = await createBillingRun(actor, MONTH, { today: TODAY });
    await expect(createBillingRun(actor, MONTH, { today: TODAY })).rejects.toThrow(new RegExp(`already running \\(run #${first.runId}`));
    // Another month is independent.
    const september = await runBillingMonth('2026-09', actor, { today: TODAY });
    expect(september.status).toBe('SUCCEEDED');
    const finished = await executeBillingRun(first.runId, actor, first.month, first.accountIds);
    expect(finished.status).toBe('SUCCEEDED');
  });

  it('lets only one of two simultaneous starts through', async () => {
    const results = await Promise.allSettled([startBillingRun(MONTH, actor, { today: TODAY }), startBillingRun(MONTH, actor, { today: TODAY })]);
    const started = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    if (onPostgres) {
      expect(started).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(String((refused[0] as PromiseRejectedResult).reason)).toMatch(/already running/);
    } else {
      // PGlite serializes transactions: the second start may come after the first run ended.
      expect(started.length).toBeGreaterThanOrEqual(1);
    }
    for (const r of started) await (r as PromiseFulfilledResult<Awaited<ReturnType<typeof startBillingRun>>>).value.done;
  });

  it('recovers from a run killed half-way: whole chunks kept, the next run completes', async () => {
    const db = getDb();
    const killed = new Error('killed');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { runId, done } = await startBillingRun(MONTH, actor, {
      today: TODAY,
      chunkSize: 2,
      afterChunk: async ({ chunk }) => {
        if (chunk !== 0) return;
        if (!onPostgres) throw killed;
        // On PostgreSQL for real: the server ends the connections the run reads its inputs on.
        const [ended] = await db.driver.query<{ n: number }>(
          `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000))::int AS n
             FROM pg_stat_activity WHERE datname = current_database() AND query ~ '^(DECLARE|FETCH) '`,
        );
        expect(ended!.n).toBe(2);
      },
    });
    if (onPostgres) {
      // The process lives on (the lost connections are logged); the run ends FAILED with the cause.
      const lost = /terminating connection|Connection terminated|not queryable/;
      await expect(done).rejects.toThrow(lost);
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^\[db\] a PostgreSQL connection was lost: /));
      expect(await db.prisma.billingRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: 'FAILED', error: expect.stringMatching(lost) });
    } else {
      await expect(done).rejects.toBe(killed);
    }
    // A real kill leaves the row RUNNING with an old heartbeat (the process had no chance to say so).
    await db.prisma.$executeRawUnsafe(
      `UPDATE "BillingRun" SET "status" = 'RUNNING', "finishedAt" = NULL, "error" = NULL, "heartbeatAt" = now() - interval '3 minutes' WHERE "id" = $1`,
      runId,
    );
    // Every invoice there is whole: its total is the sum of its lines.
    const partial = await invoicesOf();
    for (const invoice of partial) {
      const sum = invoice.lines.reduce((acc, l) => acc.plus(l.amount.toString()), new Decimal(0));
      expect(sum.toFixed(2)).toBe(invoice.total.toFixed(2));
    }
    // While its heartbeat is fresh it still blocks; once stale, the next start marks it FAILED.
    const next = await runBillingMonth(MONTH, actor, { today: TODAY });
    expect(next.status).toBe('SUCCEEDED');
    const old = await db.prisma.billingRun.findUniqueOrThrow({ where: { id: runId } });
    expect(old.status).toBe('FAILED');
    expect(old.error).toMatch(/no heartbeat/);
    const final = await invoicesOf();
    expect(final.filter((i) => i.status === 'DRAFT').map((i) => [i.accountId, i.total.toFixed(2)])).toEqual([
      [legacy.id, '2999.00'],
      [current.id, '315.29'],
    ]);
  });

  it('does not take over a run whose heartbeat is fresh', async () => {
    const db = getDb();
    const run = await db.prisma.billingRun.create({ data: { month: '2026-08', status: 'RUNNING', totalAccounts: 0 } });
    await expect(createBillingRun(actor, '2026-08', { today: TODAY })).rejects.toThrow(/already running/);
    await db.prisma.billingRun.update({ where: { id: run.id }, data: { heartbeatAt: new Date(Date.now() - 121_000) } });
    const started = await createBillingRun(actor, '2026-08', { today: TODAY });
    expect(started.runId).not.toBe(run.id);
    expect((await db.prisma.billingRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe('FAILED');
    await executeBillingRun(started.runId, actor, started.month, started.accountIds);
  });

  it('leaves alone a draft issued while a re-run replaces drafts, lines and all', async () => {
    const db = getDb();
    const draft = await db.prisma.invoice.findFirstOrThrow({ where: { accountId: legacy.id, month: MONTH, status: 'DRAFT' }, include: { lines: true } });
    expect(draft.lines.length).toBeGreaterThan(0);
    // The issuer issues the draft and keeps its transaction open until the re-run waits for it.
    let issued!: () => void;
    const issuedSignal = new Promise<void>((resolve) => (issued = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const issuing = db.prisma.$transaction(
      async (tx) => {
        await issueInvoice(tx, ops, { id: draft.id }, { today: TODAY });
        issued();
        await gate;
      },
      { timeout: 30_000 },
    );
    await issuedSignal;
    const rerun = runBillingMonth(MONTH, actor, { today: TODAY });
    const waiting = async () =>
      (await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n" FROM pg_stat_activity WHERE "wait_event_type" = 'Lock' AND "datname" = current_database()`)[0]!.n;
    // On PostgreSQL the re-run reaches the draft while it is being issued; PGlite runs one
    // transaction at a time, so there the re-run simply comes after the issue.
    if (onPostgres) {
      for (let tries = 0; (await waiting()) === 0; tries++) {
        if (tries > 200) throw new Error('the re-run never waited for the issuing transaction');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
    release();
    await issuing;
    const summary = await rerun;
    expect(summary.status).toBe('SUCCEEDED');
    const after = await db.prisma.invoice.findUniqueOrThrow({ where: { id: draft.id }, include: { lines: { orderBy: { position: 'asc' } } } });
    expect(after.status).toBe('ISSUED');
    expect(after.lines.map((l) => [l.position, l.amount.toFixed(2)])).toEqual(draft.lines.sort((a, b) => a.position - b.position).map((l) => [l.position, l.amount.toFixed(2)]));
    expect(await db.prisma.invoice.count({ where: { accountId: legacy.id, month: MONTH, status: { not: 'VOID' } } })).toBe(1);
  });
});
