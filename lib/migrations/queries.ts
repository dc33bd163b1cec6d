import 'server-only';
import type { Actor } from '../auth/guard';
import { BillingRuleError, appStateOn, type CurrentEdition } from '../billing';
import type { LegacyEdition } from '../billing/catalog';
import { db } from '../db/client';
import { DomainError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { loadAccountInput, type Queryable } from '../rating/inputs';
import { currentPreviewToken, type PreviewFigures } from './preview';
import { defaultEditions, migrationDates } from './rerate';
import type { TicketSortKey, TicketsSearch, TicketStatus } from './schemas';
import { changedParts, type BasisPart, type TokenParts } from './token';

export type TicketRow = {
  id: number;
  accountId: number;
  accountName: string;
  managerName: string | null;
  status: TicketStatus;
  requestRef: string;
  createdAt: string;
  createdByName: string | null;
  previewedAt: string | null;
  effectiveOn: string | null;
};

const ORDER_BY: Record<TicketSortKey, Prisma.Sql> = {
  id: Prisma.sql`t."id"`,
  account: Prisma.sql`a."name"`,
  status: Prisma.sql`t."status"`,
  createdAt: Prisma.sql`t."createdAt"`,
  effectiveOn: Prisma.sql`t."effectiveOn"`,
};

function requireStaff(actor: Actor): void {
  if (actor.role !== 'OPS' && actor.role !== 'ACCOUNT_MANAGER') {
    throw new DomainError('forbidden', 'error.access.customerTickets');
  }
}

/** The actor's scope, then the URL's filters. */
function ticketsWhere(actor: Actor, search: TicketsSearch): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (actor.role === 'ACCOUNT_MANAGER') conditions.push(Prisma.sql`a."managerId" = ${actor.id}::uuid`);
  if (search.status) conditions.push(Prisma.sql`t."status" = ${search.status}::"MigrationStatus"`);
  if (search.q) {
    const pattern = `%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const byId = /^\d{1,9}$/.test(search.q) ? Prisma.sql` OR a."id" = ${Number(search.q)} OR t."id" = ${Number(search.q)}` : Prisma.empty;
    conditions.push(Prisma.sql`(a."name" ILIKE ${pattern} OR t."requestRef" ILIKE ${pattern}${byId})`);
  }
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
}

/** One page of the tickets the actor may see: ops all, an account manager those of their accounts. */
export async function listTickets(actor: Actor, search: TicketsSearch): Promise<{ rows: TicketRow[]; rowCount: number; pageCount: number }> {
  requireStaff(actor);
  const where = ticketsWhere(actor, search);
  const direction = search.sort.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const nulls = search.sort.desc ? Prisma.sql`NULLS LAST` : Prisma.sql`NULLS FIRST`;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<(Omit<TicketRow, 'createdAt' | 'previewedAt'> & { createdAt: Date; previewedAt: Date | null })[]>`
      SELECT t."id", t."accountId", a."name" AS "accountName", m."name" AS "managerName", t."status"::text AS "status",
             t."requestRef", t."createdAt", u."name" AS "createdByName", t."previewedAt",
             to_char(t."effectiveOn", 'YYYY-MM-DD') AS "effectiveOn"
        FROM "MigrationTicket" t
        JOIN "Account" a ON a."id" = t."accountId"
        LEFT JOIN "User" m ON m."id" = a."managerId"
        LEFT JOIN "User" u ON u."id" = t."createdById"
        ${where}
       ORDER BY ${ORDER_BY[search.sort.id]} ${direction} ${nulls}, t."id" ${direction}
       LIMIT ${search.perPage} OFFSET ${(search.page - 1) * search.perPage}`,
    db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS "count" FROM "MigrationTicket" t JOIN "Account" a ON a."id" = t."accountId" ${where}`,
  ]);
  const rowCount = counted[0]?.count ?? 0;
  return {
    rows: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), previewedAt: r.previewedAt?.toISOString() ?? null })),
    rowCount,
    pageCount: Math.max(1, Math.ceil(rowCount / search.perPage)),
  };
}

export type TicketDetail = {
  id: number;
  status: TicketStatus;
  requestRef: string;
  notes: string;
  account: { id: number; name: string; scheme: 'LEGACY' | 'CURRENT'; currency: 'CNY' | 'USD'; currentFrom: string | null; managerId: string | null; managerName: string | null };
  createdBy: string | null;
  createdAt: string;
  previewedAt: string | null;
  previewMonths: number;
  editions: Record<string, CurrentEdition> | null;
  /** The last preview's digest: the execute form sends it back (executeMigration compares). */
  previewToken: string | null;
  figures: PreviewFigures | null;
  executedOn: string | null;
  effectiveOn: string | null;
  executedAt: string | null;
  executedBy: string | null;
  rejectedReason: string | null;
};

const day = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

/** A ticket, or null; the caller checks access to `account.id` (requireAccountAccess). */
export async function getTicket(ticketId: number): Promise<TicketDetail | null> {
  const t = await db.migrationTicket.findUnique({
    where: { id: ticketId },
    include: {
      account: { include: { manager: { select: { name: true } } } },
      createdBy: { select: { name: true, email: true } },
      executedBy: { select: { name: true, email: true } },
    },
  });
  if (!t) return null;
  return {
    id: t.id,
    status: t.status,
    requestRef: t.requestRef,
    notes: t.notes,
    account: {
      id: t.account.id,
      name: t.account.name,
      scheme: t.account.scheme,
      currency: t.account.currency,
      currentFrom: day(t.account.currentFrom),
      managerId: t.account.managerId,
      managerName: t.account.manager?.name ?? null,
    },
    createdBy: t.createdBy ? `${t.createdBy.name} (${t.createdBy.email})` : null,
    createdAt: t.createdAt.toISOString(),
    previewedAt: t.previewedAt?.toISOString() ?? null,
    previewMonths: t.previewMonths,
    editions: (t.editions as Record<string, CurrentEdition> | null) ?? null,
    previewToken: t.previewToken,
    figures: (t.previewFigures as PreviewFigures | null) ?? null,
    executedOn: day(t.executedOn),
    effectiveOn: day(t.effectiveOn),
    executedAt: t.executedAt?.toISOString() ?? null,
    executedBy: t.executedBy ? `${t.executedBy.name} (${t.executedBy.email})` : null,
    rejectedReason: t.rejectedReason,
  };
}

export type PreviewChoice = { sdkAppId: string; name: string; dataCenter: string; heldEdition: LegacyEdition; defaultEdition: CurrentEdition };

/**
 * The apps of the account with the legacy edition each holds on E-1 (the eve of the date the
 * migration would take effect if executed today) and its default current edition.
 */
export async function getPreviewChoices(accountId: number, today: string, q: Queryable = db): Promise<{ apps: PreviewChoice[]; error: string | null }> {
  const { lastLegacyDay } = migrationDates(today);
  const [loaded, meta] = await Promise.all([
    // Plan events are always read whole; no usage is needed here.
    loadAccountInput(accountId, lastLegacyDay, lastLegacyDay, q),
    q.$queryRaw<{ sdkAppId: bigint; name: string; dataCenter: string }[]>`
      SELECT "sdkAppId", "name", "dataCenter"::text AS "dataCenter" FROM "App" WHERE "accountId" = ${accountId} ORDER BY "sdkAppId"`,
  ]);
  if (!loaded) return { apps: [], error: null };
  const names = new Map(meta.map((m) => [Number(m.sdkAppId), m]));
  const apps: PreviewChoice[] = [];
  try {
    for (const app of loaded.input.apps) {
      const held = appStateOn({ scheme: 'LEGACY', sdkAppId: app.sdkAppId, events: app.events }, lastLegacyDay).edition as LegacyEdition;
      apps.push({
        sdkAppId: String(app.sdkAppId),
        name: names.get(app.sdkAppId)?.name ?? '',
        dataCenter: names.get(app.sdkAppId)?.dataCenter ?? '',
        heldEdition: held,
        defaultEdition: defaultEditions(new Map([[app.sdkAppId, held]]))[String(app.sdkAppId)] as CurrentEdition,
      });
    }
  } catch (error) {
    if (error instanceof BillingRuleError) return { apps, error: error.describe() };
    throw error;
  }
  return { apps, error: null };
}

/**
 * Whether the stored preview still matches the data (same token as a preview would compute now),
 * and if not which parts changed. Only for PREVIEWED tickets.
 */
export async function getPreviewFreshness(ticket: TicketDetail, today: string): Promise<{ fresh: boolean; changed: BasisPart[] }> {
  if (ticket.status !== 'PREVIEWED' || !ticket.editions || !ticket.figures) return { fresh: false, changed: [] };
  try {
    const stored = await db.migrationTicket.findUnique({ where: { id: ticket.id }, select: { previewToken: true } });
    const now = await currentPreviewToken(db, { accountId: ticket.account.id, monthCount: ticket.previewMonths, editions: ticket.editions, today });
    if (now.token === stored?.previewToken) return { fresh: true, changed: [] };
    return { fresh: false, changed: changedParts(ticket.figures.tokenParts as Partial<TokenParts>, now.parts) };
  } catch (error) {
    if (error instanceof DomainError) return { fresh: false, changed: ['account'] };
    throw error;
  }
}

export type AccountMigrationStatus = {
  accountId: number;
  scheme: 'LEGACY' | 'CURRENT';
  currentFrom: string | null;
  /** OPEN or PREVIEWED. */
  active: { id: number; status: TicketStatus; requestRef: string; createdAt: string } | null;
  executed: { id: number; executedOn: string; effectiveOn: string } | null;
  rejected: { id: number; requestRef: string; rejectedReason: string | null }[];
};

/** What the account page and the customer's home show about the migration. */
export async function getAccountMigrationStatus(accountId: number): Promise<AccountMigrationStatus | null> {
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: {
      id: true,
      scheme: true,
      currentFrom: true,
      tickets: {
        orderBy: { id: 'desc' },
        select: { id: true, status: true, requestRef: true, createdAt: true, executedOn: true, effectiveOn: true, rejectedReason: true },
      },
    },
  });
  if (!account) return null;
  const active = account.tickets.find((t) => t.status === 'OPEN' || t.status === 'PREVIEWED');
  const executed = account.tickets.find((t) => t.status === 'EXECUTED');
  return {
    accountId: account.id,
    scheme: account.scheme,
    currentFrom: day(account.currentFrom),
    active: active ? { id: active.id, status: active.status, requestRef: active.requestRef, createdAt: active.createdAt.toISOString() } : null,
    executed: executed ? { id: executed.id, executedOn: day(executed.executedOn) as string, effectiveOn: day(executed.effectiveOn) as string } : null,
    rejected: account.tickets
      .filter((t) => t.status === 'REJECTED')
      .map((t) => ({ id: t.id, requestRef: t.requestRef, rejectedReason: t.rejectedReason })),
  };
}

export type TicketAccountOption = { id: number; name: string; scheme: 'LEGACY' | 'CURRENT'; managerId: string | null; activeTicketId: number | null; migrated: boolean };

/** The account a new ticket is opened for, as the form shows it (null when missing). */
export async function getTicketAccount(accountId: number): Promise<TicketAccountOption | null> {
  const a = await db.account.findUnique({
    where: { id: accountId },
    select: { id: true, name: true, scheme: true, managerId: true, tickets: { where: { status: { in: ['OPEN', 'PREVIEWED', 'EXECUTED'] } }, select: { id: true, status: true } } },
  });
  if (!a) return null;
  return {
    id: a.id,
    name: a.name,
    scheme: a.scheme,
    managerId: a.managerId,
    activeTicketId: a.tickets.find((t) => t.status !== 'EXECUTED')?.id ?? null,
    migrated: a.tickets.some((t) => t.status === 'EXECUTED'),
  };
}
