import 'server-only';
import type { Actor } from '../auth/guard';
import type { CurrentEdition } from '../billing';
import { today as clockToday } from '../clock';
import { auditActor, writeAudit } from '../db/audit';
import type { Tx } from '../db/client';
import { DomainError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { computePreview, currentPreviewToken, type PreviewFigures } from './preview';
import { migrationDates } from './rerate';
import {
  executeMigrationSchema,
  type ExecuteMigrationInput,
  type OpenTicketInput,
  type PreviewTicketInput,
  type RejectTicketInput,
  type RequestMigrationInput,
  PORTAL_REQUEST_REF,
} from './schemas';
import { assertOwnAccount } from '../plans/guard';
import { changedParts, type BasisPart, type TokenParts } from './token';

/** Commands read "today" from the clock unless a caller (a test, a script) pins it. */
export type CommandClock = { today?: string };

/** Interactive transactions of these commands re-rate an account: give them more than Prisma's 5 s. */
export const MIGRATION_TX_OPTIONS = { maxWait: 15_000, timeout: 60_000 } as const;

type LockedTicket = {
  id: number;
  accountId: number;
  status: 'OPEN' | 'PREVIEWED' | 'EXECUTED' | 'REJECTED';
  editions: unknown;
  previewMonths: number;
  previewToken: string | null;
  previewFigures: unknown;
  executedOn: string | null;
  managerId: string | null;
};

function toDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function requireStaff(actor: Actor): void {
  if (actor.role !== 'OPS' && actor.role !== 'ACCOUNT_MANAGER') {
    throw new DomainError('forbidden', 'error.access.migrationStaff');
  }
}

/** Ops: every account; an account manager: the accounts whose managerId is theirs. */
function requireManages(actor: Actor, account: { id: number; managerId: string | null }): void {
  requireStaff(actor);
  if (actor.role === 'ACCOUNT_MANAGER' && account.managerId !== actor.id) {
    throw new DomainError('forbidden', 'error.access.notManaged', { params: { accountId: account.id } });
  }
}

/** Locks the ticket row for the rest of the transaction: concurrent commands on it wait here. */
async function lockTicket(tx: Tx, ticketId: number, actor: Actor): Promise<LockedTicket> {
  const rows = await tx.$queryRaw<LockedTicket[]>`
    SELECT t."id", t."accountId", t."status"::text AS "status", t."editions", t."previewMonths", t."previewToken",
           t."previewFigures", to_char(t."executedOn", 'YYYY-MM-DD') AS "executedOn", a."managerId"::text AS "managerId"
      FROM "MigrationTicket" t JOIN "Account" a ON a."id" = t."accountId"
     WHERE t."id" = ${ticketId}
       FOR UPDATE OF t`;
  const ticket = rows[0];
  if (!ticket) throw new DomainError('not_found', 'error.ticket.notFound', { params: { ticketId }, field: 'ticketId' });
  requireManages(actor, { id: ticket.accountId, managerId: ticket.managerId });
  return ticket;
}

function requireActive(ticket: LockedTicket, doing: string): void {
  if (ticket.status === 'EXECUTED') {
    throw new DomainError('conflict', 'error.ticket.executed', { params: { ticketId: ticket.id, executedOn: String(ticket.executedOn), doing } });
  }
  if (ticket.status === 'REJECTED') {
    throw new DomainError('conflict', 'error.ticket.rejected', { params: { ticketId: ticket.id } });
  }
}

/** Opens a ticket for a LEGACY account the actor manages (one active ticket per account). */
export async function openTicket(tx: Tx, actor: Actor, input: OpenTicketInput): Promise<{ id: number }> {
  const account = await tx.account.findUnique({
    where: { id: input.accountId },
    select: { id: true, scheme: true, managerId: true, tickets: { where: { status: { in: ['OPEN', 'PREVIEWED', 'EXECUTED'] } }, select: { id: true, status: true } } },
  });
  if (!account) throw new DomainError('not_found', 'error.account.notFound', { params: { accountId: input.accountId }, field: 'accountId' });
  requireManages(actor, account);
  const executed = account.tickets.find((t) => t.status === 'EXECUTED');
  if (account.scheme !== 'LEGACY' || executed) {
    throw new DomainError('conflict', 'error.ticket.accountCurrent', { params: { accountId: account.id }, field: 'accountId' });
  }
  const active = account.tickets.find((t) => t.status !== 'EXECUTED');
  if (active) {
    throw new DomainError('conflict', 'error.ticket.active', {
      params: { accountId: account.id, ticketId: active.id },
      field: 'accountId',
      details: { ticketId: active.id },
    });
  }
  // The unique index "MigrationTicket_one_active" settles two managers opening one at once.
  const ticket = await tx.migrationTicket.create({
    data: { accountId: account.id, requestRef: input.requestRef, notes: input.notes, createdById: actor.id },
  });
  await writeAudit(tx, auditActor(actor), {
    action: 'migration.open',
    entityType: 'MigrationTicket',
    entityId: ticket.id,
    accountId: account.id,
    after: { status: ticket.status, requestRef: ticket.requestRef, notes: ticket.notes },
  });
  return { id: ticket.id };
}

/**
 * A customer asks for migration from the portal (DOMAIN.md 13): a ticket for their account
 * manager carrying the customer's wish. The customer follows it; only the manager previews and
 * executes. The same one-active-ticket rule as staff tickets (and the same unique index).
 */
export async function requestMigration(tx: Tx, actor: Actor, input: RequestMigrationInput): Promise<{ id: number }> {
  if (actor.role !== 'CUSTOMER') throw new DomainError('forbidden', 'error.migration.customersOnly');
  assertOwnAccount(actor, input.accountId);
  const rows = await tx.$queryRaw<{ id: number; scheme: string }[]>`
    SELECT "id", "scheme"::text AS "scheme" FROM "Account" WHERE "id" = ${input.accountId} FOR UPDATE`;
  const account = rows[0];
  if (!account) throw new DomainError('not_found', 'error.account.notFoundField', { params: { accountId: input.accountId }, field: 'accountId' });
  const tickets = await tx.migrationTicket.findMany({
    where: { accountId: account.id, status: { in: ['OPEN', 'PREVIEWED', 'EXECUTED'] } },
    select: { id: true, status: true },
  });
  if (account.scheme !== 'LEGACY' || tickets.some((t) => t.status === 'EXECUTED')) {
    throw new DomainError('conflict', 'error.migration.alreadyCurrent', { field: 'accountId' });
  }
  const active = tickets.find((t) => t.status !== 'EXECUTED');
  if (active) {
    throw new DomainError('conflict', 'error.migration.requestPending', {
      params: { ticketId: active.id },
      field: 'accountId',
      details: { ticketId: active.id },
    });
  }
  const ticket = await tx.migrationTicket.create({
    data: { accountId: account.id, requestRef: PORTAL_REQUEST_REF, notes: input.wish, createdById: actor.id },
  });
  await writeAudit(tx, auditActor(actor), {
    action: 'migration.request',
    entityType: 'MigrationTicket',
    entityId: ticket.id,
    accountId: account.id,
    after: { status: ticket.status, requestRef: ticket.requestRef, notes: ticket.notes },
  });
  return { id: ticket.id };
}

/**
 * Re-rates the account under both schemes (see preview.ts), stores the figures and the token of
 * what it used on the ticket, and marks it PREVIEWED. Previewing again replaces the last preview.
 */
export async function previewTicket(
  tx: Tx,
  actor: Actor,
  input: PreviewTicketInput,
  clock: CommandClock = {},
): Promise<{ figures: PreviewFigures; token: string }> {
  const today = clock.today ?? clockToday();
  const ticket = await lockTicket(tx, input.ticketId, actor);
  requireActive(ticket, 'previewed');
  const preview = await computePreview(tx, {
    accountId: ticket.accountId,
    monthCount: input.months,
    chosen: input.editions as Record<string, CurrentEdition>,
    today,
  });
  await tx.migrationTicket.update({
    where: { id: ticket.id },
    data: {
      status: 'PREVIEWED',
      editions: preview.editions,
      previewMonths: input.months,
      previewToken: preview.token,
      previewFigures: preview.figures as unknown as Prisma.InputJsonValue,
      previewedAt: new Date(),
    },
  });
  await writeAudit(tx, auditActor(actor), {
    action: 'migration.preview',
    entityType: 'MigrationTicket',
    entityId: ticket.id,
    accountId: ticket.accountId,
    before: { status: ticket.status, previewToken: ticket.previewToken },
    after: {
      status: 'PREVIEWED',
      editions: preview.editions,
      months: preview.figures.months,
      effectiveOn: preview.figures.effectiveOn,
      previewToken: preview.token,
      totals: preview.figures.account,
      credits: preview.figures.credits,
    },
  });
  return { figures: preview.figures, token: preview.token };
}

const PART_WORDS: Record<BasisPart, string> = {
  account: 'the account',
  apps: 'the apps',
  events: 'plan events',
  usage: 'usage',
  editions: 'chosen editions',
  months: 'the re-rated months',
  priceBooks: 'price books',
  effectiveOn: 'the effective date (a new month began)',
};

/**
 * What executes must be exactly what the person saw: the ticket's last preview (its token), for
 * the editions and months their form holds. A form changed after its preview, or a page that
 * shows an older preview than the ticket's (previewed again elsewhere), is refused.
 */
function requireShownPreview(
  ticket: { id: number; previewToken: string | null; previewMonths: number },
  previewed: Record<string, CurrentEdition>,
  shown: { previewToken: string; months: number; editions: Record<string, CurrentEdition> },
): void {
  if (shown.previewToken !== ticket.previewToken) {
    throw new DomainError('conflict', 'error.migration.previewedAgain', {
      params: { ticketId: ticket.id },
      field: 'previewToken',
    });
  }
  const apps = [...new Set([...Object.keys(previewed), ...Object.keys(shown.editions)])].sort();
  const differences = apps
    .filter((app) => previewed[app] !== shown.editions[app])
    .map((app) => `app ${app}: ${previewed[app] ?? 'not previewed'} previewed, ${shown.editions[app] ?? 'none'} submitted`);
  if (shown.months !== ticket.previewMonths) differences.push(`months to re-rate: ${ticket.previewMonths} previewed, ${shown.months} submitted`);
  if (differences.length > 0) {
    throw new DomainError('conflict', 'error.migration.notPreviewed', {
      params: { ticketId: ticket.id, differences: differences.join('; ') },
      field: 'editions',
      details: { differences },
    });
  }
}

/**
 * Executes a previewed migration, irreversibly, in the caller's transaction: the ticket row is
 * locked, the preview token recomputed and compared, then the ticket becomes EXECUTED (effective
 * on the first day of next month) and the account CURRENT in USD from that day. The database
 * triggers check the same (executed only from PREVIEWED, one executed ticket per account,
 * LEGACY -> CURRENT only with it, never back).
 */
export async function executeMigration(
  tx: Tx,
  actor: Actor,
  raw: ExecuteMigrationInput,
  clock: CommandClock = {},
): Promise<{ ticketId: number; accountId: number; executedOn: string; effectiveOn: string }> {
  const parsed = executeMigrationSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw issue
      ? new DomainError('invalid', 'error.input.invalid', { params: { field: issue.path.join('.') || 'input', detail: issue.message }, field: issue.path.join('.') })
      : new DomainError('invalid', 'error.input.invalidGeneric');
  }
  const input = parsed.data;
  const today = clock.today ?? clockToday();
  const ticket = await lockTicket(tx, input.ticketId, actor);
  requireActive(ticket, 'executed');
  if (ticket.status !== 'PREVIEWED' || !ticket.previewToken || !ticket.editions) {
    throw new DomainError('conflict', 'error.ticket.noPreview', { params: { ticketId: ticket.id } });
  }
  if (input.confirmAccountId !== String(ticket.accountId)) {
    throw new DomainError(
      'invalid',
      'error.ticket.confirmAccount',
      { params: { typed: input.confirmAccountId, accountId: ticket.accountId }, field: 'confirmAccountId' },
    );
  }
  const editions = ticket.editions as Record<string, CurrentEdition>;
  requireShownPreview(ticket, editions, input);
  await tx.$queryRaw`SELECT "id" FROM "Account" WHERE "id" = ${ticket.accountId} FOR UPDATE`;

  const now = await currentPreviewToken(tx, { accountId: ticket.accountId, monthCount: ticket.previewMonths, editions, today });
  if (now.token !== ticket.previewToken) {
    const stored = (ticket.previewFigures as { tokenParts?: Partial<TokenParts> } | null)?.tokenParts;
    const changed = changedParts(stored, now.parts);
    const what = (changed.length ? changed : (['account'] as BasisPart[])).map((p) => PART_WORDS[p]).join(', ');
    throw new DomainError('conflict', 'error.ticket.changed', {
      params: { what },
      details: { changed },
    });
  }

  const { effectiveOn } = migrationDates(today);
  const before = await tx.account.findUniqueOrThrow({ where: { id: ticket.accountId }, select: { scheme: true, currency: true, currentFrom: true } });
  const executedAt = new Date();
  await tx.migrationTicket.update({
    where: { id: ticket.id },
    data: { status: 'EXECUTED', executedOn: toDate(today), effectiveOn: toDate(effectiveOn), executedAt, executedById: actor.id },
  });
  // The Account_scheme_guard trigger accepts this only with the executed ticket above.
  await tx.account.update({
    where: { id: ticket.accountId },
    data: { scheme: 'CURRENT', currency: 'USD', currentFrom: toDate(effectiveOn) },
  });
  await writeAudit(tx, auditActor(actor), {
    action: 'migration.execute',
    entityType: 'MigrationTicket',
    entityId: ticket.id,
    accountId: ticket.accountId,
    before: { ticket: { status: ticket.status }, account: { scheme: before.scheme, currency: before.currency, currentFrom: before.currentFrom } },
    after: {
      ticket: { status: 'EXECUTED', executedOn: today, effectiveOn, executedAt, editions, previewToken: ticket.previewToken },
      account: { scheme: 'CURRENT', currency: 'USD', currentFrom: effectiveOn },
      figures: ticket.previewFigures,
    },
  });
  return { ticketId: ticket.id, accountId: ticket.accountId, executedOn: today, effectiveOn };
}

export async function rejectTicket(tx: Tx, actor: Actor, input: RejectTicketInput): Promise<void> {
  const ticket = await lockTicket(tx, input.ticketId, actor);
  requireActive(ticket, 'rejected');
  await tx.migrationTicket.update({ where: { id: ticket.id }, data: { status: 'REJECTED', rejectedReason: input.reason } });
  await writeAudit(tx, auditActor(actor), {
    action: 'migration.reject',
    entityType: 'MigrationTicket',
    entityId: ticket.id,
    accountId: ticket.accountId,
    before: { status: ticket.status },
    after: { status: 'REJECTED', rejectedReason: input.reason },
  });
}
