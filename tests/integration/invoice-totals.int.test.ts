import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/guard';
import type { Tx } from '../../lib/db/client';
import { runBillingMonth } from '../../lib/billing-runs/commands';
import { issueInvoice, markInvoicePaid, voidInvoice } from '../../lib/invoices/commands';
import { getInvoice, listAccountInvoices, listInvoices } from '../../lib/invoices/queries';
import { parseInvoicesSearch } from '../../lib/invoices/schemas';
import { createAccount, createUser, daysOf, insertPriceBooks, seedUsage } from './billing-helpers';
import { useTestDatabase } from './db';

const getDb = useTestDatabase();
const TODAY = '2026-11-23';
let ops: Actor;
const pinned = process.env.CONSOLE_TODAY;

function tx<T>(fn: (t: Tx) => Promise<T>): Promise<T> {
  return getDb().prisma.$transaction(fn, { timeout: 60_000, maxWait: 60_000 });
}

beforeAll(async () => {
  process.env.CONSOLE_TODAY = TODAY;
  const db = getDb();
  await insertPriceBooks(db);
  ops = await createUser(db, 'OPS');
  // Six legacy (CNY) and six current (USD) accounts, with some usage so the totals differ.
  for (let i = 0; i < 6; i++) {
    const legacy = await createAccount(db, { scheme: 'LEGACY', apps: [{ events: [{ date: '2026-09-01', edition: i % 2 ? 'PROFESSIONAL' : 'FLAGSHIP' }] }] });
    await seedUsage(db, legacy.apps[0]!, daysOf('2026-10', () => ({ dau: 8_000 + i * 1_500, peakGroups: 1_000 })));
    const current = await createAccount(db, { scheme: 'CURRENT', apps: [{ events: [{ date: '2026-08-01', edition: i % 2 ? 'PRO' : 'STANDARD' }] }] });
    await seedUsage(db, current.apps[0]!, [{ date: '2026-10-31', mau: 11_000 + i * 700 }]);
  }
  const run = await runBillingMonth('2026-10', { id: ops.id, label: ops.email }, { today: TODAY });
  expect(run).toMatchObject({ status: 'SUCCEEDED', invoiceCount: 12 });
  // Per currency: two drafts stay, four are issued; of those one is paid, one paid then void, one void.
  for (const currency of ['CNY', 'USD'] as const) {
    const drafts = await db.prisma.invoice.findMany({ where: { month: '2026-10', currency }, orderBy: { id: 'asc' } });
    const [, , a, b, c, d] = drafts;
    for (const invoice of [a!, b!, c!, d!]) await tx((t) => issueInvoice(t, ops, { id: invoice.id }, { today: TODAY }));
    await tx((t) => markInvoicePaid(t, ops, { id: b!.id }));
    await tx((t) => markInvoicePaid(t, ops, { id: c!.id }));
    await tx((t) => voidInvoice(t, ops, { id: c!.id, reason: 'Wrong MAU, a correction follows.' }));
    await tx((t) => voidInvoice(t, ops, { id: d!.id, reason: 'Duplicate.' }));
  }
});

afterAll(() => {
  if (pinned === undefined) delete process.env.CONSOLE_TODAY;
  else process.env.CONSOLE_TODAY = pinned;
});

describe('invoice list totals', () => {
  it('sum and count every invoice but the void ones, per currency, as counted by hand', async () => {
    const all = await getDb().prisma.invoice.findMany({ where: { month: '2026-10' } });
    const page = await listInvoices(ops, parseInvoicesSearch({ month: '2026-10', perPage: '10' }));
    expect(page.rowCount).toBe(12);
    for (const currency of ['CNY', 'USD'] as const) {
      const mine = all.filter((i) => i.currency === currency);
      const owed = mine.filter((i) => i.status !== 'VOID');
      const byHand = owed.reduce((sum, i) => sum.plus(i.total.toString()), new Decimal(0));
      expect(byHand.isZero()).toBe(false);
      expect(page.totals.find((t) => t.currency === currency)).toEqual({ currency, count: 4, voidCount: 2, total: byHand.toFixed(2) });
    }
    // Filtered to void invoices only: nothing owed, both counted as void.
    const voids = await listInvoices(ops, parseInvoicesSearch({ month: '2026-10', status: 'VOID', currency: 'USD' }));
    expect(voids.totals).toEqual([{ currency: 'USD', count: 0, voidCount: 2, total: '0.00' }]);
    expect(voids.rowCount).toBe(2);
  });
});

describe('planned issue date', () => {
  it('flags a draft whose planned issue date has passed, and nothing else', async () => {
    const page = await listInvoices(ops, parseInvoicesSearch({ month: '2026-10', perPage: '100' }));
    // October's invoices were planned for 2026-11-03; today is 2026-11-23.
    for (const row of page.rows) {
      expect(row.plannedIssueDate).toBe('2026-11-03');
      expect(row.issueOverdue).toBe(row.status === 'DRAFT');
    }
    const draft = page.rows.find((r) => r.status === 'DRAFT')!;
    expect((await getInvoice(ops, draft.id))?.issueOverdue).toBe(true);
    expect((await listAccountInvoices(ops, draft.accountId)).find((r) => r.id === draft.id)?.issueOverdue).toBe(true);
    // On the planned day itself it is not late yet.
    process.env.CONSOLE_TODAY = '2026-11-03';
    expect((await getInvoice(ops, draft.id))?.issueOverdue).toBe(false);
    process.env.CONSOLE_TODAY = TODAY;
  });
});
