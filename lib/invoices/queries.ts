import 'server-only';
import type { Actor } from '../auth/guard';
import { CURRENT_MAU_OVERAGE, LEGACY_OVERAGE } from '../billing/catalog';
import { monthBounds } from '../billing/dates';
import type { Explanation } from '../billing/types';
import { plannedIssueDate } from '../billing-runs/schemas';
import { db } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { today } from '../clock';
import { storedExplanation } from './explanation';
import { CUSTOMER_VISIBLE_STATUSES, isIssueOverdue, type InvoicesSearch, type InvoiceSortKey, type InvoiceStatus } from './schemas';

export type InvoiceRow = {
  id: number;
  number: string | null;
  accountId: number;
  accountName: string;
  month: string;
  scheme: 'LEGACY' | 'CURRENT';
  currency: 'CNY' | 'USD';
  status: InvoiceStatus;
  total: string;
  lineCount: number;
  issuedAt: string | null;
  plannedIssueDate: string;
  /** A draft past its planned issue date. */
  issueOverdue: boolean;
  replacesNumber: string | null;
};

/** The filtered set's invoices of one currency: `count` and `total` leave the void ones out, `voidCount` says how many. */
export type CurrencyTotal = { currency: 'CNY' | 'USD'; count: number; voidCount: number; total: string };

const ORDER_BY: Record<InvoiceSortKey, Prisma.Sql> = {
  month: Prisma.sql`i."month"`,
  number: Prisma.sql`i."number"`,
  account: Prisma.sql`a."name"`,
  total: Prisma.sql`i."total"`,
  status: Prisma.sql`i."status"`,
  issuedAt: Prisma.sql`i."issuedAt"`,
};

/**
 * The invoices an actor may see: ops all, an account manager those of their accounts, a
 * customer their own issued, paid and void ones (never a draft). The scope is part of every
 * query's WHERE, so an id outside it is simply "not found".
 */
export function invoiceScope(actor: Actor): Prisma.Sql {
  switch (actor.role) {
    case 'OPS':
      return Prisma.sql`TRUE`;
    case 'ACCOUNT_MANAGER':
      return Prisma.sql`a."managerId" = ${actor.id}::uuid`;
    case 'CUSTOMER':
      return Prisma.sql`(i."accountId" = ${actor.accountId ?? -1} AND i."status" IN ('ISSUED', 'PAID', 'VOID'))`;
  }
}

function invoicesWhere(actor: Actor, search: InvoicesSearch): Prisma.Sql {
  const conditions: Prisma.Sql[] = [invoiceScope(actor)];
  if (search.month) conditions.push(Prisma.sql`i."month" = ${search.month}`);
  if (search.status) conditions.push(Prisma.sql`i."status" = ${search.status}::"InvoiceStatus"`);
  if (search.scheme) conditions.push(Prisma.sql`i."scheme" = ${search.scheme}::"Scheme"`);
  if (search.currency) conditions.push(Prisma.sql`i."currency" = ${search.currency}::"Currency"`);
  if (search.q && /^\d{1,9}$/.test(search.q)) {
    // Digits alone are an account id (the account page links here that way).
    conditions.push(Prisma.sql`a."id" = ${Number(search.q)}`);
  } else if (search.q) {
    const pattern = `%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(Prisma.sql`(a."name" ILIKE ${pattern} OR i."number" ILIKE ${pattern})`);
  }
  return Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}`;
}

export async function listInvoices(
  actor: Actor,
  search: InvoicesSearch,
): Promise<{ rows: InvoiceRow[]; rowCount: number; pageCount: number; totals: CurrencyTotal[] }> {
  const where = invoicesWhere(actor, search);
  const day = today();
  const direction = search.sort.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const nulls = search.sort.desc ? Prisma.sql`NULLS LAST` : Prisma.sql`NULLS FIRST`;
  const [rows, totals] = await Promise.all([
    db.$queryRaw<(Omit<InvoiceRow, 'issuedAt' | 'plannedIssueDate' | 'issueOverdue'> & { issuedAt: Date | null })[]>`
      SELECT i."id", i."number", i."accountId", a."name" AS "accountName", i."month", i."scheme"::text AS "scheme",
             i."currency"::text AS "currency", i."status"::text AS "status", i."total"::text AS "total", i."issuedAt",
             (SELECT count(*)::int FROM "InvoiceLine" l WHERE l."invoiceId" = i."id") AS "lineCount",
             r."number" AS "replacesNumber"
        FROM "Invoice" i JOIN "Account" a ON a."id" = i."accountId"
        LEFT JOIN "Invoice" r ON r."id" = i."replacesId"
        ${where}
       ORDER BY ${ORDER_BY[search.sort.id]} ${direction} ${nulls}, i."id" ${direction}
       LIMIT ${search.perPage} OFFSET ${(search.page - 1) * search.perPage}`,
    // Totals of the whole filtered set: a void invoice is owed nothing, so it is neither summed
    // nor counted with the others (the page says how many were left out).
    db.$queryRaw<CurrencyTotal[]>`
      SELECT i."currency"::text AS "currency",
             (count(*) FILTER (WHERE i."status" <> 'VOID'))::int AS "count",
             (count(*) FILTER (WHERE i."status" = 'VOID'))::int AS "voidCount",
             COALESCE(sum(i."total") FILTER (WHERE i."status" <> 'VOID'), 0)::numeric(30,2)::text AS "total"
        FROM "Invoice" i JOIN "Account" a ON a."id" = i."accountId"
        ${where}
       GROUP BY i."currency" ORDER BY i."currency"`,
  ]);
  const rowCount = totals.reduce((n, t) => n + t.count + t.voidCount, 0);
  return {
    rows: rows.map((r) => {
      const planned = plannedIssueDate(r.month);
      return { ...r, issuedAt: r.issuedAt?.toISOString() ?? null, plannedIssueDate: planned, issueOverdue: isIssueOverdue({ status: r.status, plannedIssueDate: planned }, day) };
    }),
    rowCount,
    pageCount: Math.max(1, Math.ceil(rowCount / search.perPage)),
    totals,
  };
}

/** Months that have invoices, newest first, for the month filter. */
export async function listInvoiceMonths(actor: Actor): Promise<string[]> {
  const rows = await db.$queryRaw<{ month: string }[]>`
    SELECT DISTINCT i."month" FROM "Invoice" i JOIN "Account" a ON a."id" = i."accountId"
     WHERE ${invoiceScope(actor)} ORDER BY i."month" DESC LIMIT 60`;
  return rows.map((r) => r.month);
}

/** Draft counts of a month (the "issue all" button). */
export async function countDrafts(month: string): Promise<number> {
  return db.invoice.count({ where: { month, status: 'DRAFT' } });
}

export type InvoiceLineView = {
  /** The line's place on its invoice (1, 2, …): with the invoice, its key. */
  position: number;
  code: string;
  edition: string | null;
  addon: string | null;
  from: string;
  to: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  /** Rendered in the reader's language by renderExplanation (lib/i18n/explain.ts). */
  explanation: Explanation;
};

export type InvoiceAppGroup = { sdkAppId: string; appName: string; dataCenter: string; subtotal: string; lines: InvoiceLineView[] };

export type InvoiceDetail = {
  id: number;
  number: string | null;
  status: InvoiceStatus;
  month: string;
  period: { from: string; to: string };
  scheme: 'LEGACY' | 'CURRENT';
  currency: 'CNY' | 'USD';
  total: string;
  createdAt: string;
  issuedAt: string | null;
  paidAt: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  plannedIssueDate: string;
  /** A draft past its planned issue date. */
  issueOverdue: boolean;
  billingRunId: number | null;
  replaces: { id: number; number: string | null } | null;
  replacedBy: { id: number; number: string | null; status: InvoiceStatus } | null;
  account: { id: number; name: string; contactEmail: string };
  apps: InvoiceAppGroup[];
};

/** Trims a numeric's trailing zeros: quantities and unit prices keep their own precision. */
function plain(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

function dateOf(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** One invoice with its lines grouped by app, or null when it does not exist or is outside the actor's scope. */
export async function getInvoice(actor: Actor, id: number): Promise<InvoiceDetail | null> {
  const [visible] = await db.$queryRaw<{ id: number }[]>`
    SELECT i."id" FROM "Invoice" i JOIN "Account" a ON a."id" = i."accountId" WHERE i."id" = ${id} AND ${invoiceScope(actor)}`;
  if (!visible) return null;
  const invoice = await db.invoice.findUnique({
    where: { id },
    include: {
      account: { select: { id: true, name: true, contactEmail: true } },
      replaces: { select: { id: true, number: true } },
      replacedBy: { select: { id: true, number: true, status: true } },
      lines: { orderBy: { position: 'asc' }, include: { app: { select: { name: true, dataCenter: true } } } },
    },
  });
  if (!invoice) return null;
  const groups = new Map<string, InvoiceAppGroup & { cents: bigint }>();
  for (const line of invoice.lines) {
    const key = line.sdkAppId.toString();
    const group = groups.get(key) ?? { sdkAppId: key, appName: line.app.name, dataCenter: line.app.dataCenter, subtotal: '0', lines: [], cents: 0n };
    group.lines.push({
      position: line.position,
      code: line.code,
      edition: line.edition,
      addon: line.addon,
      from: dateOf(line.fromDate),
      to: dateOf(line.toDate),
      quantity: plain(line.quantity.toFixed()),
      unitPrice: plain(line.unitPrice.toFixed()),
      amount: line.amount.toFixed(2),
      explanation: storedExplanation(line.explainKey, line.explainParams, line.explain),
    });
    // Amounts have exactly two decimals: integer cents add up exactly.
    group.cents += BigInt(line.amount.toFixed(2).replace('.', ''));
    groups.set(key, group);
  }
  const apps = [...groups.values()].map(({ cents, ...group }) => ({ ...group, subtotal: centsToString(cents) }));
  const replacedBy =
    invoice.replacedBy && (actor.role !== 'CUSTOMER' || invoice.replacedBy.status !== 'DRAFT') ? invoice.replacedBy : null;
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    month: invoice.month,
    period: monthBounds(invoice.month),
    scheme: invoice.scheme,
    currency: invoice.currency,
    total: invoice.total.toFixed(2),
    createdAt: invoice.createdAt.toISOString(),
    issuedAt: invoice.issuedAt?.toISOString() ?? null,
    paidAt: invoice.paidAt?.toISOString() ?? null,
    voidedAt: invoice.voidedAt?.toISOString() ?? null,
    voidReason: invoice.voidReason,
    plannedIssueDate: plannedIssueDate(invoice.month),
    issueOverdue: isIssueOverdue({ status: invoice.status, plannedIssueDate: plannedIssueDate(invoice.month) }, today()),
    billingRunId: invoice.billingRunId,
    replaces: invoice.replaces,
    replacedBy,
    account: invoice.account,
    apps,
  };
}

/** What changed in a draft's inputs after it was rated (see getDraftChanges). */
export type DraftChanges = {
  /** When its inputs were read: its billing run's start, or its own creation (a correction). */
  ratedAt: string;
  /** Usage rows of the month recorded or replaced since, and the latest of them. */
  usageRows: number;
  lastUsageAt: string | null;
  /** Plan events (editions, add-ons) dated in or before the month, recorded since. */
  planChanges: number;
  /** The account's migration was executed since. */
  migrated: boolean;
};

/**
 * For a DRAFT: whether the usage, plan events or migration it was rated from changed after it
 * was rated, so that issuing it would bill stale figures (a re-run of the month replaces it).
 * Null when it is not a draft or nothing changed. Reads one account's month: cheap on a page.
 */
export async function getDraftChanges(invoice: Pick<InvoiceDetail, 'id' | 'status' | 'month'>): Promise<DraftChanges | null> {
  if (invoice.status !== 'DRAFT') return null;
  const { from, to } = monthBounds(invoice.month);
  const [row] = await db.$queryRaw<{ ratedAt: Date; usageRows: number; lastUsageAt: Date | null; planChanges: number; migrated: boolean }[]>`
    WITH draft AS (
      SELECT i."accountId", i."month", COALESCE(r."startedAt", i."createdAt") AS "ratedAt"
        FROM "Invoice" i LEFT JOIN "BillingRun" r ON r."id" = i."billingRunId"
       WHERE i."id" = ${invoice.id} AND i."status" = 'DRAFT'
    ), changed AS (
      SELECT u."updatedAt" FROM draft d JOIN "App" p ON p."accountId" = d."accountId"
        JOIN "UsageDaily" u ON u."sdkAppId" = p."sdkAppId" AND u."date" BETWEEN ${from}::date AND ${to}::date
       WHERE u."updatedAt" > d."ratedAt"
    )
    SELECT d."ratedAt",
           (SELECT count(*)::int FROM changed) AS "usageRows",
           (SELECT max("updatedAt") FROM changed) AS "lastUsageAt",
           (SELECT count(*)::int FROM "PlanEvent" e JOIN "App" p ON p."sdkAppId" = e."sdkAppId"
             WHERE p."accountId" = d."accountId" AND e."date" <= ${to}::date AND e."createdAt" > d."ratedAt") AS "planChanges",
           EXISTS (SELECT 1 FROM "MigrationTicket" t WHERE t."accountId" = d."accountId" AND t."executedAt" > d."ratedAt") AS "migrated"
      FROM draft d`;
  if (!row || (row.usageRows === 0 && row.planChanges === 0 && !row.migrated)) return null;
  return {
    ratedAt: row.ratedAt.toISOString(),
    usageRows: row.usageRows,
    lastUsageAt: row.lastUsageAt?.toISOString() ?? null,
    planChanges: row.planChanges,
    migrated: row.migrated,
  };
}

function centsToString(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

export type UsageSeries = {
  sdkAppId: string;
  metric: 'dau' | 'peakGroups' | 'mau';
  /** The free quota drawn on the chart. */
  quota: number;
  /** One point per day of the month; null when nothing was reported that day. */
  days: { date: string; value: number | null }[];
};

/**
 * The month's daily usage of the invoice's apps, for the charts: legacy apps' DAU and peak
 * groups (free 10,000 / 100,000), current apps' cumulative MAU (free 10,000). One statement.
 */
export async function getInvoiceUsage(detail: Pick<InvoiceDetail, 'month' | 'scheme' | 'apps'>): Promise<UsageSeries[]> {
  if (detail.apps.length === 0) return [];
  const { from, to, days } = monthBounds(detail.month);
  const ids = detail.apps.map((a) => a.sdkAppId);
  const rows = await db.$queryRawUnsafe<{ sdkAppId: string; day: number; dau: number | null; peakGroups: number | null; mau: number | null }[]>(
    `SELECT u."sdkAppId"::text AS "sdkAppId", (u."date" - $2::date)::int AS "day", u."dau", u."peakGroups", u."mau"
       FROM "UsageDaily" u WHERE u."sdkAppId" = ANY($1::bigint[]) AND u."date" BETWEEN $2::date AND $3::date`,
    ids,
    from,
    to,
  );
  const metrics =
    detail.scheme === 'LEGACY'
      ? ([
          ['dau', LEGACY_OVERAGE.DAU.free],
          ['peakGroups', LEGACY_OVERAGE.GROUP.free],
        ] as const)
      : ([['mau', CURRENT_MAU_OVERAGE.free]] as const);
  const dates = Array.from({ length: days }, (_, i) => `${detail.month}-${String(i + 1).padStart(2, '0')}`);
  const series: UsageSeries[] = [];
  for (const id of ids) {
    const own = rows.filter((r) => r.sdkAppId === id);
    for (const [metric, quota] of metrics) {
      const values: (number | null)[] = dates.map(() => null);
      for (const r of own) values[r.day] = r[metric];
      series.push({ sdkAppId: id, metric, quota, days: dates.map((date, i) => ({ date, value: values[i] ?? null })) });
    }
  }
  return series;
}

export type AccountInvoiceRow = Pick<InvoiceRow, 'id' | 'number' | 'month' | 'status' | 'total' | 'currency' | 'issuedAt' | 'plannedIssueDate' | 'issueOverdue'>;

/** The account page's invoices, newest first; a customer sees only issued, paid and void ones. */
export async function listAccountInvoices(actor: Actor, accountId: number, limit = 24): Promise<AccountInvoiceRow[]> {
  const invoices = await db.invoice.findMany({
    where: {
      accountId,
      ...(actor.role === 'CUSTOMER' ? { status: { in: [...CUSTOMER_VISIBLE_STATUSES] } } : {}),
      ...(actor.role === 'ACCOUNT_MANAGER' ? { account: { managerId: actor.id } } : {}),
      ...(actor.role === 'CUSTOMER' && actor.accountId !== accountId ? { id: -1 } : {}),
    },
    orderBy: [{ month: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, number: true, month: true, status: true, total: true, currency: true, issuedAt: true },
  });
  const day = today();
  return invoices.map((i) => ({
    id: i.id,
    number: i.number,
    month: i.month,
    status: i.status,
    total: i.total.toFixed(2),
    currency: i.currency,
    issuedAt: i.issuedAt?.toISOString() ?? null,
    plannedIssueDate: plannedIssueDate(i.month),
    issueOverdue: isIssueOverdue({ status: i.status, plannedIssueDate: plannedIssueDate(i.month) }, day),
  }));
}
