import 'server-only';
import { createHash } from 'node:crypto';
import Decimal from 'decimal.js';
import { appendEntry, lockAccountMoney, settleOpenInvoices, type MoneyActor } from '../balances/commands';
import type { Currency } from '../balances/schemas';
import { today as clockToday } from '../clock';
import type { Tx } from '../db/client';
import { auditActor, writeAudit } from '../db/audit';
import { DomainError } from '../errors';
import { lineField, type CreditNoteDraft } from './schemas';

/**
 * Credit notes (红字, DOMAIN.md section 12): a correction of an issued invoice that leaves it as it
 * is. The preview and the issue run the same computation on the same state; the issue re-runs it
 * under the account's and the invoice's locks and refuses when its digest differs from the
 * previewed one, so what ops saw is exactly what is written.
 */

export type CreditPreviewLine = { position: number; lineAmount: string; alreadyCredited: string; amount: string };

export type CreditPreview = {
  invoiceId: number;
  invoiceNumber: string;
  accountId: number;
  currency: Currency;
  reason: CreditNoteDraft['reason'];
  text: string;
  wholeInvoice: boolean;
  lines: CreditPreviewLine[];
  total: string;
  /** The part that lowers the invoice's amount due. */
  appliedToDue: string;
  /** What exceeds the amount due: to the balance (CREDIT) or paid back (REFUND). */
  remainder: string;
  remainderTo: CreditNoteDraft['remainderTo'];
  amountDueBefore: string;
  amountDueAfter: string;
  digest: string;
};

type InvoiceState = { id: number; accountId: number; currency: Currency; status: string; number: string | null; total: string; creditedAmount: string; amountDue: string };

async function invoiceState(tx: Tx, invoiceId: number, lock: boolean): Promise<InvoiceState> {
  const [invoice] = await tx.$queryRawUnsafe<InvoiceState[]>(
    `SELECT "id", "accountId", "currency"::text AS "currency", "status"::text AS "status", "number", "total"::text AS "total",
            "creditedAmount"::text AS "creditedAmount", "amountDue"::text AS "amountDue"
       FROM "Invoice" WHERE "id" = $1 ${lock ? 'FOR UPDATE' : ''}`,
    invoiceId,
  );
  if (!invoice) throw new DomainError('not_found', 'error.invoice.notFound', { params: { id: invoiceId }, field: 'invoiceId' });
  if (invoice.status === 'DRAFT' || invoice.status === 'VOID') {
    throw new DomainError('conflict', 'error.creditNote.invoiceStatus', { params: { invoice: invoice.number ?? `draft #${invoice.id}`, status: invoice.status }, field: 'invoiceId' });
  }
  return invoice;
}

/** Each line's amount and what credit notes already took from it. */
async function lineCredits(tx: Tx, invoiceId: number): Promise<{ position: number; amount: string; credited: string }[]> {
  return tx.$queryRawUnsafe(
    `SELECT l."position", l."amount"::text AS "amount", COALESCE(c."credited", 0)::text AS "credited"
       FROM "InvoiceLine" l
       LEFT JOIN (SELECT x."position", sum(x."amount") AS "credited" FROM "CreditNoteLine" x
                    JOIN "CreditNote" n ON n."id" = x."creditNoteId" WHERE n."invoiceId" = $1 GROUP BY x."position") c
         ON c."position" = l."position"
      WHERE l."invoiceId" = $1 ORDER BY l."position"`,
    invoiceId,
  );
}

function digestOf(preview: Omit<CreditPreview, 'digest'>): string {
  return createHash('sha256').update(JSON.stringify(preview)).digest('hex');
}

async function computePreview(tx: Tx, draft: CreditNoteDraft, lock: boolean): Promise<CreditPreview> {
  const invoice = await invoiceState(tx, draft.invoiceId, lock);
  const lines = await lineCredits(tx, invoice.id);
  const creditable = Decimal.max(0, new Decimal(invoice.total)).minus(invoice.creditedAmount);
  const chosen: CreditPreviewLine[] = [];
  if (draft.mode === 'whole') {
    // Every line's uncredited part, in order, up to what the invoice still has uncredited
    // (credit lines on the invoice make its total smaller than its positive lines).
    let left = creditable;
    for (const line of lines) {
      const open = Decimal.max(0, new Decimal(line.amount)).minus(line.credited);
      const amount = Decimal.min(open, left);
      if (amount.lte(0)) continue;
      chosen.push({ position: line.position, lineAmount: line.amount, alreadyCredited: line.credited, amount: amount.toFixed(2) });
      left = left.minus(amount);
    }
    if (chosen.length === 0) throw new DomainError('conflict', 'error.creditNote.fullyCredited', { params: { invoice: String(invoice.number) }, field: 'mode' });
  } else {
    const byPosition = new Map(lines.map((l) => [l.position, l]));
    for (const wanted of draft.lines) {
      const line = byPosition.get(wanted.position);
      const field = lineField(wanted.position);
      if (!line) throw new DomainError('invalid', 'error.creditNote.noLine', { params: { line: wanted.position, invoice: String(invoice.number) }, field });
      const open = Decimal.max(0, new Decimal(line.amount)).minus(line.credited);
      if (new Decimal(wanted.amount).gt(open)) {
        throw new DomainError('invalid', 'error.creditNote.lineOver', { params: { line: wanted.position, amount: new Decimal(wanted.amount).toFixed(2), open: open.toFixed(2) }, field });
      }
      chosen.push({ position: line.position, lineAmount: line.amount, alreadyCredited: line.credited, amount: new Decimal(wanted.amount).toFixed(2) });
    }
  }
  const total = chosen.reduce((sum, l) => sum.plus(l.amount), new Decimal(0));
  if (total.gt(creditable)) {
    throw new DomainError('invalid', 'error.creditNote.totalOver', { params: { total: total.toFixed(2), creditable: creditable.toFixed(2), invoice: String(invoice.number) }, field: 'lines' });
  }
  const amountDue = new Decimal(invoice.amountDue);
  const appliedToDue = Decimal.min(total, amountDue);
  const preview: Omit<CreditPreview, 'digest'> = {
    invoiceId: invoice.id,
    invoiceNumber: invoice.number!,
    accountId: invoice.accountId,
    currency: invoice.currency,
    reason: draft.reason,
    text: draft.text,
    wholeInvoice: draft.mode === 'whole',
    lines: chosen,
    total: total.toFixed(2),
    appliedToDue: appliedToDue.toFixed(2),
    remainder: total.minus(appliedToDue).toFixed(2),
    remainderTo: draft.remainderTo,
    amountDueBefore: amountDue.toFixed(2),
    amountDueAfter: amountDue.minus(appliedToDue).toFixed(2),
  };
  return { ...preview, digest: digestOf(preview) };
}

/** What the credit note would be, on today's state of the invoice (nothing is written). */
export async function previewCreditNote(tx: Tx, draft: CreditNoteDraft): Promise<CreditPreview> {
  return computePreview(tx, draft, false);
}

/** Gapless CN-YYYY-NNNNNN per year, as allocateInvoiceNumbers: the counter row's lock is held to commit. */
async function allocateCreditNoteNumber(tx: Tx, year: number): Promise<string> {
  await tx.$executeRawUnsafe(`INSERT INTO "CreditNoteNumberCounter" ("year", "last") VALUES ($1, 0) ON CONFLICT ("year") DO NOTHING`, year);
  const [row] = await tx.$queryRawUnsafe<{ last: number }[]>(`UPDATE "CreditNoteNumberCounter" SET "last" = "last" + 1 WHERE "year" = $1 RETURNING "last"`, year);
  if (row!.last > 999_999) throw new DomainError('conflict', 'error.creditNote.numbersExhausted', { params: { year } });
  return `CN-${year}-${String(row!.last).padStart(6, '0')}`;
}

export type IssueCreditNoteOptions = {
  /** The digest of the preview ops saw; the issue is refused when today's computation differs. */
  digest?: string;
  today?: string;
};

export async function issueCreditNote(
  tx: Tx,
  actor: MoneyActor,
  draft: CreditNoteDraft,
  options: IssueCreditNoteOptions = {},
): Promise<{ id: number; number: string; preview: CreditPreview; deductions: number }> {
  const seen = await invoiceState(tx, draft.invoiceId, false);
  await lockAccountMoney(tx, seen.accountId);
  const preview = await computePreview(tx, draft, true);
  if (options.digest !== undefined && options.digest !== preview.digest) {
    throw new DomainError('conflict', 'error.creditNote.previewStale', { field: 'digest' });
  }
  const number = await allocateCreditNoteNumber(tx, Number((options.today ?? clockToday()).slice(0, 4)));
  const [note] = await tx.$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO "CreditNote" ("number", "invoiceId", "accountId", "currency", "reason", "text", "wholeInvoice", "total", "appliedToDue", "remainder", "remainderTo", "actorId")
     VALUES ($1, $2, $3, $4::"Currency", $5::"CreditNoteReason", $6, $7, $8::numeric, $9::numeric, $10::numeric, $11::"CreditRemainder", $12::uuid)
     RETURNING "id"`,
    number,
    preview.invoiceId,
    preview.accountId,
    preview.currency,
    preview.reason,
    preview.text,
    preview.wholeInvoice,
    preview.total,
    preview.appliedToDue,
    preview.remainder,
    preview.remainderTo,
    actor.id,
  );
  const id = note!.id;
  await tx.$executeRawUnsafe(
    `INSERT INTO "CreditNoteLine" ("creditNoteId", "position", "amount")
     SELECT $1, u."position", u."amount" FROM unnest($2::int[], $3::numeric[]) AS u("position", "amount")`,
    id,
    preview.lines.map((l) => l.position),
    preview.lines.map((l) => l.amount),
  );
  const remainder = new Decimal(preview.remainder);
  let deductions = 0;
  if (remainder.gt(0)) {
    const base = { accountId: preview.accountId, currency: preview.currency, creditNoteId: id };
    await appendEntry(tx, actor, { ...base, kind: 'CREDIT', amount: remainder });
    if (preview.remainderTo === 'REFUND') {
      await appendEntry(tx, actor, { ...base, kind: 'REFUND', amount: remainder.neg(), reason: `Credit note ${number}` });
    } else {
      deductions = (await settleOpenInvoices(tx, actor, { accountId: preview.accountId, currency: preview.currency })).length;
    }
  }
  const { digest: _digest, ...figures } = preview;
  await writeAudit(tx, auditActor(actor), {
    action: 'credit_note.issue',
    entityType: 'CreditNote',
    entityId: id,
    accountId: preview.accountId,
    before: { invoice: preview.invoiceNumber, amountDue: preview.amountDueBefore },
    after: { number, ...figures },
  });
  return { id, number, preview, deductions };
}
