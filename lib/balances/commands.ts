import 'server-only';
import Decimal from 'decimal.js';
import type { Actor } from '../auth/guard';
import { addDays } from '../billing/dates';
import type { Tx } from '../db/client';
import { auditActor, type AuditActor, writeAudit } from '../db/audit';
import { DomainError } from '../errors';
import {
  PAYMENT_TERM_DAYS,
  type AdjustmentInput,
  type Currency,
  type DueDateInput,
  type RecordPaymentInput,
  type RefundInput,
  type TopUpInput,
} from './schemas';

/**
 * The balance ledger (DOMAIN.md section 12). Every command that moves money of an account first
 * locks that account's row (FOR NO KEY UPDATE), then its invoices: one order everywhere, so a
 * top-up racing an issue or a credit note queues instead of deadlocking. The database keeps the
 * rules whatever this code does (migration 20261208600100_balances_credit_notes): entries are
 * append-only, a balance never goes below zero, an invoice is never paid beyond its total.
 */

export type MoneyActor = Pick<Actor, 'id' | 'email'> | AuditActor;

type LockedAccount = { id: number; currency: Currency; name: string };

/** Locks the account for a money change; its currencies are its own and those it was invoiced in. */
export async function lockAccountMoney(tx: Tx, accountId: number): Promise<LockedAccount> {
  const [account] = await tx.$queryRawUnsafe<LockedAccount[]>(
    `SELECT "id", "currency"::text AS "currency", "name" FROM "Account" WHERE "id" = $1 FOR NO KEY UPDATE`,
    accountId,
  );
  if (!account) throw new DomainError('not_found', 'error.account.notFound', { params: { accountId }, field: 'accountId' });
  return account;
}

async function refuseForeignCurrency(tx: Tx, account: LockedAccount, currency: Currency): Promise<void> {
  if (account.currency === currency) return;
  const [row] = await tx.$queryRawUnsafe<{ known: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM "Invoice" WHERE "accountId" = $1 AND "currency" = $2::"Currency")
         OR EXISTS (SELECT 1 FROM "AccountBalance" WHERE "accountId" = $1 AND "currency" = $2::"Currency") AS "known"`,
    account.id,
    currency,
  );
  if (!row?.known) {
    throw new DomainError('invalid', 'error.balance.currency', {
      params: { currency, accountId: account.id, accountCurrency: account.currency },
      field: 'currency',
    });
  }
}

export async function readBalance(tx: Tx, accountId: number, currency: Currency): Promise<Decimal> {
  const [row] = await tx.$queryRawUnsafe<{ balance: string }[]>(
    `SELECT "balance"::text AS "balance" FROM "AccountBalance" WHERE "accountId" = $1 AND "currency" = $2::"Currency"`,
    accountId,
    currency,
  );
  return new Decimal(row?.balance ?? '0');
}

type EntryInput = {
  accountId: number;
  currency: Currency;
  kind: 'TOP_UP' | 'DEDUCTION' | 'CREDIT' | 'REFUND' | 'ADJUSTMENT';
  amount: Decimal;
  invoiceId?: number;
  creditNoteId?: number;
  reference?: string;
  reason?: string;
};

/** Appends one entry; the database moves the balance and returns it. */
export async function appendEntry(tx: Tx, actor: MoneyActor | null, entry: EntryInput): Promise<{ id: string; balanceAfter: string }> {
  const [row] = await tx.$queryRawUnsafe<{ id: string; balanceAfter: string }[]>(
    `INSERT INTO "BalanceEntry" ("accountId", "currency", "kind", "amount", "balanceAfter", "invoiceId", "creditNoteId", "reference", "reason", "actorId")
     VALUES ($1, $2::"Currency", $3::"BalanceEntryKind", $4::numeric, 0, $5, $6, $7, $8, $9::uuid)
     RETURNING "id"::text AS "id", "balanceAfter"::text AS "balanceAfter"`,
    entry.accountId,
    entry.currency,
    entry.kind,
    entry.amount.toFixed(2),
    entry.invoiceId ?? null,
    entry.creditNoteId ?? null,
    entry.reference ?? null,
    entry.reason ?? null,
    actor?.id ?? null,
  );
  return row!;
}

export type Deduction = { invoiceId: number; number: string; amount: string };

/**
 * Spends the balance on the account's open invoices in that currency, `firstInvoiceId` first,
 * then the oldest issued. The caller holds the account's lock (lockAccountMoney).
 */
export async function settleOpenInvoices(
  tx: Tx,
  actor: MoneyActor,
  target: { accountId: number; currency: Currency; firstInvoiceId?: number },
): Promise<Deduction[]> {
  let balance = await readBalance(tx, target.accountId, target.currency);
  if (balance.lte(0)) return [];
  const open = await tx.$queryRawUnsafe<{ id: number; number: string; amountDue: string }[]>(
    `SELECT "id", "number", "amountDue"::text AS "amountDue" FROM "Invoice"
      WHERE "accountId" = $1 AND "currency" = $2::"Currency" AND "status" IN ('ISSUED', 'PARTIALLY_PAID') AND "amountDue" > 0
      ORDER BY ("id" = $3) DESC, "issuedAt", "id" FOR UPDATE`,
    target.accountId,
    target.currency,
    target.firstInvoiceId ?? -1,
  );
  const deductions: Deduction[] = [];
  for (const invoice of open) {
    if (balance.lte(0)) break;
    const amount = Decimal.min(balance, new Decimal(invoice.amountDue));
    const entry = await appendEntry(tx, actor, { accountId: target.accountId, currency: target.currency, kind: 'DEDUCTION', amount: amount.neg(), invoiceId: invoice.id });
    balance = balance.minus(amount);
    deductions.push({ invoiceId: invoice.id, number: invoice.number, amount: amount.toFixed(2) });
    await writeAudit(tx, auditActor(actor), {
      action: 'balance.deduct',
      entityType: 'Invoice',
      entityId: invoice.id,
      accountId: target.accountId,
      before: { amountDue: invoice.amountDue },
      after: { deducted: amount.toFixed(2), amountDue: new Decimal(invoice.amountDue).minus(amount).toFixed(2), entryId: entry.id, balanceAfter: entry.balanceAfter },
    });
  }
  return deductions;
}

/**
 * After invoices were issued (one, "issue all", or the scheduled issue): each account's balance
 * in the invoice's currency pays what it can, oldest invoice first. Only accounts holding a
 * positive balance are locked, so issuing a month costs one query when nobody prepaid.
 */
export async function applyBalancesAfterIssue(tx: Tx, actor: MoneyActor, invoiceIds: readonly number[]): Promise<Deduction[]> {
  if (invoiceIds.length === 0) return [];
  const holders = await tx.$queryRawUnsafe<{ accountId: number; currency: Currency }[]>(
    `SELECT DISTINCT b."accountId", b."currency"::text AS "currency"
       FROM "Invoice" i JOIN "AccountBalance" b ON b."accountId" = i."accountId" AND b."currency" = i."currency"
      WHERE i."id" = ANY($1::int[]) AND b."balance" > 0
      ORDER BY b."accountId", 2`,
    [...invoiceIds],
  );
  const all: Deduction[] = [];
  for (const holder of holders) {
    await lockAccountMoney(tx, holder.accountId);
    all.push(...(await settleOpenInvoices(tx, actor, holder)));
  }
  return all;
}

/** The due date of an invoice issued on `issueDay`. */
export function defaultDueDate(issueDay: string): string {
  return addDays(issueDay, PAYMENT_TERM_DAYS);
}

export type MoneyResult = { entryId: string; balance: string; deductions: Deduction[] };

export async function recordTopUp(tx: Tx, actor: MoneyActor, input: TopUpInput): Promise<MoneyResult> {
  const account = await lockAccountMoney(tx, input.accountId);
  await refuseForeignCurrency(tx, account, input.currency);
  const amount = new Decimal(input.amount);
  const entry = await appendEntry(tx, actor, { accountId: account.id, currency: input.currency, kind: 'TOP_UP', amount, reference: input.reference });
  await writeAudit(tx, auditActor(actor), {
    action: 'balance.top_up',
    entityType: 'Account',
    entityId: account.id,
    accountId: account.id,
    after: { currency: input.currency, amount: amount.toFixed(2), reference: input.reference, entryId: entry.id, balanceAfter: entry.balanceAfter },
  });
  const deductions = await settleOpenInvoices(tx, actor, { accountId: account.id, currency: input.currency });
  return { entryId: entry.id, balance: (await readBalance(tx, account.id, input.currency)).toFixed(2), deductions };
}

export async function recordRefund(tx: Tx, actor: MoneyActor, input: RefundInput): Promise<MoneyResult> {
  const account = await lockAccountMoney(tx, input.accountId);
  await refuseForeignCurrency(tx, account, input.currency);
  const amount = new Decimal(input.amount);
  const balance = await readBalance(tx, account.id, input.currency);
  if (amount.gt(balance)) {
    throw new DomainError('invalid', 'error.balance.refundOver', { params: { amount: amount.toFixed(2), currency: input.currency, balance: balance.toFixed(2) }, field: 'amount' });
  }
  const entry = await appendEntry(tx, actor, { accountId: account.id, currency: input.currency, kind: 'REFUND', amount: amount.neg(), reference: input.reference, reason: input.reason });
  await writeAudit(tx, auditActor(actor), {
    action: 'balance.refund',
    entityType: 'Account',
    entityId: account.id,
    accountId: account.id,
    before: { balance: balance.toFixed(2) },
    after: { currency: input.currency, amount: amount.toFixed(2), reference: input.reference, reason: input.reason ?? null, entryId: entry.id, balanceAfter: entry.balanceAfter },
  });
  return { entryId: entry.id, balance: entry.balanceAfter, deductions: [] };
}

export async function recordAdjustment(tx: Tx, actor: MoneyActor, input: AdjustmentInput): Promise<MoneyResult> {
  const account = await lockAccountMoney(tx, input.accountId);
  await refuseForeignCurrency(tx, account, input.currency);
  const amount = new Decimal(input.amount);
  const balance = await readBalance(tx, account.id, input.currency);
  if (balance.plus(amount).lt(0)) {
    throw new DomainError('invalid', 'error.balance.belowZero', { params: { amount: amount.toFixed(2), currency: input.currency, balance: balance.toFixed(2) }, field: 'amount' });
  }
  const entry = await appendEntry(tx, actor, { accountId: account.id, currency: input.currency, kind: 'ADJUSTMENT', amount, reason: input.reason });
  await writeAudit(tx, auditActor(actor), {
    action: 'balance.adjust',
    entityType: 'Account',
    entityId: account.id,
    accountId: account.id,
    before: { balance: balance.toFixed(2) },
    after: { currency: input.currency, amount: amount.toFixed(2), reason: input.reason, entryId: entry.id, balanceAfter: entry.balanceAfter },
  });
  const deductions = amount.gt(0) ? await settleOpenInvoices(tx, actor, { accountId: account.id, currency: input.currency }) : [];
  return { entryId: entry.id, balance: (await readBalance(tx, account.id, input.currency)).toFixed(2), deductions };
}

type PayableInvoice = { id: number; accountId: number; currency: Currency; status: string; number: string | null; amountDue: string };

async function payableInvoice(tx: Tx, invoiceId: number, lock: boolean): Promise<PayableInvoice> {
  const [invoice] = await tx.$queryRawUnsafe<PayableInvoice[]>(
    `SELECT "id", "accountId", "currency"::text AS "currency", "status"::text AS "status", "number", "amountDue"::text AS "amountDue"
       FROM "Invoice" WHERE "id" = $1 ${lock ? 'FOR UPDATE' : ''}`,
    invoiceId,
  );
  if (!invoice) throw new DomainError('not_found', 'error.invoice.notFound', { params: { id: invoiceId }, field: 'invoiceId' });
  return invoice;
}

/**
 * "Record a payment" (what "mark paid" was): money received for one invoice, recorded as a
 * TOP_UP that pays that invoice first; what exceeds its amount due pays the account's other
 * open invoices, oldest first, and the rest stays on the balance.
 */
export async function recordPayment(tx: Tx, actor: MoneyActor, input: RecordPaymentInput): Promise<MoneyResult> {
  const seen = await payableInvoice(tx, input.invoiceId, false);
  await lockAccountMoney(tx, seen.accountId);
  const invoice = await payableInvoice(tx, input.invoiceId, true);
  if (invoice.status !== 'ISSUED' && invoice.status !== 'PARTIALLY_PAID') {
    throw new DomainError('conflict', 'error.payment.notPayable', { params: { invoice: invoice.number ?? `draft #${invoice.id}`, status: invoice.status }, field: 'invoiceId' });
  }
  const amount = new Decimal(input.amount);
  const entry = await appendEntry(tx, actor, { accountId: invoice.accountId, currency: invoice.currency, kind: 'TOP_UP', amount, reference: input.reference });
  await writeAudit(tx, auditActor(actor), {
    action: 'invoice.payment',
    entityType: 'Invoice',
    entityId: invoice.id,
    accountId: invoice.accountId,
    before: { status: invoice.status, amountDue: invoice.amountDue },
    after: { currency: invoice.currency, amount: amount.toFixed(2), reference: input.reference, entryId: entry.id },
  });
  const deductions = await settleOpenInvoices(tx, actor, { accountId: invoice.accountId, currency: invoice.currency, firstInvoiceId: invoice.id });
  return { entryId: entry.id, balance: (await readBalance(tx, invoice.accountId, invoice.currency)).toFixed(2), deductions };
}

export async function setDueDate(tx: Tx, actor: MoneyActor, input: DueDateInput): Promise<void> {
  const invoice = await payableInvoice(tx, input.invoiceId, true);
  if (invoice.status === 'DRAFT' || invoice.status === 'VOID') {
    throw new DomainError('conflict', 'error.invoice.noDueDate', { params: { invoice: invoice.number ?? `draft #${invoice.id}`, status: invoice.status }, field: 'invoiceId' });
  }
  const [before] = await tx.$queryRawUnsafe<{ dueDate: string }[]>(
    `UPDATE "Invoice" n SET "dueDate" = $2::date FROM "Invoice" o WHERE n."id" = $1 AND o."id" = n."id" RETURNING to_char(o."dueDate", 'YYYY-MM-DD') AS "dueDate"`,
    invoice.id,
    input.dueDate,
  );
  await writeAudit(tx, auditActor(actor), {
    action: 'invoice.due_date',
    entityType: 'Invoice',
    entityId: invoice.id,
    accountId: invoice.accountId,
    before: { dueDate: before?.dueDate ?? null },
    after: { dueDate: input.dueDate },
  });
}
