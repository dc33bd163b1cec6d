import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/guard';
import type { Tx } from '../../lib/db/client';
import { runBillingMonth } from '../../lib/billing-runs/commands';
import { invoiceCsv } from '../../lib/invoices/csv';
import { createCorrection, issueInvoice, issueMonthDrafts, voidInvoice } from '../../lib/invoices/commands';
import { getInvoice, getInvoiceUsage, listAccountInvoices, listInvoices } from '../../lib/invoices/queries';
import { parseInvoicesSearch } from '../../lib/invoices/schemas';
import { driverTransaction } from '../../lib/db/sql';
import { ingestUsage } from '../../lib/usage/commands';
import { createAccount, createUser, daysOf, insertPriceBooks, seedUsage } from './billing-helpers';
import { onPostgres, useTestDatabase } from './db';

const getDb = useTestDatabase();
const TODAY = '2026-11-23';

let ops: Actor;
let manager: Actor;
let otherManager: Actor;
let customer: Actor;
let otherCustomer: Actor;
let legacy: { id: number; apps: bigint[] };
let current: { id: number; apps: bigint[] };

function tx<T>(fn: (t: Tx) => Promise<T>): Promise<T> {
  return getDb().prisma.$transaction(fn, { timeout: 60_000, maxWait: 60_000 });
}

async function draftOf(accountId: number, month = '2026-10') {
  return getDb().prisma.invoice.findFirstOrThrow({ where: { accountId, month, status: 'DRAFT' } });
}

beforeAll(async () => {
  const db = getDb();
  await insertPriceBooks(db);
  ops = await createUser(db, 'OPS');
  manager = await createUser(db, 'ACCOUNT_MANAGER');
  otherManager = await createUser(db, 'ACCOUNT_MANAGER');
  legacy = await createAccount(db, { scheme: 'LEGACY', name: 'Lumen Test', managerId: manager.id, apps: [{ events: [{ date: '2026-10-15', edition: 'PROFESSIONAL' }] }] });
  await seedUsage(db, legacy.apps[0]!, daysOf('2026-10', (date) => ({ dau: date === '2026-10-20' ? 25_310 : 8_000, peakGroups: 1_000 })));
  current = await createAccount(db, { scheme: 'CURRENT', apps: [{ events: [{ date: '2026-09-01', edition: 'PRO' }] }] });
  await seedUsage(db, current.apps[0]!, [{ date: '2026-10-31', mau: 12_000 }]);
  customer = await createUser(db, 'CUSTOMER', legacy.id);
  otherCustomer = await createUser(db, 'CUSTOMER', current.id);
  // Many accounts for the bulk issue and the numbering race.
  for (let i = 0; i < 12; i++) await createAccount(db, { scheme: 'CURRENT', apps: [{ events: [{ date: '2026-08-01', edition: 'STANDARD' }] }] });
  const run = await runBillingMonth('2026-10', { id: ops.id, label: ops.email }, { today: TODAY });
  expect(run).toMatchObject({ status: 'SUCCEEDED', invoiceCount: 14 });
});

describe('invoice lifecycle', () => {
  it('issues one draft with the first number of the year, and its amounts and lines can never change', async () => {
    const draft = await draftOf(legacy.id);
    const issued = await tx((t) => issueInvoice(t, ops, { id: draft.id }, { today: TODAY }));
    expect(issued.number).toBe('INV-2026-000001');
    const invoice = await getDb().prisma.invoice.findUniqueOrThrow({ where: { id: draft.id }, include: { lines: true } });
    expect(invoice).toMatchObject({ status: 'ISSUED', number: 'INV-2026-000001' });
    await expect(tx((t) => issueInvoice(t, ops, { id: draft.id }, { today: TODAY }))).rejects.toThrow(/already ISSUED/);
    // The database refuses any change, whatever the code.
    const { prisma } = getDb();
    await expect(prisma.invoice.update({ where: { id: draft.id }, data: { total: '1.00' } })).rejects.toThrow(/can never change/);
    await expect(prisma.invoiceLine.update({ where: { invoiceId_position: { invoiceId: draft.id, position: 1 } }, data: { amount: '1.00' } })).rejects.toThrow(/can never change/);
    await expect(prisma.invoiceLine.delete({ where: { invoiceId_position: { invoiceId: draft.id, position: 1 } } })).rejects.toThrow(/can never change/);
    await expect(prisma.invoice.delete({ where: { id: draft.id } })).rejects.toThrow(/only drafts can be deleted/);
    // A re-run of the month leaves it alone and does not make a second invoice.
    const rerun = await runBillingMonth('2026-10', { id: ops.id, label: ops.email }, { today: TODAY });
    expect(rerun.skippedAccounts).toBe(1);
    expect(await prisma.invoice.count({ where: { accountId: legacy.id, month: '2026-10' } })).toBe(1);
    // And its usage month is frozen.
    await expect(
      driverTransaction((sql) => ingestUsage(sql, { source: 'CSV', sentBy: ops.id, audit: { id: ops.id, label: ops.email } }, [
        { sdkAppId: String(legacy.apps[0]), date: '2026-10-02', dau: 1, peakGroups: null, mau: null, pcc: null, barrageDomesticMbps: null, barrageIntlMbps: null },
      ])),
    ).rejects.toThrow(/INV-2026-000001.*voided and a new invoice/);
  });

  it('numbers concurrent issues without gaps or repeats', async () => {
    const drafts = await getDb().prisma.invoice.findMany({ where: { month: '2026-10', status: 'DRAFT' }, orderBy: { id: 'asc' }, take: 6 });
    expect(drafts).toHaveLength(6);
    const results = await Promise.all(drafts.map((d) => tx((t) => issueInvoice(t, ops, { id: d.id }, { today: TODAY }))));
    const numbers = results.map((r) => r.number).sort();
    expect(numbers).toEqual(['000002', '000003', '000004', '000005', '000006', '000007'].map((n) => `INV-2026-${n}`));
    if (onPostgres) {
      // Truly concurrent transactions on PostgreSQL: the counter row lock serialized them.
      const counter = await getDb().prisma.invoiceNumberCounter.findUniqueOrThrow({ where: { year: 2026 } });
      expect(counter.last).toBe(7);
    }
  });

  it('gives back a number when the issuing transaction rolls back', async () => {
    const draft = await getDb().prisma.invoice.findFirstOrThrow({ where: { month: '2026-10', status: 'DRAFT' } });
    await expect(
      tx(async (t) => {
        await issueInvoice(t, ops, { id: draft.id }, { today: TODAY });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const again = await tx((t) => issueInvoice(t, ops, { id: draft.id }, { today: TODAY }));
    expect(again.number).toBe('INV-2026-000008');
  });

  it('issues all remaining drafts of a month at once, continuing the sequence', async () => {
    const remaining = await getDb().prisma.invoice.count({ where: { month: '2026-10', status: 'DRAFT' } });
    const result = await tx((t) => issueMonthDrafts(t, ops, { month: '2026-10' }, { today: TODAY }));
    expect(result).toEqual({ issued: remaining, first: 'INV-2026-000009', last: `INV-2026-${String(8 + remaining).padStart(6, '0')}` });
    expect(await getDb().prisma.invoice.count({ where: { month: '2026-10', status: 'DRAFT' } })).toBe(0);
    const numbers = (await getDb().prisma.invoice.findMany({ where: { number: { not: null } }, select: { number: true } })).map((n) => n.number!).sort();
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => `INV-2026-${String(i + 1).padStart(6, '0')}`));
    await expect(tx((t) => issueMonthDrafts(t, ops, { month: '2026-10' }, { today: TODAY }))).rejects.toThrow(/no draft invoices for 2026-10/);
    const audit = await getDb().prisma.auditLog.count({ where: { action: 'invoice.issue' } });
    expect(audit).toBe(numbers.length);
  });

  it('voids with a reason, and corrects with a new draft naming the void invoice', async () => {
    const { prisma } = getDb();
    const invoice = await prisma.invoice.findFirstOrThrow({ where: { accountId: legacy.id, month: '2026-10' } });
    await expect(tx((t) => voidInvoice(t, ops, { id: invoice.id, reason: '  ' }))).rejects.toThrow();
    await expect(tx((t) => createCorrection(t, ops, { id: invoice.id }))).rejects.toThrow(/void it/);
    await tx((t) => voidInvoice(t, ops, { id: invoice.id, reason: 'DAU on 10-20 was double counted' }));
    const voided = await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(voided).toMatchObject({ status: 'VOID', voidReason: 'DAU on 10-20 was double counted', number: 'INV-2026-000001' });
    expect(voided.paidAt).toBeNull();
    // The month is open again: fix the usage, then correct.
    await driverTransaction((sql) =>
      ingestUsage(sql, { source: 'CSV', sentBy: ops.id, audit: { id: ops.id, label: ops.email } }, [
        { sdkAppId: String(legacy.apps[0]), date: '2026-10-20', dau: 12_655, peakGroups: 1_000, mau: null, pcc: null, barrageDomesticMbps: null, barrageIntlMbps: null },
      ]),
    );
    const correction = await tx((t) => createCorrection(t, ops, { id: invoice.id }));
    const draft = await prisma.invoice.findUniqueOrThrow({ where: { id: correction.id }, include: { lines: true } });
    expect(draft).toMatchObject({ status: 'DRAFT', replacesId: invoice.id, accountId: legacy.id, month: '2026-10' });
    expect(draft.total.toFixed(2)).toBe('1999.00');
    await expect(tx((t) => createCorrection(t, ops, { id: invoice.id }))).rejects.toThrow(/already corrected by draft/);
    // A re-run keeps the correction's link to the void invoice.
    await runBillingMonth('2026-10', { id: ops.id, label: ops.email }, { today: TODAY });
    const rerun = await prisma.invoice.findFirstOrThrow({ where: { accountId: legacy.id, month: '2026-10', status: 'DRAFT' } });
    expect(rerun.replacesId).toBe(invoice.id);
    const issued = await tx((t) => issueInvoice(t, ops, { id: rerun.id }, { today: TODAY }));
    expect(issued.number).toMatch(/^INV-2026-\d{6}$/);
  });
});

describe('reading invoices', () => {
  it('scopes the list: ops all, a manager their accounts, a customer their own non-draft invoices', async () => {
    const search = parseInvoicesSearch({ month: '2026-10', perPage: '100' });
    const all = await listInvoices(ops, search);
    expect(all.rowCount).toBeGreaterThan(10);
    expect(all.totals.map((t) => t.currency)).toEqual(['CNY', 'USD']);
    const mine = await listInvoices(manager, search);
    expect(new Set(mine.rows.map((r) => r.accountId))).toEqual(new Set([legacy.id]));
    expect((await listInvoices(otherManager, search)).rowCount).toBe(0);
    const own = await listInvoices(customer, search);
    expect(own.rows.every((r) => r.accountId === legacy.id && r.status !== 'DRAFT')).toBe(true);
    expect(own.rows.map((r) => r.status).sort()).toEqual(['ISSUED', 'VOID']);
    // Totals leave void invoices out.
    const cny = own.totals.find((t) => t.currency === 'CNY')!;
    expect(cny).toEqual({ currency: 'CNY', count: 1, voidCount: 1, total: '1999.00' });
    const filtered = await listInvoices(ops, parseInvoicesSearch({ month: '2026-10', currency: 'USD', status: 'ISSUED', q: 'zzz-no-such' }));
    expect(filtered.rowCount).toBe(0);
    // Digits are an account id; text matches account names and invoice numbers.
    const byAccount = await listInvoices(ops, parseInvoicesSearch({ q: String(legacy.id) }));
    expect(new Set(byAccount.rows.map((r) => r.accountId))).toEqual(new Set([legacy.id]));
    const byName = await listInvoices(ops, parseInvoicesSearch({ q: 'lumen test' }));
    expect(byName.rows.length).toBeGreaterThan(0);
    expect(byName.rows.every((r) => r.accountName === 'Lumen Test')).toBe(true);
    const byNumber = await listInvoices(ops, parseInvoicesSearch({ q: 'INV-2026-000001' }));
    expect(byNumber.rows.map((r) => r.number)).toEqual(['INV-2026-000001']);
  });

  it('never shows a customer another account\'s invoice, nor a draft', async () => {
    const theirs = await getDb().prisma.invoice.findFirstOrThrow({ where: { accountId: current.id } });
    expect(await getInvoice(customer, theirs.id)).toBeNull();
    expect(await getInvoice(otherCustomer, theirs.id)).not.toBeNull();
    expect(await getInvoice(otherManager, theirs.id)).toBeNull();
    const ownVoid = await getDb().prisma.invoice.findFirstOrThrow({ where: { accountId: legacy.id, status: 'VOID' } });
    const detail = await getInvoice(customer, ownVoid.id);
    expect(detail?.replacedBy?.number).toMatch(/^INV-2026-/);
    // A new draft of the customer's account stays invisible to them.
    const { prisma } = getDb();
    const draft = await prisma.invoice.create({ data: { accountId: legacy.id, month: '2026-09', scheme: 'LEGACY', currency: 'CNY', total: '0' } });
    expect(await getInvoice(customer, draft.id)).toBeNull();
    expect(await getInvoice(ops, draft.id)).not.toBeNull();
    expect((await listAccountInvoices(customer, legacy.id)).some((i) => i.id === draft.id)).toBe(false);
    expect((await listAccountInvoices(ops, legacy.id)).some((i) => i.id === draft.id)).toBe(true);
    expect(await listAccountInvoices(customer, current.id)).toEqual([]);
  });

  it('groups lines by app, charts the month, and exports CSV', async () => {
    const invoice = await getDb().prisma.invoice.findFirstOrThrow({ where: { accountId: legacy.id, month: '2026-10', status: 'ISSUED' } });
    const detail = (await getInvoice(customer, invoice.id))!;
    expect(detail.apps).toHaveLength(1);
    expect(detail.apps[0]).toMatchObject({ sdkAppId: String(legacy.apps[0]), subtotal: '1999.00' });
    expect(detail.plannedIssueDate).toBe('2026-11-03');
    const usage = await getInvoiceUsage(detail);
    expect(usage.map((s) => [s.metric, s.quota, s.days.length])).toEqual([
      ['dau', 10_000, 31],
      ['peakGroups', 100_000, 31],
    ]);
    expect(usage[0]!.days[19]).toEqual({ date: '2026-10-20', value: 12_655 });
    const csv = invoiceCsv(detail, 'en');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('invoice,status,month,currency,sdkAppId,app,code,description,edition,addon,from,to,quantity,unitPrice,amount,explanation');
    expect(lines[1]).toMatch(new RegExp(`^${detail.number},ISSUED,2026-10,CNY,${legacy.apps[0]},.*,PACKAGE,Package,PROFESSIONAL,,2026-10-15,2026-11-14,1,999,999.00,`));
    expect(lines.at(-1)).toMatch(/,TOTAL,Total,,,2026-10-01,2026-10-31,,,1999.00,$/);
    // The same invoice for a Chinese reader: descriptions and explanations rendered from the stored data.
    const zh = invoiceCsv(detail, 'zh').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(zh[0]).toBe('账单编号,状态,账期,币种,SDKAppID,应用,代码,项目,版本,增值服务,起始日,结束日,数量,单价,金额,计算说明');
    expect(zh[1]).toMatch(/,PACKAGE,套餐包,PROFESSIONAL,,2026-10-15,2026-11-14,1,999,999\.00,专业版周期 2026-10-15\.\.2026-11-14（锚定日 2026-10-15），整期预付：1 × 999$/);
    for (const line of zh.slice(1)) expect(line.split(',').slice(15).join(',').replace(/MAU|DAU|Mbps/g, '')).not.toMatch(/[A-Za-z]/);
  });
});
