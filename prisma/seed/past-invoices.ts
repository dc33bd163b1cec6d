import { addMonths, monthBounds, monthOf, nextMonth } from '../../lib/billing/dates';
import { rateAccounts, writeDrafts } from '../../lib/billing-runs/drafts';
import { prismaSql } from '../../lib/db/sql';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { defaultDueDate } from '../../lib/balances/commands';
import { allocateInvoiceNumbers } from '../../lib/invoices/commands';
import { loadAccountInputs, loadPriceBooks } from '../../lib/rating/inputs';

/** Shanghai's offset, for the fixed instants the demo's invoices carry (repeatable seeds). */
const SHANGHAI = '+08:00';

/**
 * The months before today whose invoices a demo customer finds issued and paid: the two before
 * the month that just closed for the legacy customer, the one before it for the current customer.
 * The month that just closed is left to the billing run, and the current customer's month before
 * that too (the end-to-end journeys run, issue and void those themselves, in USD).
 */
export function pastInvoiceMonths(today: string): { legacy: string[]; current: string[] } {
  const month = monthOf(today);
  const before = (k: number) => monthOf(addMonths(`${month}-01`, -k));
  return { legacy: [before(3), before(2)], current: [before(2)] };
}

/**
 * Rates the given accounts' past months with the billing run's own engine and writer, then issues
 * each invoice on the 3rd of the next month (00:10 Shanghai, as the calendar does) and marks it
 * paid ten days later, so a newcomer signing in as a demo customer sees real bills at once.
 * Returns how many invoices it issued.
 */
export async function issuePastInvoices(prisma: PrismaClient, accountIds: readonly number[], months: readonly string[]): Promise<number> {
  const priceBooks = await loadPriceBooks(prisma);
  let issued = 0;
  for (const month of months) {
    const { from, to } = monthBounds(month);
    const issueDay = `${nextMonth(month)}-03`;
    const issuedAt = new Date(`${issueDay}T00:10:00${SHANGHAI}`);
    const paidAt = new Date(`${nextMonth(month)}-13T10:00:00${SHANGHAI}`);
    issued += await prisma.$transaction(
      async (tx) => {
        const loaded = await loadAccountInputs(tx, { accountIds, usageFrom: from, usageTo: to });
        const { rated } = rateAccounts(accountIds, loaded.values(), month, priceBooks);
        const { written } = await writeDrafts(prismaSql(tx), { month, billingRunId: null, accountIds, rated });
        const ids = [...written.entries()].sort(([a], [b]) => a - b).map(([, id]) => id);
        if (ids.length === 0) return 0;
        const numbers = await allocateInvoiceNumbers(tx, Number(issueDay.slice(0, 4)), ids.length);
        for (const [i, id] of ids.entries()) {
          await tx.$executeRawUnsafe(`UPDATE "Invoice" SET "createdAt" = $2 WHERE "id" = $1`, id, issuedAt);
          await tx.$executeRawUnsafe(
            `UPDATE "Invoice" SET "status" = 'ISSUED', "number" = $2, "issuedAt" = $3, "dueDate" = $4::date WHERE "id" = $1`,
            id,
            numbers[i],
            issuedAt,
            defaultDueDate(issueDay),
          );
          // Paid as a customer pays: money received (a top-up) and the deduction that pays the
          // invoice, dated ten days after the issue (the database dates the payment from it).
          await tx.$executeRawUnsafe(
            `INSERT INTO "BalanceEntry" ("accountId", "currency", "kind", "amount", "balanceAfter", "invoiceId", "reference", "createdAt")
             SELECT i."accountId", i."currency", k."kind"::"BalanceEntryKind", CASE k."kind" WHEN 'TOP_UP' THEN i."total" ELSE -i."total" END, 0,
                    CASE k."kind" WHEN 'DEDUCTION' THEN i."id" END, CASE k."kind" WHEN 'TOP_UP' THEN 'Bank transfer ' || i."number" END, $2
               FROM "Invoice" i CROSS JOIN (VALUES (1, 'TOP_UP'), (2, 'DEDUCTION')) AS k("n", "kind")
              WHERE i."id" = $1 AND i."total" > 0 ORDER BY k."n"`,
            id,
            paidAt,
          );
        }
        return ids.length;
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
  }
  return issued;
}
