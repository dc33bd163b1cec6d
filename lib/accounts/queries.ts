import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { db } from '../db/client';
import type { Actor } from '../auth/guard';
import type { AccountsSearch, AccountSortKey } from './schemas';

export type AccountRow = {
  id: number;
  name: string;
  scheme: 'LEGACY' | 'CURRENT';
  currency: 'CNY' | 'USD';
  currentFrom: string | null;
  createdAt: string;
  managerName: string | null;
  appCount: number;
  dataCenters: string[];
};

/**
 * The accounts an actor may see, as a condition on the alias `a` of "Account": ops all, an
 * account manager theirs, a customer their own. Lists, search, exports and money reads share it.
 */
export function accountScope(actor: Actor): Prisma.Sql {
  switch (actor.role) {
    case 'OPS':
      return Prisma.sql`TRUE`;
    case 'ACCOUNT_MANAGER':
      return Prisma.sql`a."managerId" = ${actor.id}::uuid`;
    case 'CUSTOMER':
      return Prisma.sql`a."id" = ${actor.accountId ?? -1}`;
  }
}

// Whitelisted ORDER BY fragments: a URL key never reaches SQL as text.
const ORDER_BY: Record<AccountSortKey, Prisma.Sql> = {
  id: Prisma.sql`a."id"`,
  name: Prisma.sql`a."name"`,
  scheme: Prisma.sql`a."scheme"`,
  createdAt: Prisma.sql`a."createdAt"`,
};

/** The WHERE clause shared by the page and its count: the actor's scope, then the URL's filters. */
export function accountsWhere(actor: Actor, search: AccountsSearch): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (actor.role === 'ACCOUNT_MANAGER') conditions.push(Prisma.sql`a."managerId" = ${actor.id}::uuid`);
  if (actor.role === 'CUSTOMER') conditions.push(Prisma.sql`a."id" = ${actor.accountId ?? -1}`);
  if (search.scheme) conditions.push(Prisma.sql`a."scheme" = ${search.scheme}::"Scheme"`);
  if (search.currency) conditions.push(Prisma.sql`a."currency" = ${search.currency}::"Currency"`);
  if (search.dc) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "App" p WHERE p."accountId" = a."id" AND p."dataCenter" = ${search.dc}::"DataCenter")`,
    );
  }
  if (search.q) {
    const pattern = `%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const byId = /^\d{1,9}$/.test(search.q) ? Prisma.sql` OR a."id" = ${Number(search.q)}` : Prisma.empty;
    const byApp = /^\d{10}$/.test(search.q)
      ? Prisma.sql` OR EXISTS (SELECT 1 FROM "App" p WHERE p."accountId" = a."id" AND p."sdkAppId" = ${BigInt(search.q)})`
      : Prisma.empty;
    conditions.push(Prisma.sql`(a."name" ILIKE ${pattern}${byId}${byApp})`);
  }
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
}

export function accountsPageSql(actor: Actor, search: AccountsSearch): Prisma.Sql {
  const direction = search.sort.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  return Prisma.sql`
    SELECT a."id", a."name", a."scheme"::text AS "scheme", a."currency"::text AS "currency",
           to_char(a."currentFrom", 'YYYY-MM-DD') AS "currentFrom", a."createdAt", u."name" AS "managerName",
           apps."appCount", apps."dataCenters"
      FROM (SELECT a.* FROM "Account" a ${accountsWhere(actor, search)}
             ORDER BY ${ORDER_BY[search.sort.id]} ${direction}, a."id" ${direction}
             LIMIT ${search.perPage} OFFSET ${(search.page - 1) * search.perPage}) a
      LEFT JOIN "User" u ON u."id" = a."managerId"
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS "appCount",
               COALESCE(array_agg(DISTINCT p."dataCenter"::text) FILTER (WHERE p."sdkAppId" IS NOT NULL), '{}') AS "dataCenters"
          FROM "App" p WHERE p."accountId" = a."id") apps
     ORDER BY ${ORDER_BY[search.sort.id]} ${direction}, a."id" ${direction}`;
}

export function accountsCountSql(actor: Actor, search: AccountsSearch): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS "count" FROM "Account" a ${accountsWhere(actor, search)}`;
}

/**
 * One page of accounts the actor may see. Two statements: the page (its LIMIT lets the sort use
 * an index and the per-row app facts are looked up for those rows only) and the count.
 */
export async function listAccounts(
  actor: Actor,
  search: AccountsSearch,
): Promise<{ rows: AccountRow[]; rowCount: number; pageCount: number }> {
  const [rows, counted] = await Promise.all([
    db.$queryRaw<(Omit<AccountRow, 'createdAt'> & { createdAt: Date })[]>(accountsPageSql(actor, search)),
    db.$queryRaw<{ count: number }[]>(accountsCountSql(actor, search)),
  ]);
  const rowCount = counted[0]?.count ?? 0;
  return {
    rows: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    rowCount,
    pageCount: Math.max(1, Math.ceil(rowCount / search.perPage)),
  };
}

export type AccountDetail = {
  id: number;
  name: string;
  contactEmail: string;
  scheme: 'LEGACY' | 'CURRENT';
  currency: 'CNY' | 'USD';
  currentFrom: string | null;
  createdAt: string;
  manager: { id: string; name: string; email: string } | null;
};

export async function getAccount(accountId: number): Promise<AccountDetail | null> {
  const account = await db.account.findUnique({
    where: { id: accountId },
    include: { manager: { select: { id: true, name: true, email: true } } },
  });
  if (!account) return null;
  return {
    id: account.id,
    name: account.name,
    contactEmail: account.contactEmail,
    scheme: account.scheme,
    currency: account.currency,
    currentFrom: account.currentFrom ? toDateString(account.currentFrom) : null,
    createdAt: account.createdAt.toISOString(),
    manager: account.manager,
  };
}

/** A DATE column comes back as a Date at UTC midnight; its calendar day is the ISO prefix. */
export function toDateString(value: Date): string {
  return value.toISOString().slice(0, 10);
}
