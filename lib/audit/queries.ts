import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { addDays } from '../billing/dates';
import { db } from '../db/client';
import type { AuditSearch, AuditSortKey } from './schemas';

export type AuditRow = {
  id: string;
  at: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  accountId: number | null;
  accountName: string | null;
  before: unknown;
  after: unknown;
};

// Whitelisted ORDER BY fragments: a URL key never reaches SQL as text.
const ORDER_BY: Record<AuditSortKey, Prisma.Sql> = {
  at: Prisma.sql`l."at"`,
  action: Prisma.sql`l."action"`,
  actor: Prisma.sql`l."actorLabel"`,
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function auditWhere(search: AuditSearch): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (search.account !== undefined) conditions.push(Prisma.sql`l."accountId" = ${search.account}`);
  if (search.actor) conditions.push(Prisma.sql`l."actorLabel" ILIKE ${`%${escapeLike(search.actor)}%`}`);
  if (search.action) {
    conditions.push(
      search.action.endsWith('*')
        ? Prisma.sql`l."action" LIKE ${`${escapeLike(search.action.slice(0, -1))}%`}`
        : Prisma.sql`l."action" = ${search.action}`,
    );
  }
  // Days of the billing calendar: [from 00:00, to+1 00:00) in the billing time zone.
  if (search.from) conditions.push(Prisma.sql`l."at" >= ${`${search.from}T00:00:00+08:00`}::timestamptz`);
  if (search.to) conditions.push(Prisma.sql`l."at" < ${`${addDays(search.to, 1)}T00:00:00+08:00`}::timestamptz`);
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
}

/** One page of the audit log, newest first unless sorted otherwise; filtered and paged in SQL. */
export async function listAuditEntries(search: AuditSearch): Promise<{ rows: AuditRow[]; rowCount: number; pageCount: number }> {
  const direction = search.sort.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const where = auditWhere(search);
  const [rows, counted] = await Promise.all([
    db.$queryRaw<(Omit<AuditRow, 'id' | 'at'> & { id: bigint; at: Date })[]>`
      SELECT l."id", l."at", l."actorLabel", l."action", l."entityType", l."entityId", l."accountId", a."name" AS "accountName",
             l."before", l."after"
        FROM (SELECT * FROM "AuditLog" l ${where}
               ORDER BY ${ORDER_BY[search.sort.id]} ${direction}, l."id" ${direction}
               LIMIT ${search.perPage} OFFSET ${(search.page - 1) * search.perPage}) l
        LEFT JOIN "Account" a ON a."id" = l."accountId"
       ORDER BY ${ORDER_BY[search.sort.id]} ${direction}, l."id" ${direction}`,
    db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM "AuditLog" l ${where}`,
  ]);
  const rowCount = counted[0]?.count ?? 0;
  return {
    rows: rows.map((row) => ({ ...row, id: row.id.toString(), at: row.at.toISOString() })),
    rowCount,
    pageCount: Math.max(1, Math.ceil(rowCount / search.perPage)),
  };
}

/** The actions recorded so far, for the filter's options. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db.$queryRaw<{ action: string }[]>`SELECT DISTINCT "action" FROM "AuditLog" ORDER BY "action"`;
  return rows.map((r) => r.action);
}
