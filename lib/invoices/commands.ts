import 'server-only';
import type { Actor } from '../auth/guard';
import { monthBounds } from '../billing/dates';
import { rateAccounts, writeDrafts } from '../billing-runs/drafts';
import { prismaSql, writeAuditSql } from '../db/sql';
import { today as clockToday } from '../clock';
import type { Tx } from '../db/client';
import { auditActor, writeAudit, type AuditActor } from '../db/audit';
import { runningRunProgress } from '../billing-runs/progress';
import { DomainError } from '../errors';
import { applyBalancesAfterIssue, defaultDueDate, lockAccountMoney } from '../balances/commands';
import { loadAccountInputs, loadPriceBooks } from '../rating/inputs';
import type { InvoiceRef, IssueMonthInput, VoidInvoiceInput } from './schemas';

/**
 * The invoice lifecycle (DOMAIN.md sections 8 and 12): DRAFT -> ISSUED (gapless number per year,
 * due date) -> PARTIALLY_PAID -> PAID as deductions and credit notes lower its amount due (the
 * database derives the status), or VOID with a reason while nothing was deducted or credited; a correction is a new draft naming the void invoice. The
 * database triggers make an issued invoice's amounts and lines immutable whatever the code does.
 */

type LockedInvoice = { id: number; accountId: number; month: string; status: 'DRAFT' | 'ISSUED' | 'PARTIALLY_PAID' | 'PAID' | 'VOID'; number: string | null; total: string };

async function lockInvoice(tx: Tx, id: number): Promise<LockedInvoice> {
  const [invoice] = await tx.$queryRawUnsafe<LockedInvoice[]>(
    `SELECT "id", "accountId", "month", "status"::text AS "status", "number", "total"::text AS "total" FROM "Invoice" WHERE "id" = $1 FOR UPDATE`,
    id,
  );
  if (!invoice) throw new DomainError('not_found', 'error.invoice.notFound', { params: { id }, field: 'id' });
  return invoice;
}

function label(invoice: Pick<LockedInvoice, 'id' | 'number'>): string {
  return invoice.number ?? `draft #${invoice.id}`;
}

async function refuseWhileRunning(tx: Tx, month: string): Promise<void> {
  const running = await runningRunProgress(tx, month);
  if (running) {
    const key = running.stalled ? 'error.invoice.runStopped' : running.resumed ? 'error.invoice.runResumed' : 'error.invoice.runRunning';
    const params = { runId: running.id, month, done: running.shardsDone, shards: running.shards, at: running.lastProgressAt.toISOString() };
    throw new DomainError('conflict', key, { params, field: 'month' });
  }
}

/**
 * Takes `count` consecutive numbers of `year`. The UPDATE holds the counter row's lock until
 * the transaction ends, so concurrent issuers queue here and a rolled-back issue gives its
 * numbers back: per year the numbers have no gap and no repeat.
 */
export async function allocateInvoiceNumbers(tx: Tx, year: number, count: number): Promise<string[]> {
  await tx.$executeRawUnsafe(`INSERT INTO "InvoiceNumberCounter" ("year", "last") VALUES ($1, 0) ON CONFLICT ("year") DO NOTHING`, year);
  const [row] = await tx.$queryRawUnsafe<{ last: number }[]>(
    `UPDATE "InvoiceNumberCounter" SET "last" = "last" + $2 WHERE "year" = $1 RETURNING "last"`,
    year,
    count,
  );
  const last = row!.last;
  if (last > 999_999) throw new DomainError('conflict', 'error.invoice.numbersExhausted', { params: { year } });
  return Array.from({ length: count }, (_, i) => `INV-${year}-${String(last - count + 1 + i).padStart(6, '0')}`);
}

export type IssueOptions = {
  today?: string;
  /** Leave the drafts of accounts on hold (the billing calendar's holds); true unless said otherwise. */
  exceptHeld?: boolean;
};

function issueYear(options: IssueOptions): number {
  return Number((options.today ?? clockToday()).slice(0, 4));
}

function issueDueDate(options: IssueOptions): string {
  return defaultDueDate(options.today ?? clockToday());
}

/** The account an invoice belongs to, read without a lock: money commands lock the account first. */
async function accountOfInvoice(tx: Tx, id: number): Promise<number> {
  const found = await tx.invoice.findUnique({ where: { id }, select: { accountId: true } });
  if (!found) throw new DomainError('not_found', 'error.invoice.notFound', { params: { id }, field: 'id' });
  return found.accountId;
}

/**
 * Issues one draft: its number, its due date (issue day + 15), and then the account's balance in
 * its currency pays what it can (DOMAIN.md section 12).
 */
export async function issueInvoice(tx: Tx, actor: Actor, input: InvoiceRef, options: IssueOptions = {}): Promise<{ id: number; number: string }> {
  await lockAccountMoney(tx, await accountOfInvoice(tx, input.id));
  const invoice = await lockInvoice(tx, input.id);
  if (invoice.status !== 'DRAFT') {
    throw new DomainError('conflict', 'error.invoice.notDraft', { params: { invoice: label(invoice), status: invoice.status }, field: 'id' });
  }
  await refuseWhileRunning(tx, invoice.month);
  const [number] = await allocateInvoiceNumbers(tx, issueYear(options), 1);
  const dueDate = issueDueDate(options);
  const issued = await tx.invoice.update({
    where: { id: invoice.id },
    data: { status: 'ISSUED', number: number!, issuedAt: new Date(), dueDate: new Date(`${dueDate}T00:00:00Z`) },
    select: { issuedAt: true },
  });
  await writeAudit(tx, auditActor(actor), {
    action: 'invoice.issue',
    entityType: 'Invoice',
    entityId: invoice.id,
    accountId: invoice.accountId,
    before: { status: 'DRAFT', total: invoice.total },
    after: { status: 'ISSUED', number, issuedAt: issued.issuedAt, dueDate },
  });
  await applyBalancesAfterIssue(tx, actor, [invoice.id]);
  return { id: invoice.id, number: number! };
}

/**
 * Issues every draft of the month at once, numbered in account order, in one transaction, but
 * those of accounts on hold. The calendar issues as `system:calendar` (an AuditActor).
 */
export async function issueMonthDrafts(tx: Tx, actor: Actor | AuditActor, input: IssueMonthInput, options: IssueOptions = {}): Promise<{ issued: number; first: string | null; last: string | null }> {
  await refuseWhileRunning(tx, input.month);
  const drafts = await tx.$queryRawUnsafe<{ id: number; accountId: number; total: string }[]>(
    `SELECT i."id", i."accountId", i."total"::text AS "total" FROM "Invoice" i
      WHERE i."month" = $1 AND i."status" = 'DRAFT'
        AND NOT ($2::boolean AND EXISTS (SELECT 1 FROM "BillingHold" h WHERE h."accountId" = i."accountId"))
      ORDER BY i."accountId", i."id" FOR UPDATE OF i`,
    input.month,
    options.exceptHeld ?? true,
  );
  if (drafts.length === 0) throw new DomainError('conflict', 'error.invoice.noDrafts', { params: { month: input.month }, field: 'month' });
  const numbers = await allocateInvoiceNumbers(tx, issueYear(options), drafts.length);
  const issuedAt = new Date();
  const dueDate = issueDueDate(options);
  await tx.$executeRawUnsafe(
    `UPDATE "Invoice" i SET "status" = 'ISSUED', "number" = u."number", "issuedAt" = $3, "dueDate" = $4::date
       FROM unnest($1::int[], $2::text[]) AS u("id", "number") WHERE i."id" = u."id"`,
    drafts.map((d) => d.id),
    numbers,
    issuedAt,
    dueDate,
  );
  const who = auditActor(actor);
  await writeAuditSql(
    prismaSql(tx),
    who,
    drafts.map((d, i) => ({
      action: 'invoice.issue',
      entityType: 'Invoice',
      entityId: String(d.id),
      accountId: d.accountId,
      before: { status: 'DRAFT', total: d.total },
      after: { status: 'ISSUED', number: numbers[i], issuedAt: issuedAt.toISOString(), dueDate, bulk: input.month },
    })),
  );
  await applyBalancesAfterIssue(tx, actor, drafts.map((d) => d.id));
  return { issued: drafts.length, first: numbers[0] ?? null, last: numbers[numbers.length - 1] ?? null };
}

export async function voidInvoice(tx: Tx, actor: Actor, input: VoidInvoiceInput): Promise<void> {
  const invoice = await lockInvoice(tx, input.id);
  const [money] = await tx.$queryRawUnsafe<{ entries: number; notes: number }[]>(
    `SELECT (SELECT count(*)::int FROM "BalanceEntry" WHERE "invoiceId" = $1) AS "entries", (SELECT count(*)::int FROM "CreditNote" WHERE "invoiceId" = $1) AS "notes"`,
    invoice.id,
  );
  if (money && (money.entries > 0 || money.notes > 0)) {
    throw new DomainError('conflict', 'error.invoice.voidAfterMoney', { params: { invoice: label(invoice) }, field: 'id' });
  }
  if (invoice.status === 'DRAFT' || invoice.status === 'VOID') {
    const key = invoice.status === 'DRAFT' ? 'error.invoice.voidDraft' : 'error.invoice.alreadyVoid';
    throw new DomainError('conflict', key, { params: { invoice: label(invoice), status: invoice.status }, field: 'id' });
  }
  await tx.invoice.update({ where: { id: invoice.id }, data: { status: 'VOID', voidedAt: new Date(), voidReason: input.reason } });
  await writeAudit(tx, auditActor(actor), {
    action: 'invoice.void',
    entityType: 'Invoice',
    entityId: invoice.id,
    accountId: invoice.accountId,
    before: { status: invoice.status },
    after: { status: 'VOID', reason: input.reason },
  });
}

/**
 * The correction of a void invoice: the account's month rated again from today's data, as a
 * new DRAFT naming the void one (replacesId); ops review and issue it like any draft. A draft of
 * that month made by a run is replaced by it.
 */
export async function createCorrection(tx: Tx, actor: Actor, input: InvoiceRef): Promise<{ id: number }> {
  const original = await lockInvoice(tx, input.id);
  if (original.status !== 'VOID') {
    throw new DomainError('conflict', 'error.invoice.correctNotVoid', { params: { invoice: label(original), status: original.status }, field: 'id' });
  }
  const existing = await tx.invoice.findUnique({ where: { replacesId: original.id }, select: { id: true, number: true, status: true } });
  if (existing) {
    throw existing.number
      ? new DomainError('conflict', 'error.invoice.alreadyCorrected', { params: { invoice: label(original), correction: existing.number, status: existing.status }, field: 'id' })
      : new DomainError('conflict', 'error.invoice.alreadyCorrectedByDraft', { params: { invoice: label(original), id: existing.id, status: existing.status }, field: 'id' });
  }
  await refuseWhileRunning(tx, original.month);
  const { from, to } = monthBounds(original.month);
  const [loaded, priceBooks] = [await loadAccountInputs(tx, { accountIds: [original.accountId], usageFrom: from, usageTo: to }), await loadPriceBooks(tx)];
  const { rated, failures } = rateAccounts([original.accountId], loaded.values(), original.month, priceBooks);
  if (failures[0]) throw new DomainError('invalid', 'error.engine.rule', { params: { detail: failures[0].message }, field: 'id' });
  if (!rated[0]?.invoice) {
    throw new DomainError('conflict', 'error.invoice.nothingOwed', { params: { accountId: original.accountId, month: original.month }, field: 'id' });
  }
  const result = await writeDrafts(prismaSql(tx), {
    month: original.month,
    billingRunId: null,
    accountIds: [original.accountId],
    rated,
    replaces: new Map([[original.accountId, original.id]]),
  });
  if (result.skipped.length > 0) {
    throw new DomainError('conflict', 'error.invoice.alreadyIssued', { params: { accountId: original.accountId, month: original.month }, field: 'id' });
  }
  const id = result.written.get(original.accountId)!;
  await writeAudit(tx, auditActor(actor), {
    action: 'invoice.correct',
    entityType: 'Invoice',
    entityId: id,
    accountId: original.accountId,
    before: { replaces: original.number, total: original.total },
    after: { status: 'DRAFT', replacesId: original.id, total: rated[0].invoice.total, replacedDrafts: result.deletedDrafts },
  });
  return { id };
}
