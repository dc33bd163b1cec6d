import 'server-only';
import type { Queryable } from '../rating/inputs';

/** DOMAIN.md 13: an account with an invoice overdue by more than this many days is held back in the portal. */
export const PORTAL_OVERDUE_DAYS = 30;

/**
 * True when the account has an issued invoice with something still due (ISSUED or
 * PARTIALLY_PAID, amount due above zero) whose due date lies more than 30 days before `today`.
 * The one place the portal's overdue rule reads invoices.
 */
export async function hasInvoiceOverdueOver30Days(db: Queryable, accountId: number, today: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ overdue: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Invoice"
       WHERE "accountId" = ${accountId} AND "status" IN ('ISSUED', 'PARTIALLY_PAID') AND "amountDue" > 0
         AND "dueDate" IS NOT NULL AND "dueDate" + ${PORTAL_OVERDUE_DAYS}::int < ${today}::date
    ) AS "overdue"`;
  return rows[0]?.overdue === true;
}
