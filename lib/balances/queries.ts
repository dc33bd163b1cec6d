import 'server-only';
import Decimal from 'decimal.js';
import { accountScope } from '../accounts/queries';
import type { Actor } from '../auth/guard';
import { countDays } from '../billing/dates';
import { db } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { invoiceScope } from '../invoices/queries';
import type { BalanceEntryKind, Currency } from './schemas';

/** Reads of balances, payments, credit notes and receivables (DOMAIN.md section 12). */

export type BalanceView = { currency: Currency; balance: string; openDue: string; openInvoices: number; overdueInvoices: number };

export type LedgerRow = {
  id: string;
  createdAt: string;
  currency: Currency;
  kind: BalanceEntryKind;
  amount: string;
  balanceAfter: string;
  invoiceId: number | null;
  invoiceNumber: string | null;
  creditNoteId: number | null;
  creditNoteNumber: string | null;
  reference: string | null;
  reason: string | null;
};

/** The account's balance per currency (its own currency always shown) and its latest ledger entries. */
export async function getAccountMoney(actor: Actor, accountId: number, today: string, limit = 100): Promise<{ balances: BalanceView[]; ledger: LedgerRow[] } | null> {
  const [account] = await db.$queryRaw<{ id: number; currency: Currency }[]>`
    SELECT a."id", a."currency"::text AS "currency" FROM "Account" a WHERE a."id" = ${accountId} AND ${accountScope(actor)}`;
  if (!account) return null;
  const [balances, ledger] = await Promise.all([
    db.$queryRaw<BalanceView[]>`
      WITH currencies AS (
        SELECT ${account.currency}::"Currency" AS "currency"
        UNION SELECT "currency" FROM "AccountBalance" WHERE "accountId" = ${accountId}
        UNION SELECT "currency" FROM "Invoice" WHERE "accountId" = ${accountId} AND "status" IN ('ISSUED', 'PARTIALLY_PAID'))
      SELECT c."currency"::text AS "currency", COALESCE(b."balance", 0)::text AS "balance",
             COALESCE(o."due", 0)::text AS "openDue", COALESCE(o."open", 0)::int AS "openInvoices", COALESCE(o."overdue", 0)::int AS "overdueInvoices"
        FROM currencies c
        LEFT JOIN "AccountBalance" b ON b."accountId" = ${accountId} AND b."currency" = c."currency"
        LEFT JOIN LATERAL (
          SELECT sum(i."amountDue") AS "due", count(*) AS "open", count(*) FILTER (WHERE i."dueDate" < ${today}::date) AS "overdue"
            FROM "Invoice" i WHERE i."accountId" = ${accountId} AND i."currency" = c."currency"
             AND i."status" IN ('ISSUED', 'PARTIALLY_PAID') AND i."amountDue" > 0) o ON TRUE
       ORDER BY (c."currency" = ${account.currency}::"Currency") DESC, c."currency"`,
    db.$queryRaw<(Omit<LedgerRow, 'createdAt'> & { createdAt: Date })[]>`
      SELECT e."id"::text AS "id", e."createdAt", e."currency"::text AS "currency", e."kind"::text AS "kind", e."amount"::text AS "amount",
             e."balanceAfter"::text AS "balanceAfter", e."invoiceId", i."number" AS "invoiceNumber", e."creditNoteId", c."number" AS "creditNoteNumber",
             e."reference", e."reason"
        FROM "BalanceEntry" e
        LEFT JOIN "Invoice" i ON i."id" = e."invoiceId"
        LEFT JOIN "CreditNote" c ON c."id" = e."creditNoteId"
       WHERE e."accountId" = ${accountId}
       ORDER BY e."id" DESC LIMIT ${limit}`,
  ]);
  return { balances, ledger: ledger.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

export type CreditNoteSummary = {
  id: number;
  number: string;
  issuedAt: string;
  reason: string;
  text: string;
  total: string;
  appliedToDue: string;
  remainder: string;
  remainderTo: 'CREDIT' | 'REFUND';
};

export type InvoiceMoney = {
  status: string;
  currency: Currency;
  total: string;
  dueDate: string | null;
  paid: string;
  credited: string;
  amountDue: string;
  /** Days past the due date with something still due; 0 when not overdue. */
  overdueDays: number;
  payments: { id: string; createdAt: string; amount: string }[];
  creditNotes: CreditNoteSummary[];
  /** What credit notes already took from each line, by position. */
  creditedByLine: Record<number, string>;
};

/** An invoice's payment state, payments and credit notes, through the actor's invoice scope. */
export async function getInvoiceMoney(actor: Actor, invoiceId: number, today: string): Promise<InvoiceMoney | null> {
  const [invoice] = await db.$queryRaw<{ status: string; currency: Currency; total: string; dueDate: string | null; paid: string; credited: string; amountDue: string }[]>`
    SELECT i."status"::text AS "status", i."currency"::text AS "currency", i."total"::text AS "total", to_char(i."dueDate", 'YYYY-MM-DD') AS "dueDate",
           i."paidAmount"::text AS "paid", i."creditedAmount"::text AS "credited", i."amountDue"::text AS "amountDue"
      FROM "Invoice" i JOIN "Account" a ON a."id" = i."accountId" WHERE i."id" = ${invoiceId} AND ${invoiceScope(actor)}`;
  if (!invoice) return null;
  const [payments, creditNotes, lines] = await Promise.all([
    db.$queryRaw<{ id: string; createdAt: Date; amount: string }[]>`
      SELECT "id"::text AS "id", "createdAt", (-"amount")::text AS "amount" FROM "BalanceEntry"
       WHERE "invoiceId" = ${invoiceId} AND "kind" = 'DEDUCTION' ORDER BY "id"`,
    db.$queryRaw<(Omit<CreditNoteSummary, 'issuedAt'> & { issuedAt: Date })[]>`
      SELECT "id", "number", "issuedAt", "reason"::text AS "reason", "text", "total"::text AS "total", "appliedToDue"::text AS "appliedToDue",
             "remainder"::text AS "remainder", "remainderTo"::text AS "remainderTo"
        FROM "CreditNote" WHERE "invoiceId" = ${invoiceId} ORDER BY "id"`,
    db.$queryRaw<{ position: number; credited: string }[]>`
      SELECT x."position", sum(x."amount")::text AS "credited" FROM "CreditNoteLine" x JOIN "CreditNote" c ON c."id" = x."creditNoteId"
       WHERE c."invoiceId" = ${invoiceId} GROUP BY x."position"`,
  ]);
  const open = (invoice.status === 'ISSUED' || invoice.status === 'PARTIALLY_PAID') && new Decimal(invoice.amountDue).gt(0);
  const overdueDays = open && invoice.dueDate && invoice.dueDate < today ? countDays(invoice.dueDate, today) - 1 : 0;
  return {
    ...invoice,
    overdueDays,
    payments: payments.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
    creditNotes: creditNotes.map((c) => ({ ...c, issuedAt: c.issuedAt.toISOString() })),
    creditedByLine: Object.fromEntries(lines.map((l) => [l.position, l.credited])),
  };
}

export type AgingBuckets = { current: string; d1_30: string; d31_60: string; d61_90: string; d90plus: string };
export const AGING_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90plus'] as const satisfies readonly (keyof AgingBuckets)[];
export type AgingRow = AgingBuckets & { currency: Currency; total: string; invoices: number };
export type OpenInvoiceRow = { id: number; number: string; accountId: number; accountName: string; currency: Currency; dueDate: string; daysOverdue: number; amountDue: string };

const OPEN = Prisma.sql`i."status" IN ('ISSUED', 'PARTIALLY_PAID') AND i."amountDue" > 0`;

/**
 * Receivables aging per currency as of `today`: open amounts due by days past the due date
 * (current = not yet past it). Ops only (the page checks the role).
 */
export async function getAging(today: string): Promise<AgingRow[]> {
  return db.$queryRaw<AgingRow[]>`
    WITH open AS (SELECT i."currency", i."amountDue", (${today}::date - i."dueDate") AS "late" FROM "Invoice" i WHERE ${OPEN})
    SELECT "currency"::text AS "currency",
           COALESCE(sum("amountDue") FILTER (WHERE "late" <= 0), 0)::text AS "current",
           COALESCE(sum("amountDue") FILTER (WHERE "late" BETWEEN 1 AND 30), 0)::text AS "d1_30",
           COALESCE(sum("amountDue") FILTER (WHERE "late" BETWEEN 31 AND 60), 0)::text AS "d31_60",
           COALESCE(sum("amountDue") FILTER (WHERE "late" BETWEEN 61 AND 90), 0)::text AS "d61_90",
           COALESCE(sum("amountDue") FILTER (WHERE "late" > 90), 0)::text AS "d90plus",
           sum("amountDue")::text AS "total", count(*)::int AS "invoices"
      FROM open GROUP BY "currency" ORDER BY "currency"`;
}

/** The open invoices behind the aging, most overdue first (the CSV has them all). */
export async function listOpenInvoices(today: string, limit = 10_000): Promise<OpenInvoiceRow[]> {
  return db.$queryRaw<OpenInvoiceRow[]>`
    SELECT i."id", i."number", i."accountId", a."name" AS "accountName", i."currency"::text AS "currency", to_char(i."dueDate", 'YYYY-MM-DD') AS "dueDate",
           GREATEST(${today}::date - i."dueDate", 0)::int AS "daysOverdue", i."amountDue"::text AS "amountDue"
      FROM "Invoice" i JOIN "Account" a ON a."id" = i."accountId"
     WHERE ${OPEN}
     ORDER BY i."dueDate", i."id" LIMIT ${limit}`;
}

export type CreditNoteDocument = CreditNoteSummary & {
  currency: Currency;
  invoice: { id: number; number: string; month: string };
  account: { id: number; name: string; contactEmail: string };
  lines: { position: number; amount: string }[];
};

/** One credit note through the scope of its invoice (a customer: their own account only). */
export async function getCreditNote(actor: Actor, id: number): Promise<CreditNoteDocument | null> {
  const [note] = await db.$queryRaw<(Omit<CreditNoteDocument, 'issuedAt' | 'invoice' | 'account' | 'lines'> & { issuedAt: Date; invoiceId: number; invoiceNumber: string; month: string; accountId: number; accountName: string; contactEmail: string })[]>`
    SELECT c."id", c."number", c."issuedAt", c."reason"::text AS "reason", c."text", c."total"::text AS "total", c."appliedToDue"::text AS "appliedToDue",
           c."remainder"::text AS "remainder", c."remainderTo"::text AS "remainderTo", c."currency"::text AS "currency",
           i."id" AS "invoiceId", i."number" AS "invoiceNumber", i."month", a."id" AS "accountId", a."name" AS "accountName", a."contactEmail"
      FROM "CreditNote" c JOIN "Invoice" i ON i."id" = c."invoiceId" JOIN "Account" a ON a."id" = i."accountId"
     WHERE c."id" = ${id} AND ${invoiceScope(actor)}`;
  if (!note) return null;
  const lines = await db.$queryRaw<{ position: number; amount: string }[]>`
    SELECT "position", "amount"::text AS "amount" FROM "CreditNoteLine" WHERE "creditNoteId" = ${id} ORDER BY "position"`;
  const { invoiceId, invoiceNumber, month, accountId, accountName, contactEmail, issuedAt, ...rest } = note;
  return {
    ...rest,
    issuedAt: issuedAt.toISOString(),
    invoice: { id: invoiceId, number: invoiceNumber, month },
    account: { id: accountId, name: accountName, contactEmail },
    lines,
  };
}
