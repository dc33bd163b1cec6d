import 'server-only';
import { Prisma } from '../generated/prisma/client';
import { accountScope } from '../accounts/queries';
import type { Actor } from '../auth/guard';
import { db } from '../db/client';
import { invoiceScope } from '../invoices/queries';

export type SearchKind = 'account' | 'app' | 'invoice' | 'creditNote' | 'ticket';
export type SearchHit = { kind: SearchKind; key: string; title: string; detail: string; href: string };

/** Hits per source: a palette shows a screenful, not a report. */
export const HITS_PER_SOURCE = 6;

type SearchTerm = { text: string; pattern: string; digits: string | null };
type SearchSource = (actor: Actor, term: SearchTerm) => Promise<SearchHit[]>;

function like(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const searchAccounts: SearchSource = async (actor, term) => {
  const byId = term.digits && term.digits.length <= 9 ? Prisma.sql`OR a."id" = ${Number(term.digits)}` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: number; name: string; scheme: string; currency: string }[]>`
    SELECT a."id", a."name", a."scheme"::text AS "scheme", a."currency"::text AS "currency"
      FROM "Account" a
     WHERE ${accountScope(actor)} AND (a."name" ILIKE ${term.pattern} ${byId})
     ORDER BY (a."name" ILIKE ${`${like(term.text)}%`}) DESC, a."name"
     LIMIT ${HITS_PER_SOURCE}`;
  return rows.map((r) => ({
    kind: 'account',
    key: `account-${r.id}`,
    title: r.name,
    detail: `#${r.id} · ${r.scheme} · ${r.currency}`,
    href: actor.role === 'CUSTOMER' ? '/portal' : `/accounts/${r.id}`,
  }));
};

const searchApps: SearchSource = async (actor, term) => {
  const bySdkAppId = term.digits ? Prisma.sql`OR p."sdkAppId"::text LIKE ${`${term.digits}%`}` : Prisma.empty;
  const rows = await db.$queryRaw<{ sdkAppId: bigint; name: string; accountId: number; accountName: string }[]>`
    SELECT p."sdkAppId", p."name", a."id" AS "accountId", a."name" AS "accountName"
      FROM "App" p JOIN "Account" a ON a."id" = p."accountId"
     WHERE ${accountScope(actor)} AND (p."name" ILIKE ${term.pattern} ${bySdkAppId})
     ORDER BY p."sdkAppId"
     LIMIT ${HITS_PER_SOURCE}`;
  return rows.map((r) => ({
    kind: 'app',
    key: `app-${r.sdkAppId}`,
    title: `${r.sdkAppId} · ${r.name}`,
    detail: r.accountName,
    href: actor.role === 'CUSTOMER' ? `/portal/apps/${r.sdkAppId}` : `/accounts/${r.accountId}/apps/${r.sdkAppId}`,
  }));
};

const searchInvoices: SearchSource = async (actor, term) => {
  const rows = await db.$queryRaw<{ id: string; number: string; month: string; status: string; total: string; currency: string; accountName: string }[]>`
    SELECT i."id"::text AS "id", i."number", i."month", i."status"::text AS "status", i."total"::text AS "total",
           i."currency"::text AS "currency", a."name" AS "accountName"
      FROM "Invoice" i JOIN "Account" a ON a."id" = i."accountId"
     WHERE ${invoiceScope(actor)} AND i."number" ILIKE ${term.pattern}
     ORDER BY i."number" DESC
     LIMIT ${HITS_PER_SOURCE}`;
  return rows.map((r) => ({
    kind: 'invoice',
    key: `invoice-${r.id}`,
    title: r.number,
    detail: `${r.accountName} · ${r.month} · ${r.status} · ${r.total} ${r.currency}`,
    href: actor.role === 'CUSTOMER' ? `/portal/invoices/${r.id}` : `/invoices/${r.id}`,
  }));
};

/** Credit notes are read on their invoice's page; their scope is their invoice's. */
const searchCreditNotes: SearchSource = async (actor, term) => {
  const rows = await db.$queryRaw<{ id: number; number: string; invoiceId: string; invoiceNumber: string | null; total: string; currency: string; accountName: string }[]>`
    SELECT n."id", n."number", i."id"::text AS "invoiceId", i."number" AS "invoiceNumber", n."total"::text AS "total",
           n."currency"::text AS "currency", a."name" AS "accountName"
      FROM "CreditNote" n JOIN "Invoice" i ON i."id" = n."invoiceId" JOIN "Account" a ON a."id" = i."accountId"
     WHERE ${invoiceScope(actor)} AND n."number" ILIKE ${term.pattern}
     ORDER BY n."number" DESC
     LIMIT ${HITS_PER_SOURCE}`;
  return rows.map((r) => ({
    kind: 'creditNote',
    key: `credit-note-${r.id}`,
    title: r.number,
    detail: `${r.accountName} · ${r.invoiceNumber ?? ''} · -${r.total} ${r.currency}`,
    href: actor.role === 'CUSTOMER' ? `/portal/invoices/${r.invoiceId}` : `/invoices/${r.invoiceId}`,
  }));
};

const searchTickets: SearchSource = async (actor, term) => {
  if (actor.role === 'CUSTOMER') return [];
  const byId = term.digits && term.digits.length <= 9 ? Prisma.sql`OR t."id" = ${Number(term.digits)}` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: number; requestRef: string; status: string; accountName: string }[]>`
    SELECT t."id", t."requestRef", t."status"::text AS "status", a."name" AS "accountName"
      FROM "MigrationTicket" t JOIN "Account" a ON a."id" = t."accountId"
     WHERE ${accountScope(actor)} AND (t."requestRef" ILIKE ${term.pattern} OR a."name" ILIKE ${term.pattern} ${byId})
     ORDER BY t."id" DESC
     LIMIT ${HITS_PER_SOURCE}`;
  return rows.map((r) => ({
    kind: 'ticket',
    key: `ticket-${r.id}`,
    title: `#${r.id} · ${r.requestRef}`,
    detail: `${r.accountName} · ${r.status}`,
    href: `/migrations/${r.id}`,
  }));
};

/** What the palette searches, in the order results are shown; one more source is one entry. */
export const SEARCH_SOURCES: SearchSource[] = [searchAccounts, searchApps, searchInvoices, searchCreditNotes, searchTickets];

/**
 * Everything the actor may see whose name, number or id matches `text`: accounts (name, id),
 * apps (SDKAppID prefix, name), invoice and credit-note numbers, migration tickets. Each source applies the
 * actor's scope in its WHERE, as the lists do.
 */
export async function searchEverything(actor: Actor, text: string): Promise<SearchHit[]> {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const term: SearchTerm = { text: trimmed, pattern: `%${like(trimmed)}%`, digits: /^\d{1,10}$/.test(trimmed) ? trimmed : null };
  const results = await Promise.all(SEARCH_SOURCES.map((source) => source(actor, term)));
  return results.flat();
}
