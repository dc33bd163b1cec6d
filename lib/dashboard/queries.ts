import 'server-only';
import { addMonths } from '../billing/dates';
import { db } from '../db/client';

/** Amounts stay decimal strings (summed by PostgreSQL); the charts convert them to numbers only to draw. */
export type BilledPoint = { month: string; currency: string; scheme: string; total: string };
export type RevenueMixPoint = { month: string; currency: string; prepaid: string; overage: string };
export type MigrationPoint = { month: string; migrated: number };
export type TopAccount = { accountId: number; name: string; currency: string; total: string };
export type MonthStatus = {
  month: string;
  run: { id: number; status: string; doneAccounts: number; totalAccounts: number; failedAccounts: number } | null;
  invoices: { status: string; count: number; total: string; currency: string }[];
};

export type OpsDashboard = {
  months: string[];
  billed: BilledPoint[];
  mix: RevenueMixPoint[];
  legacyLeft: number;
  migrated: MigrationPoint[];
  top: TopAccount[];
  status: MonthStatus;
};

function shiftMonth(month: string, k: number): string {
  return addMonths(`${month}-01`, k).slice(0, 7);
}

// Line codes bought ahead (packages, add-on cycles, retention) against usage beyond the quotas.
const PREPAID_CODES = ['PACKAGE', 'PACKAGE_CREDIT', 'ADDON', 'ADDON_CREDIT', 'HISTORY_RETENTION'];

/** Billed = issued or paid (void left out, drafts not yet billed), by invoice month. */
const BILLED = `i."status" IN ('ISSUED', 'PAID')`;

/**
 * The ops home: the last 12 billing months up to `lastMonth` (the month most recently
 * billable), what was billed, how it splits, the migration's progress, the top accounts and
 * the state of `lastMonth`'s run and invoices.
 */
export async function getOpsDashboard(lastMonth: string): Promise<OpsDashboard> {
  const first = shiftMonth(lastMonth, -11);
  const months = Array.from({ length: 12 }, (_, i) => shiftMonth(first, i));
  const [billed, mix, legacy, migrated, top, run, invoices] = await Promise.all([
    db.$queryRawUnsafe<BilledPoint[]>(
      `SELECT i."month", i."currency"::text AS "currency", i."scheme"::text AS "scheme", sum(i."total")::text AS "total"
         FROM "Invoice" i WHERE ${BILLED} AND i."month" BETWEEN $1 AND $2
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      first,
      lastMonth,
    ),
    db.$queryRawUnsafe<RevenueMixPoint[]>(
      `SELECT i."month", i."currency"::text AS "currency",
              COALESCE(sum(l."amount") FILTER (WHERE l."code"::text = ANY($3::text[])), 0)::text AS "prepaid",
              COALESCE(sum(l."amount") FILTER (WHERE NOT l."code"::text = ANY($3::text[])), 0)::text AS "overage"
         FROM "Invoice" i JOIN "InvoiceLine" l ON l."invoiceId" = i."id"
        WHERE ${BILLED} AND i."month" BETWEEN $1 AND $2
        GROUP BY 1, 2 ORDER BY 1, 2`,
      first,
      lastMonth,
      PREPAID_CODES,
    ),
    db.account.count({ where: { scheme: 'LEGACY' } }),
    db.$queryRawUnsafe<MigrationPoint[]>(
      `SELECT to_char(t."effectiveOn", 'YYYY-MM') AS "month", count(*)::int AS "migrated"
         FROM "MigrationTicket" t WHERE t."status" = 'EXECUTED' AND to_char(t."effectiveOn", 'YYYY-MM') BETWEEN $1 AND $2
        GROUP BY 1 ORDER BY 1`,
      first,
      shiftMonth(lastMonth, 1),
    ),
    db.$queryRawUnsafe<TopAccount[]>(
      `SELECT * FROM (
         SELECT a."id" AS "accountId", a."name", i."currency"::text AS "currency", sum(i."total")::text AS "total",
                row_number() OVER (PARTITION BY i."currency" ORDER BY sum(i."total") DESC, a."id") AS "rank"
           FROM "Invoice" i JOIN "Account" a ON a."id" = i."accountId"
          WHERE ${BILLED} AND i."month" BETWEEN $1 AND $2
          GROUP BY a."id", a."name", i."currency") ranked
        WHERE "rank" <= 5 ORDER BY "currency", "rank"`,
      first,
      lastMonth,
    ),
    db.billingRun.findFirst({
      where: { month: lastMonth },
      orderBy: { startedAt: 'desc' },
      select: { id: true, status: true, doneAccounts: true, totalAccounts: true, failedAccounts: true },
    }),
    db.$queryRawUnsafe<MonthStatus['invoices']>(
      `SELECT i."status"::text AS "status", i."currency"::text AS "currency", count(*)::int AS "count", sum(i."total")::text AS "total"
         FROM "Invoice" i WHERE i."month" = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      lastMonth,
    ),
  ]);
  return {
    months,
    billed,
    mix,
    legacyLeft: legacy,
    migrated,
    top: top.map(({ accountId, name, currency, total }) => ({ accountId, name, currency, total })),
    status: { month: lastMonth, run, invoices },
  };
}
