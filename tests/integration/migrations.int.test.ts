import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/guard';
import type { CurrentEdition } from '../../lib/billing/catalog';
import { SHIPPED_PRICE_BOOKS, priceBookRows, rateAccount, serializeInvoice } from '../../lib/billing';
import { db } from '../../lib/db/client';
import { DomainError } from '../../lib/errors';
import type { Role } from '../../lib/generated/prisma/enums';
import {
  executeMigration,
  MIGRATION_TX_OPTIONS,
  openTicket,
  previewTicket,
  rejectTicket,
  type CommandClock,
} from '../../lib/migrations/commands';
import type { PreviewFigures } from '../../lib/migrations/preview';
import { getAccountMigrationStatus, getTicket, listTickets } from '../../lib/migrations/queries';
import { parseTicketsSearch, previewTicketSchema, type ExecuteMigrationInput, type PreviewTicketInput } from '../../lib/migrations/schemas';
import { loadAccountInputs, loadPriceBooks } from '../../lib/rating/inputs';
import { onPostgres, useTestDatabase } from './db';

const getDb = useTestDatabase();

const TODAY = '2026-11-23';
const refused = /violates|append-only|can never|refused|only|must|not allowed|Unique constraint|legacy|current/i;

let seq = 0;
let nextAppId = 1400500000n;

async function user(role: Role, accountId: number | null = null): Promise<Actor> {
  const n = ++seq;
  const u = await getDb().prisma.user.create({
    data: { email: `${role.toLowerCase()}${n}@test.example`, name: `${role} ${n}`, passwordHash: 'x', role, accountId },
  });
  return { id: u.id, email: u.email, name: u.name, role: u.role, accountId: u.accountId };
}

let booksReady = false;
async function priceBooks(): Promise<void> {
  if (booksReady) return;
  const { prisma } = getDb();
  for (const book of SHIPPED_PRICE_BOOKS) {
    const created = await prisma.priceBook.create({
      data: { scheme: book.scheme, currency: book.currency, version: book.version, effectiveFrom: new Date(book.effectiveFrom), source: book.source },
    });
    await prisma.priceBookPrice.createMany({ data: priceBookRows(book).map((r) => ({ priceBookId: created.id, key: r.key, amount: r.amount })) });
  }
  booksReady = true;
}

type EventSpec = { date: string; edition?: 'PROFESSIONAL' | 'FLAGSHIP'; addon?: 'GROUP_MEMBER_CAP' | 'GROUP_JOIN_CAP' | 'SECURITY_STRIKE' | 'HISTORY_RETENTION'; days?: number };
type AppSpec = { name: string; events?: EventSpec[]; usage?: { date: string; dau?: number; mau?: number }[] };

async function legacyAccount(managerId: string | null, apps: AppSpec[]) {
  await priceBooks();
  const { prisma } = getDb();
  const account = await prisma.account.create({
    data: { name: `Legacy ${++seq}`, contactEmail: 'x@example.com', scheme: 'LEGACY', currency: 'CNY', managerId, createdAt: new Date('2021-01-05T02:00:00Z') },
  });
  const ids: bigint[] = [];
  for (const spec of apps) {
    const sdkAppId = nextAppId++;
    ids.push(sdkAppId);
    await prisma.app.create({ data: { sdkAppId, accountId: account.id, name: spec.name, dataCenter: 'CHINA', createdAt: new Date('2021-01-06T02:00:00Z') } });
    for (const e of spec.events ?? []) {
      await prisma.planEvent.create({
        data: e.edition
          ? { sdkAppId, date: new Date(e.date), type: 'EDITION', edition: e.edition }
          : { sdkAppId, date: new Date(e.date), type: 'ADDON', addon: e.addon, action: 'START', retentionDays: e.days ?? null },
      });
    }
    if (spec.usage?.length) {
      await prisma.usageDaily.createMany({
        data: spec.usage.map((u) => ({ sdkAppId, date: new Date(u.date), dau: u.dau ?? null, mau: u.mau ?? null, source: 'API' as const, sentBy: 'test' })),
      });
    }
  }
  return { account, ids };
}

/** The demo-like account: a Professional app with the group member add-on, a Flagship app with 180-day retention, a Trial app. */
async function showcase(managerId: string) {
  return legacyAccount(managerId, [
    {
      name: 'pro app',
      events: [{ date: '2026-01-15', edition: 'PROFESSIONAL' }, { date: '2026-01-15', addon: 'GROUP_MEMBER_CAP' }],
      usage: [{ date: '2026-10-20', dau: 25_310 }],
    },
    {
      name: 'flagship app',
      events: [{ date: '2021-09-01', edition: 'FLAGSHIP' }, { date: '2023-01-05', addon: 'HISTORY_RETENTION', days: 180 }],
      usage: [{ date: '2026-09-30', dau: 9_000, mau: 20_000 }],
    },
    { name: 'trial app' },
  ]);
}

const tx = <T>(fn: (t: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<T>) => db.$transaction(fn, MIGRATION_TX_OPTIONS);
const preview = (actor: Actor, input: Partial<PreviewTicketInput> & { ticketId: number }, clock: CommandClock = { today: TODAY }) =>
  tx((t) => previewTicket(t, actor, previewTicketSchema.parse(input), clock));
/** The preview the ticket page shows (its token, months and editions), as the execute dialog sends it. */
async function shownPreview(ticketId: number): Promise<Pick<ExecuteMigrationInput, 'previewToken' | 'months' | 'editions'>> {
  const ticket = await getDb().prisma.migrationTicket.findUnique({ where: { id: ticketId }, select: { previewToken: true, previewMonths: true, editions: true } });
  return {
    previewToken: ticket?.previewToken ?? '0'.repeat(64),
    months: ticket?.previewMonths ?? 3,
    editions: (ticket?.editions as Record<string, CurrentEdition> | null) ?? {},
  };
}
type ExecuteInput = Omit<ExecuteMigrationInput, 'previewToken' | 'months' | 'editions'> & Partial<ExecuteMigrationInput>;
const execute = async (actor: Actor, input: ExecuteInput, clock: CommandClock = { today: TODAY }) => {
  const shown = await shownPreview(input.ticketId as number);
  return tx((t) => executeMigration(t, actor, { ...shown, ...input }, clock));
};
const open = (actor: Actor, accountId: number, requestRef = 'REQ-1') => tx((t) => openTicket(t, actor, { accountId, requestRef, notes: '' }));

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('migration tickets', () => {
  it('opens a ticket only for a LEGACY account the actor manages, one active at a time', async () => {
    const am = await user('ACCOUNT_MANAGER');
    const am2 = await user('ACCOUNT_MANAGER');
    const ops = await user('OPS');
    const { account } = await legacyAccount(am.id, [{ name: 'a' }]);
    const customer = await user('CUSTOMER', account.id);

    expect((await domainError(open(am2, account.id))).code).toBe('forbidden');
    expect((await domainError(open(customer, account.id))).code).toBe('forbidden');
    expect((await domainError(open(am, 999_999))).code).toBe('not_found');

    const { id } = await open(am, account.id, 'CRM-42');
    const again = await domainError(open(ops, account.id));
    expect(again.code).toBe('conflict');
    expect(again.message).toContain(`#${id}`);

    const current = await getDb().prisma.account.create({
      data: { name: 'New', contactEmail: 'n@example.com', scheme: 'CURRENT', currency: 'USD', currentFrom: new Date('2024-01-01'), managerId: am.id },
    });
    expect((await domainError(open(am, current.id))).code).toBe('conflict');

    const ticket = await getTicket(id);
    expect(ticket).toMatchObject({ status: 'OPEN', requestRef: 'CRM-42', account: { id: account.id, scheme: 'LEGACY' } });
    const audit = await getDb().prisma.auditLog.findMany({ where: { entityType: 'MigrationTicket', entityId: String(id) } });
    expect(audit.map((a) => a.action)).toEqual(['migration.open']);
  });

  it('the database keeps one active ticket per account even when two are opened at once', async () => {
    const am = await user('ACCOUNT_MANAGER');
    const { account } = await legacyAccount(am.id, [{ name: 'a' }]);
    const results = await Promise.allSettled([open(am, account.id, 'A'), open(am, account.id, 'B')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await getDb().prisma.migrationTicket.count({ where: { accountId: account.id } })).toBe(1);
  });

  it('lists only the tickets an account manager manages; customers see none', async () => {
    const am = await user('ACCOUNT_MANAGER');
    const am2 = await user('ACCOUNT_MANAGER');
    const ops = await user('OPS');
    const mine = await legacyAccount(am.id, [{ name: 'a' }]);
    const theirs = await legacyAccount(am2.id, [{ name: 'b' }]);
    const t1 = await open(am, mine.account.id, 'MINE-1');
    const t2 = await open(am2, theirs.account.id, 'THEIRS-1');
    const customer = await user('CUSTOMER', mine.account.id);

    const search = parseTicketsSearch({ perPage: '100' });
    const ids = async (actor: Actor) => (await listTickets(actor, search)).rows.map((r) => r.id);
    expect(await ids(am)).toContain(t1.id);
    expect(await ids(am)).not.toContain(t2.id);
    expect(await ids(am2)).toEqual(expect.arrayContaining([t2.id]));
    expect(await ids(am2)).not.toContain(t1.id);
    expect(await ids(ops)).toEqual(expect.arrayContaining([t1.id, t2.id]));
    await expect(listTickets(customer, search)).rejects.toThrow(DomainError);

    const filtered = await listTickets(ops, parseTicketsSearch({ q: 'THEIRS', status: 'OPEN', sort: 'account.asc' }));
    expect(filtered.rows.map((r) => r.id)).toEqual([t2.id]);
    // An unknown sort key falls back to the default instead of reaching SQL.
    expect((await listTickets(ops, parseTicketsSearch({ sort: 'password.asc' }))).rowCount).toBeGreaterThanOrEqual(2);
  });

  it('rejects with a reason; a rejected ticket never changes and a new one can be opened', async () => {
    const am = await user('ACCOUNT_MANAGER');
    const am2 = await user('ACCOUNT_MANAGER');
    const { account } = await legacyAccount(am.id, [{ name: 'a' }]);
    const { id } = await open(am, account.id);
    expect((await domainError(tx((t) => rejectTicket(t, am2, { ticketId: id, reason: 'no' })))).code).toBe('forbidden');
    await tx((t) => rejectTicket(t, am, { ticketId: id, reason: 'Customer withdrew the request' }));
    expect(await getTicket(id)).toMatchObject({ status: 'REJECTED', rejectedReason: 'Customer withdrew the request' });
    expect((await domainError(preview(am, { ticketId: id })))).toMatchObject({ code: 'conflict' });
    await expect(getDb().prisma.migrationTicket.update({ where: { id }, data: { notes: 'reopen' } })).rejects.toThrow(refused);
    const second = await open(am, account.id, 'REQ-2');
    expect(second.id).not.toBe(id);
  });
});

describe('migration preview', () => {
  it('re-rates the last three full months under both schemes, per app, with falling limits and credits', async () => {
    const am = await user('ACCOUNT_MANAGER');
    const { account, ids } = await showcase(am.id);
    const [pro, flagship, trial] = ids.map(String) as [string, string, string];
    const { id } = await open(am, account.id);

    const { figures } = await preview(am, { ticketId: id });
    expect(figures.months).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(figures.effectiveOn).toBe('2026-12-01');
    expect(figures.lastLegacyDay).toBe('2026-11-30');

    const app = (sdkAppId: string) => figures.apps.find((a) => a.sdkAppId === sdkAppId)!;
    expect(app(pro)).toMatchObject({ heldEdition: 'PROFESSIONAL', edition: 'STANDARD', defaultEdition: 'STANDARD', mauReported: false });
    expect(app(flagship)).toMatchObject({ heldEdition: 'FLAGSHIP', edition: 'PRO', mauReported: true });
    expect(app(trial)).toMatchObject({ heldEdition: 'TRIAL', edition: 'DEVELOPER' });

    // Legacy, CNY: package 999 + add-on 500 each month, DAU overage 2 x 1,000 in October.
    expect(app(pro).legacy).toEqual({ currency: 'CNY', byMonth: ['1499.00', '1499.00', '3499.00'], total: '6497.00' });
    // Flagship 2,999 + 180-day retention 1,000 (Flagship) each month.
    expect(app(flagship).legacy).toEqual({ currency: 'CNY', byMonth: ['3999.00', '3999.00', '3999.00'], total: '11997.00' });
    // Current, USD: Standard 399 / Pro 699 full months; MAU 20,000 in September: 10,000 x 0.015.
    expect(app(pro).current).toEqual({ currency: 'USD', byMonth: ['399.00', '399.00', '399.00'], total: '1197.00' });
    expect(app(flagship).current).toEqual({ currency: 'USD', byMonth: ['699.00', '849.00', '699.00'], total: '2247.00' });
    expect(app(trial).current.total).toBe('0.00');
    expect(figures.account.legacy).toEqual({ currency: 'CNY', byMonth: ['5498.00', '5498.00', '7498.00'], total: '18494.00' });
    expect(figures.account.current).toEqual({ currency: 'USD', byMonth: ['1098.00', '1248.00', '1098.00'], total: '3444.00' });

    // Limits that fall, in the engine's terms.
    expect(app(pro).fallingLimits).toEqual([
      expect.objectContaining({ key: 'membersPerGroup', before: 2000, after: 200, raisedBy: 'GROUP_MEMBER_CAP' }),
    ]);
    expect(app(flagship).fallingLimits).toEqual([
      expect.objectContaining({ key: 'freeHistoryDays', before: 180, after: 30, raisedBy: 'HISTORY_RETENTION' }),
    ]);
    expect(app(trial).fallingLimits).toEqual([]);

    // What ends, with the credits dated E-1: cycles 11-15..12-14 cut on 12-01 (14/30 days).
    expect(app(pro).ending).toEqual([
      expect.objectContaining({ kind: 'PACKAGE', edition: 'PROFESSIONAL', cycle: { from: '2026-11-15', to: '2026-12-14' }, credit: expect.objectContaining({ amount: '-466.20', from: '2026-12-01', to: '2026-12-14', datedOn: '2026-11-30' }) }),
      expect.objectContaining({ kind: 'ADDON', addon: 'GROUP_MEMBER_CAP', credit: expect.objectContaining({ amount: '-233.33' }) }),
    ]);
    // The Flagship cycle 11-01..11-30 ends on E-1: nothing to credit; retention is postpaid.
    expect(app(flagship).ending).toEqual([
      { kind: 'PACKAGE', edition: 'FLAGSHIP', cycle: { from: '2026-11-01', to: '2026-11-30' } },
      { kind: 'RETENTION', edition: 'FLAGSHIP', addon: 'HISTORY_RETENTION', retentionDays: 180 },
    ]);
    expect(figures.credits).toEqual({ month: '2026-11', total: '-699.53', currency: 'CNY' });

    const stored = await getDb().prisma.migrationTicket.findUniqueOrThrow({ where: { id } });
    expect(stored.status).toBe('PREVIEWED');
    expect(stored.previewToken).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.editions).toEqual({ [pro]: 'STANDARD', [flagship]: 'PRO', [trial]: 'DEVELOPER' });
    expect((stored.previewFigures as PreviewFigures).account.legacy.total).toBe('18494.00');
    expect(stored.previewMonths).toBe(3);
  });

  it('takes the chosen editions and the number of months', async () => {
    const am = await user('ACCOUNT_MANAGER');
    const { account, ids } = await showcase(am.id);
    const flagship = String(ids[1]);
    const { id } = await open(am, account.id);
    const { figures } = await preview(am, { ticketId: id, months: 1, editions: { [flagship]: 'STANDARD' } });
    expect(figures.months).toEqual(['2026-10']);
    const app = figures.apps.find((a) => a.sdkAppId === flagship)!;
    expect(app).toMatchObject({ edition: 'STANDARD', defaultEdition: 'PRO', current: { total: '399.00' } });
    expect(app.fallingLimits.map((l) => l.key)).toEqual(['groupsPerUser', 'membersPerGroup', 'avChatRooms', 'freeHistoryDays']);

    const wrongApp = await domainError(preview(am, { ticketId: id, editions: { '1499999999': 'PRO' } }));
    expect(wrongApp).toMatchObject({ code: 'invalid', field: 'edition.1499999999' });
    expect(previewTicketSchema.safeParse({ ticketId: id, months: 13 }).success).toBe(false);
    expect(previewTicketSchema.safeParse({ ticketId: id, editions: { [flagship]: 'FLAGSHIP' } }).success).toBe(false);
  });

  it('refuses a preview when a legacy event is dated on or after the date the migration would take effect', async () => {
    const am = await user('ACCOUNT_MANAGER');
    const { account } = await legacyAccount(am.id, [
      { name: 'a', events: [{ date: '2026-05-01', edition: 'PROFESSIONAL' }, { date: '2026-12-05', addon: 'SECURITY_STRIKE' }] },
    ]);
    const { id } = await open(am, account.id);
    const error = await domainError(preview(am, { ticketId: id }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/2026-12-05.*on or after the migration's effective date 2026-12-01/);
  });

  it('another account manager can neither preview nor read; customers never', async () => {
    const am = await user('ACCOUNT_MANAGER');
    const am2 = await user('ACCOUNT_MANAGER');
    const { account } = await showcase(am.id);
    const customer = await user('CUSTOMER', account.id);
    const { id } = await open(am, account.id);
    expect((await domainError(preview(am2, { ticketId: id }))).code).toBe('forbidden');
    expect((await domainError(preview(customer, { ticketId: id }))).code).toBe('forbidden');
    expect((await domainError(preview(am, { ticketId: 987_654 }))).code).toBe('not_found');
  });
});

describe('migration execution', () => {
  it('executes after a preview: account CURRENT in USD from next month, audited with the figures; next billing as DOMAIN 7', async () => {
    const am = await user('ACCOUNT_MANAGER');
    const { account, ids } = await showcase(am.id);
    const { id } = await open(am, account.id);

    expect((await domainError(execute(am, { ticketId: id, confirmAccountId: String(account.id), confirmIrreversible: true }))).message).toMatch(
      /no preview yet/,
    );
    const { figures } = await preview(am, { ticketId: id });

    const typo = await domainError(execute(am, { ticketId: id, confirmAccountId: String(account.id + 1), confirmIrreversible: true }));
    expect(typo).toMatchObject({ code: 'invalid', field: 'confirmAccountId' });
    const unconfirmed = await domainError(execute(am, { ticketId: id, confirmAccountId: String(account.id), confirmIrreversible: 'no' as 'on' }));
    expect(unconfirmed).toMatchObject({ code: 'invalid', field: 'confirmIrreversible' });

    const done = await execute(am, { ticketId: id, confirmAccountId: ` ${account.id} `, confirmIrreversible: 'on' });
    expect(done).toEqual({ ticketId: id, accountId: account.id, executedOn: TODAY, effectiveOn: '2026-12-01' });

    const { prisma } = getDb();
    const after = await prisma.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(after).toMatchObject({ scheme: 'CURRENT', currency: 'USD' });
    expect(after.currentFrom?.toISOString().slice(0, 10)).toBe('2026-12-01');
    const ticket = await getTicket(id);
    expect(ticket).toMatchObject({ status: 'EXECUTED', executedOn: TODAY, effectiveOn: '2026-12-01', executedBy: expect.stringContaining(am.email) });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'migration.execute', entityId: String(id) } });
    expect(audit.accountId).toBe(account.id);
    expect(audit.actorLabel).toBe(am.email);
    expect((audit.after as { figures: PreviewFigures }).figures.account).toEqual(figures.account);
    expect(audit.after).toMatchObject({ account: { scheme: 'CURRENT', currency: 'USD', currentFrom: '2026-12-01' } });

    const status = await getAccountMigrationStatus(account.id);
    expect(status).toMatchObject({ scheme: 'CURRENT', currentFrom: '2026-12-01', active: null, executed: { id, effectiveOn: '2026-12-01' } });

    // The next billing runs read the executed ticket through lib/rating/inputs.ts.
    const loaded = (await loadAccountInputs(db, { accountIds: [account.id], usageFrom: '2026-11-01', usageTo: '2026-12-31' })).get(account.id)!;
    expect(loaded.migration).toMatchObject({ executedOn: TODAY, effectiveOn: '2026-12-01' });
    const [nov, dec] = rateAccount(loaded.input, ['2026-11', '2026-12'], await loadPriceBooks(db)).map(serializeInvoice);
    const [pro, flagship] = ids.map(Number);
    expect(nov).toMatchObject({ scheme: 'LEGACY', currency: 'CNY', total: '4798.47' });
    expect(nov!.lines.filter((l) => l.code.endsWith('_CREDIT')).map((l) => [l.sdkAppId, l.code, l.from, l.to, l.amount])).toEqual([
      [pro, 'PACKAGE_CREDIT', '2026-12-01', '2026-12-14', '-466.20'],
      [pro, 'ADDON_CREDIT', '2026-12-01', '2026-12-14', '-233.33'],
    ]);
    expect(dec).toMatchObject({ scheme: 'CURRENT', currency: 'USD', total: '1098.00' });
    expect(dec!.lines.map((l) => [l.sdkAppId, l.code, l.edition, l.amount])).toEqual([
      [pro, 'PACKAGE', 'STANDARD', '399.00'],
      [flagship, 'PACKAGE', 'PRO', '699.00'],
    ]);
  });

  it('reproduces worked example 4: Flagship from 2026-09-20, executed 2026-10-12 to Pro', async () => {
    const am = await user('ACCOUNT_MANAGER');
    const { account, ids } = await legacyAccount(am.id, [{ name: 'flagship', events: [{ date: '2026-09-20', edition: 'FLAGSHIP' }] }]);
    const sdkAppId = Number(ids[0]);
    const clock = { today: '2026-10-12' };
    const { id } = await open(am, account.id);
    await preview(am, { ticketId: id }, clock);
    await execute(am, { ticketId: id, confirmAccountId: String(account.id), confirmIrreversible: true }, clock);

    const loaded = (await loadAccountInputs(db, { accountIds: [account.id], usageFrom: '2026-10-01', usageTo: '2026-11-30' })).get(account.id)!;
    const [oct, nov] = rateAccount(loaded.input, ['2026-10', '2026-11'], await loadPriceBooks(db)).map(serializeInvoice);
    expect(oct).toMatchObject({ scheme: 'LEGACY', currency: 'CNY', total: '1160.90' });
    expect(oct!.lines.map((l) => [l.code, l.from, l.to, l.amount])).toEqual([
      ['PACKAGE', '2026-10-20', '2026-11-19', '2999.00'],
      ['PACKAGE_CREDIT', '2026-11-01', '2026-11-19', '-1838.10'],
    ]);
    expect(nov).toMatchObject({ scheme: 'CURRENT', currency: 'USD', total: '699.00' });
    expect(nov!.lines).toEqual([expect.objectContaining({ sdkAppId, code: 'PACKAGE', edition: 'PRO', from: '2026-11-01', to: '2026-11-30', amount: '699.00' })]);
  });

  it('executes only what was previewed: other editions or months than the preview, or an older preview, are refused (issue 14)', async () => {
    const am = await user('ACCOUNT_MANAGER');
    const { account, ids } = await showcase(am.id);
    const { id } = await open(am, account.id);
    const [first, second, third] = ids.map(String) as [string, string, string];
    await preview(am, { ticketId: id, editions: { [first]: 'STANDARD' } });
    const old = await shownPreview(id);
    expect(old.editions).toEqual({ [first]: 'STANDARD', [second]: 'PRO', [third]: 'DEVELOPER' });
    const confirm = { ticketId: id, confirmAccountId: String(account.id), confirmIrreversible: true as const };

    // The form was changed after the preview (Standard -> Pro) and submitted without previewing.
    const changed = await domainError(execute(am, { ...confirm, editions: { ...old.editions, [first]: 'PRO' } }));
    expect(changed).toMatchObject({ code: 'conflict', field: 'editions' });
    expect(changed.message).toBe(
      `What was submitted is not what ticket ${id} previewed (app ${first}: STANDARD previewed, PRO submitted): preview these choices, check the figures, then execute`,
    );
    const months = await domainError(execute(am, { ...confirm, months: 6 }));
    expect(months.message).toContain('months to re-rate: 3 previewed, 6 submitted');
    const missing = await domainError(execute(am, { ...confirm, editions: { [first]: 'STANDARD' } }));
    expect(missing.message).toContain(`app ${second}: PRO previewed, none submitted`);
    expect((await getTicket(id))?.status).toBe('PREVIEWED');

    // Previewed again elsewhere (Pro): a page still showing the Standard preview is refused, even
    // with the new editions, and so is a token that is not a preview's.
    await preview(am, { ticketId: id, editions: { [first]: 'PRO' } });
    const stale = await domainError(execute(am, { ...confirm, previewToken: old.previewToken, editions: { ...old.editions, [first]: 'PRO' } }));
    expect(stale).toMatchObject({ code: 'conflict', field: 'previewToken' });
    expect(stale.message).toMatch(/was previewed again since this page was loaded/);
    expect((await domainError(execute(am, { ...confirm, previewToken: 'not-a-digest' }))).field).toBe('previewToken');
    expect((await getDb().prisma.account.findUniqueOrThrow({ where: { id: account.id } })).scheme).toBe('LEGACY');

    // What the page shows now executes, with those editions.
    await execute(am, confirm);
    const ticket = await getTicket(id);
    expect(ticket).toMatchObject({ status: 'EXECUTED', editions: { [first]: 'PRO', [second]: 'PRO', [third]: 'DEVELOPER' } });
  });

  it('refuses to execute when anything the preview used changed, naming what', async () => {
    const am = await user('ACCOUNT_MANAGER');
    const { account, ids } = await showcase(am.id);
    const { id } = await open(am, account.id);
    await preview(am, { ticketId: id });
    const confirm = { ticketId: id, confirmAccountId: String(account.id), confirmIrreversible: true as const };

    await getDb().prisma.usageDaily.create({ data: { sdkAppId: ids[0]!, date: new Date('2026-10-21'), dau: 31_000, source: 'API', sentBy: 'test' } });
    const usage = await domainError(execute(am, confirm));
    expect(usage.code).toBe('conflict');
    expect(usage.message).toBe('Something changed since the preview (usage): preview again before executing');

    await preview(am, { ticketId: id });
    await getDb().prisma.planEvent.create({ data: { sdkAppId: ids[1]!, date: new Date('2026-11-24'), type: 'ADDON', addon: 'SECURITY_STRIKE', action: 'START' } });
    expect((await domainError(execute(am, confirm))).message).toMatch(/\(plan events\)/);

    await preview(am, { ticketId: id });
    // A new month began: E and the re-rated months are no longer the preview's.
    expect((await domainError(execute(am, confirm, { today: '2026-12-02' }))).message).toMatch(/the re-rated months, .*the effective date/);

    // Usage of the current month (not re-rated) does not invalidate the preview.
    await getDb().prisma.usageDaily.create({ data: { sdkAppId: ids[0]!, date: new Date('2026-11-20'), dau: 12_000, source: 'API', sentBy: 'test' } });
    await execute(am, confirm);
    expect((await getTicket(id))?.status).toBe('EXECUTED');
    // The new add-on is cut too: its first cycle 11-24..12-23 is credited 23/30 days.
    const figures = (await getTicket(id))!.figures!;
    const strike = figures.apps.flatMap((a) => a.ending).find((e) => e.addon === 'SECURITY_STRIKE');
    expect(strike?.credit?.amount).toBe('-766.67');
  });

  it('is irreversible in the database and in the code', async () => {
    const am = await user('ACCOUNT_MANAGER');
    const ops = await user('OPS');
    const { account, ids } = await showcase(am.id);
    const { id } = await open(am, account.id);
    await preview(am, { ticketId: id });
    await execute(ops, { ticketId: id, confirmAccountId: String(account.id), confirmIrreversible: true });

    const { prisma } = getDb();
    await expect(prisma.account.update({ where: { id: account.id }, data: { scheme: 'LEGACY', currency: 'CNY', currentFrom: null } })).rejects.toThrow(refused);
    await expect(prisma.account.update({ where: { id: account.id }, data: { currentFrom: new Date('2027-01-01') } })).rejects.toThrow(refused);
    // No legacy edition or add-on, not even dated before E.
    await expect(prisma.planEvent.create({ data: { sdkAppId: ids[0]!, date: new Date('2026-11-25'), type: 'EDITION', edition: 'FLAGSHIP' } })).rejects.toThrow(refused);
    await expect(
      prisma.planEvent.create({ data: { sdkAppId: ids[0]!, date: new Date('2027-02-01'), type: 'ADDON', addon: 'GROUP_JOIN_CAP', action: 'START' } }),
    ).rejects.toThrow(refused);
    await expect(prisma.migrationTicket.update({ where: { id }, data: { status: 'PREVIEWED' } })).rejects.toThrow(refused);
    await expect(prisma.migrationTicket.create({ data: { accountId: account.id, requestRef: 'again' } })).rejects.toThrow(refused);
    // Current editions from E on are fine (the plans feature writes them).
    await prisma.planEvent.create({ data: { sdkAppId: ids[0]!, date: new Date('2026-12-10'), type: 'EDITION', edition: 'PRO' } });

    expect((await domainError(execute(am, { ticketId: id, confirmAccountId: String(account.id), confirmIrreversible: true }))).message).toMatch(
      /already executed on 2026-11-23/,
    );
    expect((await domainError(open(am, account.id))).code).toBe('conflict');
    expect((await domainError(tx((t) => rejectTicket(t, am, { ticketId: id, reason: 'undo' })))).code).toBe('conflict');
  });

  it('another account manager cannot execute', async () => {
    const am = await user('ACCOUNT_MANAGER');
    const am2 = await user('ACCOUNT_MANAGER');
    const { account } = await showcase(am.id);
    const { id } = await open(am, account.id);
    await preview(am, { ticketId: id });
    expect((await domainError(execute(am2, { ticketId: id, confirmAccountId: String(account.id), confirmIrreversible: true }))).code).toBe('forbidden');
    expect((await getDb().prisma.account.findUniqueOrThrow({ where: { id: account.id } })).scheme).toBe('LEGACY');
  });

  it(`two executions racing on one account end with exactly one migration (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const am = await user('ACCOUNT_MANAGER');
    const ops = await user('OPS');
    const { account } = await showcase(am.id);
    const { id } = await open(am, account.id);
    await preview(am, { ticketId: id });
    const confirm = { ticketId: id, confirmAccountId: String(account.id), confirmIrreversible: true as const };
    const results = await Promise.allSettled([execute(am, confirm), execute(ops, confirm)]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    // The loser waited on the ticket's row lock, then found it executed.
    expect(rejected[0]!.reason).toBeInstanceOf(DomainError);
    expect((rejected[0]!.reason as DomainError).message).toMatch(/already executed/);
    const { prisma } = getDb();
    expect(await prisma.migrationTicket.count({ where: { accountId: account.id, status: 'EXECUTED' } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: 'migration.execute', accountId: account.id } })).toBe(1);
    expect((await prisma.account.findUniqueOrThrow({ where: { id: account.id } })).scheme).toBe('CURRENT');
  });
});
