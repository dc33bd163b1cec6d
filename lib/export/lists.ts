import 'server-only';
import { accountScope, accountsWhere } from '../accounts/queries';
import type { AccountsSearch } from '../accounts/schemas';
import { auditWhere } from '../audit/queries';
import type { AuditSearch } from '../audit/schemas';
import type { Actor } from '../auth/guard';
import { monthBounds } from '../billing/dates';
import { db } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { invoicesWhere } from '../invoices/queries';
import type { InvoicesSearch } from '../invoices/schemas';
import type { UsageSearch } from '../usage/schemas';
import { EXPORT_PAGE_ROWS, type CsvExport } from './csv-stream';

// Every export reads the list's own WHERE (the actor's scope and the URL's filters) in key order
// after a cursor: `SELECT … FROM (<the list's rows>) x WHERE x.key > cursor ORDER BY key LIMIT n`.

/** The invoices list as CSV; `ids` narrows it to a selection (still within the actor's scope). */
export function invoicesExport(actor: Actor, search: InvoicesSearch, ids?: number[]): CsvExport<number> {
  const selection = ids?.length ? Prisma.sql`AND i."id" IN (${Prisma.join(ids)})` : Prisma.empty;
  return {
    filename: 'invoices.csv',
    header: ['id', 'number', 'account_id', 'account', 'month', 'scheme', 'currency', 'status', 'total', 'issued_at', 'paid_at', 'voided_at'],
    async page(after) {
      const rows = await db.$queryRaw<{ id: number; number: string | null; accountId: number; accountName: string; month: string; scheme: string; currency: string; status: string; total: string; issuedAt: Date | null; paidAt: Date | null; voidedAt: Date | null }[]>`
        SELECT i."id", i."number", i."accountId", a."name" AS "accountName", i."month", i."scheme"::text AS "scheme",
               i."currency"::text AS "currency", i."status"::text AS "status", i."total"::text AS "total", i."issuedAt", i."paidAt", i."voidedAt"
          FROM "Invoice" i JOIN "Account" a ON a."id" = i."accountId"
          ${invoicesWhere(actor, search)} ${selection} AND i."id" > ${after ?? 0}
         ORDER BY i."id" LIMIT ${EXPORT_PAGE_ROWS}`;
      return {
        rows: rows.map((r) => [r.id, r.number, r.accountId, r.accountName, r.month, r.scheme, r.currency, r.status, r.total, r.issuedAt?.toISOString(), r.paidAt?.toISOString(), r.voidedAt?.toISOString()]),
        next: rows.length === EXPORT_PAGE_ROWS ? rows[rows.length - 1]!.id : null,
      };
    },
  };
}

export function accountsExport(actor: Actor, search: AccountsSearch): CsvExport<number> {
  return {
    filename: 'accounts.csv',
    header: ['id', 'name', 'scheme', 'currency', 'current_from', 'manager', 'apps', 'created_at'],
    async page(after) {
      const rows = await db.$queryRaw<{ id: number; name: string; scheme: string; currency: string; currentFrom: string | null; manager: string | null; apps: number; createdAt: Date }[]>`
        SELECT a."id", a."name", a."scheme"::text AS "scheme", a."currency"::text AS "currency", to_char(a."currentFrom", 'YYYY-MM-DD') AS "currentFrom",
               u."email" AS "manager", (SELECT count(*)::int FROM "App" p WHERE p."accountId" = a."id") AS "apps", a."createdAt"
          FROM (SELECT a.* FROM "Account" a ${accountsWhere(actor, search)}) a
          LEFT JOIN "User" u ON u."id" = a."managerId"
         WHERE a."id" > ${after ?? 0}
         ORDER BY a."id" LIMIT ${EXPORT_PAGE_ROWS}`;
      return {
        rows: rows.map((r) => [r.id, r.name, r.scheme, r.currency, r.currentFrom, r.manager, r.apps, r.createdAt.toISOString()]),
        next: rows.length === EXPORT_PAGE_ROWS ? rows[rows.length - 1]!.id : null,
      };
    },
  };
}

/** The apps of the accounts the actor may see, optionally of one account. */
export function appsExport(actor: Actor, accountId?: number): CsvExport<bigint> {
  const scope = accountScope(actor);
  const account = accountId === undefined ? Prisma.empty : Prisma.sql`AND a."id" = ${accountId}`;
  return {
    filename: accountId === undefined ? 'apps.csv' : `apps-account-${accountId}.csv`,
    header: ['sdk_app_id', 'name', 'account_id', 'account', 'data_center', 'created_at'],
    async page(after) {
      const rows = await db.$queryRaw<{ sdkAppId: bigint; name: string; accountId: number; accountName: string; dataCenter: string; createdAt: Date }[]>`
        SELECT p."sdkAppId", p."name", a."id" AS "accountId", a."name" AS "accountName", p."dataCenter"::text AS "dataCenter", p."createdAt"
          FROM "App" p JOIN "Account" a ON a."id" = p."accountId"
         WHERE ${scope} ${account} AND p."sdkAppId" > ${after ?? 0n}
         ORDER BY p."sdkAppId" LIMIT ${EXPORT_PAGE_ROWS}`;
      return {
        rows: rows.map((r) => [r.sdkAppId, r.name, r.accountId, r.accountName, r.dataCenter, r.createdAt.toISOString()]),
        next: rows.length === EXPORT_PAGE_ROWS ? rows[rows.length - 1]!.sdkAppId : null,
      };
    },
  };
}

type UsageCursor = { sdkAppId: bigint; date: string };

/** Daily usage rows (ops), filtered as the usage lookup is; keyed by (app, day). */
export function usageExport(search: UsageSearch): CsvExport<UsageCursor> {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (search.app) conditions.push(Prisma.sql`u."sdkAppId" = ${BigInt(search.app)}`);
  if (search.month) {
    const { from, to } = monthBounds(search.month);
    conditions.push(Prisma.sql`u."date" BETWEEN ${from}::date AND ${to}::date`);
  }
  if (search.source) conditions.push(Prisma.sql`u."source" = ${search.source}::"UsageSource"`);
  return {
    filename: 'usage.csv',
    header: ['sdk_app_id', 'date', 'dau', 'peak_groups', 'mau', 'pcc', 'barrage_domestic_mbps', 'barrage_intl_mbps', 'source', 'updated_at'],
    async page(after) {
      const cursor = after ? Prisma.sql`AND (u."sdkAppId", u."date") > (${after.sdkAppId}, ${after.date}::date)` : Prisma.empty;
      const rows = await db.$queryRaw<{ sdkAppId: bigint; date: string; dau: number | null; peakGroups: number | null; mau: number | null; pcc: number | null; dom: string | null; intl: string | null; source: string; updatedAt: Date }[]>`
        SELECT u."sdkAppId", to_char(u."date", 'YYYY-MM-DD') AS "date", u."dau", u."peakGroups", u."mau", u."pcc",
               u."barrageDomesticMbps"::text AS "dom", u."barrageIntlMbps"::text AS "intl", u."source"::text AS "source", u."updatedAt"
          FROM "UsageDaily" u
         WHERE ${Prisma.join(conditions, ' AND ')} ${cursor}
         ORDER BY u."sdkAppId", u."date" LIMIT ${EXPORT_PAGE_ROWS}`;
      const last = rows[rows.length - 1];
      return {
        rows: rows.map((r) => [r.sdkAppId, r.date, r.dau, r.peakGroups, r.mau, r.pcc, r.dom, r.intl, r.source, r.updatedAt.toISOString()]),
        next: rows.length === EXPORT_PAGE_ROWS && last ? { sdkAppId: last.sdkAppId, date: last.date } : null,
      };
    },
  };
}

/** The audit log (ops) with the page's filters; the before/after documents as JSON text. */
export function auditExport(search: AuditSearch): CsvExport<bigint> {
  return {
    filename: 'audit-log.csv',
    header: ['id', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'account_id', 'before', 'after'],
    async page(after) {
      const rows = await db.$queryRaw<{ id: bigint; at: Date; actorLabel: string; action: string; entityType: string; entityId: string; accountId: number | null; before: unknown; after: unknown }[]>`
        SELECT l."id", l."at", l."actorLabel", l."action", l."entityType", l."entityId", l."accountId", l."before", l."after"
          FROM (SELECT * FROM "AuditLog" l ${auditWhere(search)}) l
         WHERE l."id" > ${after ?? 0n}
         ORDER BY l."id" LIMIT ${EXPORT_PAGE_ROWS}`;
      return {
        rows: rows.map((r) => [r.id, r.at.toISOString(), r.actorLabel, r.action, r.entityType, r.entityId, r.accountId, r.before === null ? null : JSON.stringify(r.before), r.after === null ? null : JSON.stringify(r.after)]),
        next: rows.length === EXPORT_PAGE_ROWS ? rows[rows.length - 1]!.id : null,
      };
    },
  };
}
