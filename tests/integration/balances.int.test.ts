import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/guard';
import { recordAdjustment, recordPayment, recordRefund, recordTopUp } from '../../lib/balances/commands';
import { topUpSchema } from '../../lib/balances/schemas';
import { runBillingMonth } from '../../lib/billing-runs/commands';
import { issueCreditNote, previewCreditNote } from '../../lib/credit-notes/commands';
import { creditNoteDraftSchema, draftFromForm, type CreditNoteDraft } from '../../lib/credit-notes/schemas';
import type { Tx } from '../../lib/db/client';
import { DomainError } from '../../lib/errors';
import { issueInvoice, voidInvoice } from '../../lib/invoices/commands';
import { createAccount, createUser, daysOf, insertPriceBooks, seedUsage } from './billing-helpers';
import { onPostgres, useTestDatabase } from './db';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Decimal from 'decimal.js';
import { agingCsv } from '../../lib/balances/aging-csv';
import { getAging, getCreditNote, getInvoiceMoney, listOpenInvoices } from '../../lib/balances/queries';
import { getInvoice } from '../../lib/invoices/queries';
import { creditNotePdf, invoicePdf } from '../../lib/pdf/documents';

const getDb = useTestDatabase();
const TODAY = '2026-11-23';
let ops: Actor;

function tx<T>(fn: (t: Tx) => Promise<T>): Promise<T> {
  return getDb().prisma.$transaction(fn, { timeout: 120_000, maxWait: 120_000 });
}

/** A legacy account with a Professional app and usage over the DAU quota: a draft for 2026-10 of 999 + overage. */
async function legacyDraft(): Promise<{ accountId: number; invoiceId: number; total: string }> {
  const account = await createAccount(getDb(), { scheme: 'LEGACY', apps: [{ events: [{ date: '2026-09-15', edition: 'PROFESSIONAL' }] }] });
  await seedUsage(getDb(), account.apps[0]!, daysOf('2026-10', (date) => ({ dau: date === '2026-10-20' ? 25_310 : 8_000, peakGroups: 1_000 })));
  await runBillingMonth('2026-10', { id: ops.id, label: ops.email }, { today: TODAY });
  const draft = await getDb().prisma.invoice.findFirstOrThrow({ where: { accountId: account.id, month: '2026-10', status: 'DRAFT' } });
  return { accountId: account.id, invoiceId: draft.id, total: draft.total.toFixed(2) };
}

async function issued(): Promise<{ accountId: number; invoiceId: number; total: string }> {
  const d = await legacyDraft();
  await tx((t) => issueInvoice(t, ops, { id: d.invoiceId }, { today: TODAY }));
  return d;
}

async function invoiceRow(id: number) {
  const i = await getDb().prisma.invoice.findUniqueOrThrow({ where: { id } });
  return { status: i.status, paid: i.paidAmount.toFixed(2), credited: i.creditedAmount.toFixed(2), due: i.amountDue.toFixed(2), dueDate: i.dueDate?.toISOString().slice(0, 10) ?? null };
}

async function balanceOf(accountId: number, currency: 'CNY' | 'USD' = 'CNY'): Promise<string> {
  const b = await getDb().prisma.accountBalance.findUnique({ where: { accountId_currency: { accountId, currency } } });
  return b?.balance.toFixed(2) ?? '0.00';
}

async function counts() {
  const { prisma } = getDb();
  return { entries: await prisma.balanceEntry.count(), notes: await prisma.creditNote.count(), audit: await prisma.auditLog.count() };
}

/** Expects a DomainError naming `field`, and nothing written. */
async function refused(run: () => Promise<unknown>, field: string, message: RegExp): Promise<void> {
  const before = await counts();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).field).toBe(field);
  expect((error as DomainError).message).toMatch(message);
  expect(await counts()).toEqual(before);
}

function draft(invoiceId: number, partial: Partial<CreditNoteDraft> = {}): CreditNoteDraft {
  return { invoiceId, mode: 'lines', reason: 'WRONG_USAGE', text: 'DAU double counted on 10-20', remainderTo: 'CREDIT', lines: [], ...partial };
}

beforeAll(async () => {
  await insertPriceBooks(getDb());
  ops = await createUser(getDb(), 'OPS');
});

describe('balance, deductions and payments', () => {
  it('a top-up is spent by the next issue; the invoice is partly paid with a due date 15 days on', async () => {
    const d = await legacyDraft();
    expect(Number(d.total)).toBeGreaterThan(1000);
    await tx((t) => recordTopUp(t, ops, { accountId: d.accountId, currency: 'CNY', amount: '500.00', reference: 'BANK-1' }));
    expect(await balanceOf(d.accountId)).toBe('500.00');
    await tx((t) => issueInvoice(t, ops, { id: d.invoiceId }, { today: TODAY }));
    const row = await invoiceRow(d.invoiceId);
    expect(row).toMatchObject({ status: 'PARTIALLY_PAID', paid: '500.00', credited: '0.00', dueDate: '2026-12-08' });
    expect(row.due).toBe((Number(d.total) - 500).toFixed(2));
    expect(await balanceOf(d.accountId)).toBe('0.00');
    // A payment recorded for it pays it off; the excess stays on the balance.
    await tx((t) => recordPayment(t, ops, { invoiceId: d.invoiceId, amount: '5000', reference: 'BANK-2' }));
    expect(await invoiceRow(d.invoiceId)).toMatchObject({ status: 'PAID', due: '0.00' });
    expect(await balanceOf(d.accountId)).toBe((5500 - Number(d.total)).toFixed(2));
    const entries = await getDb().prisma.balanceEntry.findMany({ where: { accountId: d.accountId }, orderBy: { id: 'asc' } });
    expect(entries.map((e) => [e.kind, e.amount.toFixed(2)])).toEqual([
      ['TOP_UP', '500.00'],
      ['DEDUCTION', '-500.00'],
      ['TOP_UP', '5000.00'],
      ['DEDUCTION', (500 - Number(d.total)).toFixed(2)],
    ]);
    expect(entries.at(-1)!.balanceAfter.toFixed(2)).toBe(await balanceOf(d.accountId));
    // Paid: it cannot be voided, by the command or by SQL.
    await expect(tx((t) => voidInvoice(t, ops, { id: d.invoiceId, reason: 'wrong month' }))).rejects.toThrow(/payments or credit notes/);
    await expect(
      getDb().prisma.invoice.update({ where: { id: d.invoiceId }, data: { status: 'VOID', voidedAt: new Date(), voidReason: 'by hand' } }),
    ).rejects.toThrow(/cannot be voided/);
    // The ledger is append-only and the balance row is the database's.
    await expect(getDb().prisma.balanceEntry.update({ where: { id: entries[0]!.id }, data: { amount: '1.00' } })).rejects.toThrow(/append-only/);
    await expect(getDb().prisma.balanceEntry.delete({ where: { id: entries[0]!.id } })).rejects.toThrow(/append-only/);
    await expect(
      getDb().prisma.accountBalance.update({ where: { accountId_currency: { accountId: d.accountId, currency: 'CNY' } }, data: { balance: '100000' } }),
    ).rejects.toThrow(/sum of its entries/);
    // Its status follows the money, not what is written.
    await expect(getDb().prisma.invoice.update({ where: { id: d.invoiceId }, data: { status: 'ISSUED' } })).rejects.toThrow(/follows its payments/);
  });

  it('a top-up pays the oldest open invoices first', async () => {
    const account = await createAccount(getDb(), { scheme: 'CURRENT', apps: [{ events: [{ date: '2026-08-01', edition: 'STANDARD' }] }] });
    await runBillingMonth('2026-09', { id: ops.id, label: ops.email }, { today: TODAY });
    await runBillingMonth('2026-10', { id: ops.id, label: ops.email }, { today: TODAY });
    const drafts = await getDb().prisma.invoice.findMany({ where: { accountId: account.id, status: 'DRAFT' }, orderBy: { month: 'asc' } });
    expect(drafts.map((i) => i.month)).toEqual(['2026-09', '2026-10']);
    for (const i of drafts) await tx((t) => issueInvoice(t, ops, { id: i.id }, { today: TODAY }));
    await tx((t) => recordTopUp(t, ops, { accountId: account.id, currency: 'USD', amount: '500', reference: 'WIRE-9' }));
    expect(await invoiceRow(drafts[0]!.id)).toMatchObject({ status: 'PAID', due: '0.00' });
    expect(await invoiceRow(drafts[1]!.id)).toMatchObject({ status: 'PARTIALLY_PAID', paid: '101.00', due: '298.00' });
    expect(await balanceOf(account.id, 'USD')).toBe('0.00');
  });
});

describe('credit notes', () => {
  it('credits part of one line: lowers the amount due first, numbered CN-2026-000001, immutable', async () => {
    const d = await issued();
    const lines = await getDb().prisma.invoiceLine.findMany({ where: { invoiceId: d.invoiceId }, orderBy: { position: 'asc' } });
    const preview = await tx((t) => previewCreditNote(t, draft(d.invoiceId, { lines: [{ position: 1, amount: '100.00' }] })));
    expect(preview).toMatchObject({ total: '100.00', appliedToDue: '100.00', remainder: '0.00', amountDueBefore: d.total });
    const note = await tx((t) => issueCreditNote(t, ops, draft(d.invoiceId, { lines: [{ position: 1, amount: '100.00' }] }), { digest: preview.digest, today: TODAY }));
    expect(note.number).toBe('CN-2026-000001');
    expect(await invoiceRow(d.invoiceId)).toMatchObject({ status: 'PARTIALLY_PAID', credited: '100.00', due: (Number(d.total) - 100).toFixed(2) });
    // A stale preview is refused; so is any change to the issued note.
    await refused(() => tx((t) => issueCreditNote(t, ops, draft(d.invoiceId, { lines: [{ position: 1, amount: '100.00' }] }), { digest: preview.digest, today: TODAY })), 'digest', /out of date/);
    await expect(getDb().prisma.creditNote.update({ where: { id: note.id }, data: { text: 'changed' } })).rejects.toThrow(/append-only/);
    await expect(getDb().prisma.creditNoteLine.create({ data: { creditNoteId: note.id, position: 2, amount: '1.00' } })).rejects.toThrow(/can never change/);
    // The whole invoice: everything left, beyond the amount due going to the balance.
    await tx((t) => recordPayment(t, ops, { invoiceId: d.invoiceId, amount: '300', reference: 'PART' }));
    const whole = await tx((t) => issueCreditNote(t, ops, draft(d.invoiceId, { mode: 'whole', reason: 'DUPLICATE' }), { today: TODAY }));
    expect(whole.preview.total).toBe((Number(d.total) - 100).toFixed(2));
    expect(whole.preview.remainder).toBe('300.00');
    expect(await invoiceRow(d.invoiceId)).toMatchObject({ status: 'PAID', credited: d.total, due: '0.00' });
    expect(await balanceOf(d.accountId)).toBe('300.00');
    expect(lines.length).toBeGreaterThan(0);
    await refused(() => tx((t) => previewCreditNote(t, draft(d.invoiceId, { mode: 'whole' }))), 'mode', /credited in full/);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const d = await issued();
    const line = await getDb().prisma.invoiceLine.findFirstOrThrow({ where: { invoiceId: d.invoiceId, position: 1 } });
    await refused(
      () => tx((t) => issueCreditNote(t, ops, draft(d.invoiceId, { lines: [{ position: 1, amount: line.amount.plus(1).toFixed(2) }] }), { today: TODAY })),
      'line_1',
      /more than the .* still uncredited/,
    );
    const other = await legacyDraft();
    await refused(() => tx((t) => issueCreditNote(t, ops, draft(other.invoiceId, { lines: [{ position: 1, amount: '1' }] }), { today: TODAY })), 'invoiceId', /DRAFT/);
    await tx((t) => issueInvoice(t, ops, { id: other.invoiceId }, { today: TODAY }));
    await tx((t) => voidInvoice(t, ops, { id: other.invoiceId, reason: 'issued by mistake' }));
    await refused(() => tx((t) => issueCreditNote(t, ops, draft(other.invoiceId, { lines: [{ position: 1, amount: '1' }] }), { today: TODAY })), 'invoiceId', /VOID/);
    // Top-ups, refunds, a second currency.
    const negative = topUpSchema.safeParse({ accountId: d.accountId, currency: 'CNY', amount: '-5', reference: 'X1' });
    expect(negative.success).toBe(false);
    expect(negative.error!.issues[0]!.path).toEqual(['amount']);
    await refused(() => tx((t) => recordRefund(t, ops, { accountId: d.accountId, currency: 'CNY', amount: '10', reference: 'R-1' })), 'amount', /more than the CNY balance of 0.00/);
    await refused(() => tx((t) => recordTopUp(t, ops, { accountId: d.accountId, currency: 'USD', amount: '10', reference: 'W-1' })), 'currency', /not one account .* is billed in/);
    await refused(() => tx((t) => recordAdjustment(t, ops, { accountId: d.accountId, currency: 'CNY', amount: '-1', reason: 'rounding' })), 'amount', /below zero/);
    // The form parser names each line's field.
    const parsed = creditNoteDraftSchema.safeParse(draftFromForm({ invoiceId: String(d.invoiceId), mode: 'lines', reason: 'OTHER', text: 'abc', remainderTo: 'CREDIT', line_2: '-3' }));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toContain('line_2');
    // The database refuses what the commands would have, also when called without them.
    await expect(
      getDb().prisma.$executeRawUnsafe(`INSERT INTO "BalanceEntry" ("accountId", "currency", "kind", "amount", "balanceAfter", "reference") VALUES ($1, 'CNY', 'REFUND', -10, 0, 'raw')`, d.accountId),
    ).rejects.toThrow(/below zero/);
  });
});

describe('races', () => {
  it('50 parallel credit notes over one line never credit more than it', async () => {
    const d = await issued();
    const line = await getDb().prisma.invoiceLine.findFirstOrThrow({ where: { invoiceId: d.invoiceId, position: 1 } });
    const invoice = await getDb().prisma.invoice.findUniqueOrThrow({ where: { id: d.invoiceId } });
    // Each writes, bypassing the command's checks, a credit note for 30% of the line: only three fit.
    const share = line.amount.mul(0.3).toDecimalPlaces(2);
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        tx(async (t) => {
          const [row] = await t.$queryRawUnsafe<{ id: number }[]>(
            `INSERT INTO "CreditNote" ("number", "invoiceId", "accountId", "currency", "reason", "text", "total", "appliedToDue", "remainder", "remainderTo")
             SELECT $1, i."id", i."accountId", i."currency", 'OTHER', 'race', $2::numeric, LEAST($2::numeric, i."amountDue"), $2::numeric - LEAST($2::numeric, i."amountDue"), 'CREDIT'
               FROM "Invoice" i WHERE i."id" = $3 RETURNING "id"`,
            `CN-2099-${String(i + 1).padStart(6, '0')}`,
            share.toFixed(2),
            invoice.id,
          );
          await t.$executeRawUnsafe(`INSERT INTO "CreditNoteLine" ("creditNoteId", "position", "amount") VALUES ($1, 1, $2::numeric)`, row!.id, share.toFixed(2));
        }),
      ),
    );
    const ok = attempts.filter((a) => a.status === 'fulfilled').length;
    expect(ok).toBe(3);
    for (const a of attempts) if (a.status === 'rejected') expect(String(a.reason)).toMatch(/would be credited|more than its total/);
    const credited = await getDb().prisma.creditNoteLine.aggregate({ where: { creditNote: { invoiceId: d.invoiceId } }, _sum: { amount: true } });
    expect(credited._sum.amount!.lte(line.amount)).toBe(true);
    expect((await invoiceRow(d.invoiceId)).credited).toBe(share.mul(3).toFixed(2));
  });

  it('50 parallel credit-note issues get gapless numbers and never credit more than the total', async () => {
    const d = await issued();
    const before = await getDb().prisma.creditNoteNumberCounter.findUnique({ where: { year: 2026 } });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => tx((t) => issueCreditNote(t, ops, draft(d.invoiceId, { lines: [{ position: 1, amount: '25.00' }] }), { today: TODAY }))),
    );
    const line = await getDb().prisma.invoiceLine.findFirstOrThrow({ where: { invoiceId: d.invoiceId, position: 1 } });
    const fits = Math.min(50, Math.floor(Number(line.amount.toFixed(2)) / 25));
    const numbers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.number] : [])).sort();
    expect(numbers).toHaveLength(fits);
    const first = (before?.last ?? 0) + 1;
    expect(numbers).toEqual(Array.from({ length: fits }, (_, i) => `CN-2026-${String(first + i).padStart(6, '0')}`));
    for (const r of results) if (r.status === 'rejected') expect((r.reason as DomainError).field).toBe('line_1');
    expect((await invoiceRow(d.invoiceId)).credited).toBe((25 * fits).toFixed(2));
  });

  it('a top-up racing an issue never pays twice', async () => {
    for (let round = 0; round < (onPostgres ? 5 : 2); round++) {
      const d = await legacyDraft();
      await Promise.all([
        tx((t) => issueInvoice(t, ops, { id: d.invoiceId }, { today: TODAY })),
        tx((t) => recordTopUp(t, ops, { accountId: d.accountId, currency: 'CNY', amount: '700', reference: `RACE-${round}` })),
        tx((t) => recordTopUp(t, ops, { accountId: d.accountId, currency: 'CNY', amount: '600', reference: `RACE-${round}b` })),
      ]);
      const row = await invoiceRow(d.invoiceId);
      const paid = Math.min(1300, Number(d.total));
      expect(row.paid).toBe(paid.toFixed(2));
      expect(await balanceOf(d.accountId)).toBe((1300 - paid).toFixed(2));
      const sum = await getDb().prisma.balanceEntry.aggregate({ where: { accountId: d.accountId }, _sum: { amount: true } });
      expect(sum._sum.amount!.toFixed(2)).toBe(await balanceOf(d.accountId));
    }
  });
});

/** The text pdftotext (poppler-utils) reads out of a PDF. */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'h6-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('documents and receivables', () => {
  it('renders the invoice and its credit note as PDFs with the number, the total and Chinese text', async () => {
    const d = await issued();
    await tx((t) => recordPayment(t, ops, { invoiceId: d.invoiceId, amount: '200', reference: 'PDF-1' }));
    const note = await tx((t) => issueCreditNote(t, ops, draft(d.invoiceId, { lines: [{ position: 1, amount: '50.00' }], text: '10月20日 DAU 重复计算' }), { today: TODAY }));
    const invoice = (await getInvoice(ops, d.invoiceId))!;
    const money = await getInvoiceMoney(ops, d.invoiceId, TODAY);
    const zh = pdfText(await invoicePdf(invoice, money, 'zh'));
    expect(zh).toContain(invoice.number!);
    expect(zh).toContain(Number(d.total).toLocaleString('en-US', { minimumFractionDigits: 2 }));
    expect(zh).toMatch(/账单/);
    expect(zh).toMatch(/部分付款/);
    expect(zh).toContain(note.number);
    const en = pdfText(await invoicePdf(invoice, money, 'en'));
    expect(en).toMatch(/Invoice/);
    expect(en).toMatch(/Amount due/);
    const cn = (await getCreditNote(ops, note.id))!;
    const cnZh = pdfText(await creditNotePdf(cn, invoice, 'zh'));
    expect(cnZh).toContain(note.number);
    expect(cnZh).toContain(invoice.number!);
    expect(cnZh).toMatch(/红字发票/);
    expect(cnZh).toContain('10月20日 DAU 重复计算');
    expect(cnZh).toMatch(/50\.00/);
  });

  it('the aging totals equal the sum of the open amounts due, per currency and bucket', async () => {
    const { prisma } = getDb();
    // Some open invoices overdue by various days: due dates moved back by ops.
    const open = await prisma.invoice.findMany({ where: { status: { in: ['ISSUED', 'PARTIALLY_PAID'] }, amountDue: { gt: 0 } }, orderBy: { id: 'asc' } });
    expect(open.length).toBeGreaterThan(2);
    const { setDueDate } = await import('../../lib/balances/commands');
    const shifts = ['2026-11-20', '2026-10-01', '2026-08-01', '2026-07-01'];
    for (const [i, invoice] of open.slice(0, shifts.length).entries()) await tx((t) => setDueDate(t, ops, { invoiceId: invoice.id, dueDate: shifts[i]! }));
    const aging = await getAging(TODAY);
    const rows = await listOpenInvoices(TODAY);
    const sums = await prisma.invoice.groupBy({ by: ['currency'], where: { status: { in: ['ISSUED', 'PARTIALLY_PAID'] }, amountDue: { gt: 0 } }, _sum: { amountDue: true }, _count: true });
    for (const s of sums) {
      const a = aging.find((x) => x.currency === s.currency)!;
      expect(a.total).toBe(s._sum.amountDue!.toFixed(2));
      expect(a.invoices).toBe(s._count);
      const buckets = [a.current, a.d1_30, a.d31_60, a.d61_90, a.d90plus].reduce((sum, v) => sum.plus(v), new Decimal(0));
      expect(buckets.toFixed(2)).toBe(s._sum.amountDue!.toFixed(2));
    }
    expect(aging.flatMap((a) => [a.d1_30, a.d31_60, a.d90plus]).some((v) => new Decimal(v).gt(0))).toBe(true);
    expect(rows).toHaveLength(sums.reduce((n, s) => n + s._count, 0));
    const csv = agingCsv(aging, rows);
    expect(csv.split('\r\n').filter((l) => l.startsWith('invoice,'))).toHaveLength(rows.length);
  });
});
