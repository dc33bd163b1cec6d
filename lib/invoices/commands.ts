import 'server-only';
import type { Actor } from '../auth/guard';
import { monthBounds } from '../billing/dates';
import { rateAccounts, writeDrafts } from '../billing-runs/drafts';
import { prismaSql, writeAuditSql } from '../db/sql';
import { today as clockToday } from '../clock';
import type { Tx } from '../db/client';
import { auditActor, writeAudit } from '../db/audit';
import { DomainError } from '../errors';
import { loadAccountInputs, loadPriceBooks } from '../rating/inputs';
import type { InvoiceRef, IssueMonthInput, VoidInvoiceInput } from './schemas';

/**
 * The invoice lifecycle (DOMAIN.md section 8): DRAFT -> ISSUED (gapless number per year) ->
 * PAID, or VOID with a reason; a correction is a new draft naming the void invoice. The
 * database triggers make an issued invoice's amounts and lines immutable whatever the code does.
 */

type LockedInvoice = { id: number; accountId: number; month: string; status: 'DRAFT' | 'ISSUED' | 'PAID' | 'VOID'; number: string | null; total: string };

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
  const running = await tx.billingRun.findFirst({ where: { month, status: 'RUNNING' }, select: { id: true } });
  if (running) {
    throw new DomainError('conflict', 'error.invoice.runRunning', { params: { runId: running.id, month }, field: 'month' });
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

export type IssueOptions = { today?: string };

function issueYear(options: IssueOptions): number {
  return Number((options.today ?? clockToday()).slice(0, 4));
}

export async function issueInvoice(tx: Tx, actor: Actor, input: InvoiceRef, options: IssueOptions = {}): Promise<{ id: number; number: string }> {
  const invoice = await lockInvoice(tx, input.id);
  if (invoice.status !== 'DRAFT') {
    throw new DomainError('conflict', 'error.invoice.notDraft', { params: { invoice: label(invoice), status: invoice.status }, field: 'id' });
  }
  await refuseWhileRunning(tx, invoice.month);
  const [number] = await allocateInvoiceNumbers(tx, issueYear(options), 1);
  const issued = await tx.invoice.update({
    where: { id: invoice.id },
    data: { status: 'ISSUED', number: number!, issuedAt: new Date() },
    select: { issuedAt: true },
  });
  await writeAudit(tx, auditActor(actor), {
    action: 'invoice.issue',
    entityType: 'Invoice',
    entityId: invoice.id,
    accountId: invoice.accountId,
    before: { status: 'DRAFT', total: invoice.total },
    after: { status: 'ISSUED', number, issuedAt: issued.issuedAt },
  });
  return { id: invoice.id, number: number! };
}

/** Issues every draft of the month at once, numbered in account order, in one transaction. */
export async function issueMonthDrafts(tx: Tx, actor: Actor, input: IssueMonthInput, options: IssueOptions = {}): Promise<{ issued: number; first: string | null; last: string | null }> {
  await refuseWhileRunning(tx, input.month);
  const drafts = await tx.$queryRawUnsafe<{ id: number; accountId: number; total: string }[]>(
    `SELECT "id", "accountId", "total"::text AS "total" FROM "Invoice" WHERE "month" = $1 AND "status" = 'DRAFT' ORDER BY "accountId", "id" FOR UPDATE`,
    input.month,
  );
  if (drafts.length === 0) throw new DomainError('conflict', 'error.invoice.noDrafts', { params: { month: input.month }, field: 'month' });
  const numbers = await allocateInvoiceNumbers(tx, issueYear(options), drafts.length);
  const issuedAt = new Date();
  await tx.$executeRawUnsafe(
    `UPDATE "Invoice" i SET "status" = 'ISSUED', "number" = u."number", "issuedAt" = $3
       FROM unnest($1::int[], $2::text[]) AS u("id", "number") WHERE i."id" = u."id"`,
    drafts.map((d) => d.id),
    numbers,
    issuedAt,
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
      after: { status: 'ISSUED', number: numbers[i], issuedAt: issuedAt.toISOString(), bulk: input.month },
    })),
  );
  return { issued: drafts.length, first: numbers[0] ?? null, last: numbers[numbers.length - 1] ?? null };
}

export async function markInvoicePaid(tx: Tx, actor: Actor, input: InvoiceRef): Promise<void> {
  const invoice = await lockInvoice(tx, input.id);
  if (invoice.status !== 'ISSUED') {
    throw new DomainError('conflict', 'error.invoice.notIssued', { params: { invoice: label(invoice), status: invoice.status }, field: 'id' });
  }
  const paid = await tx.invoice.update({ where: { id: invoice.id }, data: { status: 'PAID', paidAt: new Date() }, select: { paidAt: true } });
  await writeAudit(tx, auditActor(actor), {
    action: 'invoice.pay',
    entityType: 'Invoice',
    entityId: invoice.id,
    accountId: invoice.accountId,
    before: { status: 'ISSUED' },
    after: { status: 'PAID', paidAt: paid.paidAt },
  });
}

export async function voidInvoice(tx: Tx, actor: Actor, input: VoidInvoiceInput): Promise<void> {
  const invoice = await lockInvoice(tx, input.id);
  if (invoice.status !== 'ISSUED' && invoice.status !== 'PAID') {
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
