import 'server-only';
import { BILLING_TIME_ZONE } from '../billing/catalog';
import type { Queryable } from '../rating/inputs';

/** DOMAIN.md 12: an issued invoice is due 15 days after its issue date (until ops set another). */
export const INVOICE_DUE_DAYS = 15;
/** DOMAIN.md 13: an account with an invoice overdue by more than this many days is held back in the portal. */
export const PORTAL_OVERDUE_DAYS = 30;

/**
 * True when the account has an issued, unpaid invoice whose due date (issue day in the billing
 * calendar + 15 days) lies more than 30 days before `today`. The one place the portal's overdue
 * rule reads invoices: when invoices carry their own due date and amount due, only this changes.
 */
export async function hasInvoiceOverdueOver30Days(db: Queryable, accountId: number, today: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ overdue: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Invoice"
       WHERE "accountId" = ${accountId} AND "status" = 'ISSUED' AND "issuedAt" IS NOT NULL
         AND (("issuedAt" AT TIME ZONE ${BILLING_TIME_ZONE})::date + ${INVOICE_DUE_DAYS}::int + ${PORTAL_OVERDUE_DAYS}::int) < ${today}::date
    ) AS "overdue"`;
  return rows[0]?.overdue === true;
}
