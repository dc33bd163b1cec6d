import bcrypt from 'bcryptjs';
import { AV_CALL_TRIAL, CURRENCY, SHIPPED_PRICE_BOOKS } from '../../lib/billing/catalog';
import { formatDay, parseDay } from '../../lib/billing/dates';
import type { Driver } from '../../lib/db/driver';
import { truncateTables } from '../../lib/db/truncate';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { driverTransaction, writeAuditSql, type Sql } from '../../lib/db/sql';
import { BulkInsert } from './bulk';
import { DEMO_ACCOUNTS, DEMO_USERS, type DemoUser } from './demo-users';
import { issuePastInvoices, pastInvoiceMonths } from './past-invoices';
import { dayOf, EARLIEST_TODAY, FIRST_SDK_APP_ID, instant, planAccount, SHOWCASE_ACCOUNTS, type PlanContext, type PlannedAccount } from './plans';
import { bcryptSaltFrom, rngFor, uuidFrom } from './random';
import { addUsageRows, defaultProfile, usagePeriod } from './usage';

/**
 * The deterministic demo data set (issue 3, "Database"): same options, same rows, on PGlite and
 * on PostgreSQL. Everything is written set-based in chunks inside one transaction, so the start
 * script can load it on first run and a failure leaves the database empty.
 */

export const DEFAULT_SEED = 20261123;
export const DEFAULT_ACCOUNTS = 200;
export const BCRYPT_COST = 10;

/**
 * Daily usage is written only for the first 1,000 accounts when more are seeded: 100,000
 * accounts x ~2.5 apps x ~110 days would be ~27 million rows, which the scale test (paging the
 * accounts table) does not need and which would take far longer than the few minutes allowed.
 */
export const USAGE_ACCOUNT_LIMIT = 1_000;

/** Accounts planned (and flushed) together: bounds memory at any size. */
const PLAN_BATCH_ACCOUNTS = 2_000;

export interface SeedDemoOptions {
  /** Number of accounts, at least 3 (the fixed demo accounts). */
  accounts: number;
  /** Any integer; the same seed gives the same rows. */
  seed: number;
  /** `YYYY-MM-DD` in the billing calendar, on or after 2024-01-01: the demo's "now". */
  today: string;
}

export interface SeedDemoSummary {
  accounts: number;
  legacyAccounts: number;
  currentAccounts: number;
  apps: number;
  planEvents: number;
  trialGrants: number;
  usageRows: number;
  /** Accounts whose apps got daily usage (all, or the first USAGE_ACCOUNT_LIMIT). */
  usageAccounts: number;
  usageFrom: string;
  usageTo: string;
  users: number;
  priceBooks: number;
  featureApplications: number;
  migrationTickets: number;
  /** Issued and paid invoices of past months, for the demo customers. */
  invoices: number;
  ms: number;
}

export class SeedError extends Error {}

export function validateSeedOptions(options: SeedDemoOptions): void {
  const { accounts, seed, today } = options;
  if (!Number.isSafeInteger(accounts) || accounts < SHOWCASE_ACCOUNTS || accounts > 2_000_000) {
    throw new SeedError(`accounts must be an integer from ${SHOWCASE_ACCOUNTS} to 2,000,000 (got ${accounts})`);
  }
  if (!Number.isSafeInteger(seed)) throw new SeedError(`seed must be an integer (got ${seed})`);
  if (parseDay(today) === null) throw new SeedError(`today must be a date YYYY-MM-DD (got ${today})`);
  if (today < EARLIEST_TODAY) throw new SeedError(`today must be on or after ${EARLIEST_TODAY} (got ${today})`);
}

/** Whether the database already holds data the seed would collide with. */
export async function existingData(driver: Driver): Promise<{ accounts: number; users: number }> {
  const [row] = await driver.query<{ accounts: number; users: number }>(
    'SELECT (SELECT count(*) FROM "Account")::int AS accounts, (SELECT count(*) FROM "User")::int AS users',
  );
  return { accounts: row?.accounts ?? 0, users: row?.users ?? 0 };
}

/**
 * Empties every table but Prisma's migration bookkeeping and restarts their ids. TRUNCATE does
 * not fire the append-only UPDATE/DELETE triggers, which is what a reset wants; the money tables
 * refuse it except under the reset's explicit, transaction-local permission (truncateTables).
 */
export async function resetDatabase(driver: Driver): Promise<string[]> {
  const rows = await driver.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const tables = rows.map((r) => r.tablename);
  await truncateTables(driver, tables, { cascade: true });
  return tables;
}

interface Writers {
  accounts: BulkInsert;
  apps: BulkInsert;
  events: BulkInsert;
  grants: BulkInsert;
  usage: BulkInsert;
}

function createWriters(): Writers {
  return {
    accounts: new BulkInsert('Account', [
      { name: 'id', type: 'int' },
      { name: 'name', type: 'text' },
      { name: 'contactEmail', type: 'text' },
      { name: 'scheme', type: 'text', enumType: 'Scheme' },
      { name: 'currency', type: 'text', enumType: 'Currency' },
      { name: 'currentFrom', type: 'date' },
      { name: 'managerId', type: 'uuid' },
      { name: 'createdAt', type: 'timestamptz' },
    ]),
    apps: new BulkInsert('App', [
      { name: 'sdkAppId', type: 'bigint' },
      { name: 'accountId', type: 'int' },
      { name: 'name', type: 'text' },
      { name: 'dataCenter', type: 'text', enumType: 'DataCenter' },
      { name: 'createdAt', type: 'timestamptz' },
      { name: 'trtcEnabled', type: 'boolean' },
    ]),
    events: new BulkInsert('PlanEvent', [
      { name: 'id', type: 'bigint' },
      { name: 'sdkAppId', type: 'bigint' },
      { name: 'date', type: 'date' },
      { name: 'type', type: 'text', enumType: 'PlanEventType' },
      { name: 'edition', type: 'text', enumType: 'Edition' },
      { name: 'addon', type: 'text', enumType: 'AddonCode' },
      { name: 'action', type: 'text', enumType: 'AddonAction' },
      { name: 'retentionDays', type: 'int' },
      { name: 'actorId', type: 'uuid' },
      { name: 'createdAt', type: 'timestamptz' },
    ]),
    grants: new BulkInsert('TrialGrant', [
      { name: 'id', type: 'int' },
      { name: 'sdkAppId', type: 'bigint' },
      { name: 'accountId', type: 'int' },
      { name: 'grantNo', type: 'int' },
      { name: 'accountGrantNo', type: 'int' },
      { name: 'startOn', type: 'date' },
      { name: 'endOn', type: 'date' },
      { name: 'actorId', type: 'uuid' },
      { name: 'createdAt', type: 'timestamptz' },
    ]),
    usage: new BulkInsert('UsageDaily', [
      { name: 'sdkAppId', type: 'bigint' },
      { name: 'date', type: 'date' },
      { name: 'dau', type: 'int' },
      { name: 'peakGroups', type: 'int' },
      { name: 'mau', type: 'int' },
      { name: 'pcc', type: 'int' },
      { name: 'barrageDomesticMbps', type: 'numeric' },
      { name: 'barrageIntlMbps', type: 'numeric' },
      { name: 'source', type: 'text', enumType: 'UsageSource' },
      { name: 'sentBy', type: 'text' },
      { name: 'updatedAt', type: 'timestamptz' },
    ]),
  };
}

interface SeededUser extends DemoUser {
  id: string;
  passwordHash: string;
}

async function prepareUsers(seed: number): Promise<SeededUser[]> {
  const rng = rngFor(seed, 'users');
  const users: SeededUser[] = [];
  for (const user of DEMO_USERS) {
    const id = uuidFrom(rng);
    const passwordHash = await bcrypt.hash(user.password, bcryptSaltFrom(rng, BCRYPT_COST));
    users.push({ ...user, id, passwordHash });
  }
  return users;
}

const STAFF_CREATED_AT = '2019-01-02T09:00:00+08:00';

async function insertUsers(sql: Sql, users: readonly SeededUser[], createdAt: (u: SeededUser) => string): Promise<void> {
  const bulk = new BulkInsert('User', [
    { name: 'id', type: 'uuid' },
    { name: 'email', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'passwordHash', type: 'text' },
    { name: 'role', type: 'text', enumType: 'Role' },
    { name: 'accountId', type: 'int' },
    { name: 'createdAt', type: 'timestamptz' },
  ]);
  for (const u of users) bulk.add([u.id, u.email, u.name, u.passwordHash, u.role, u.accountId, createdAt(u)]);
  await bulk.flush(sql);
}

async function insertPriceBooks(sql: Sql): Promise<number> {
  const books = new BulkInsert('PriceBook', [
    { name: 'id', type: 'int' },
    { name: 'scheme', type: 'text', enumType: 'Scheme' },
    { name: 'currency', type: 'text', enumType: 'Currency' },
    { name: 'version', type: 'int' },
    { name: 'effectiveFrom', type: 'date' },
    { name: 'source', type: 'text' },
    { name: 'createdAt', type: 'timestamptz' },
  ]);
  const prices = new BulkInsert('PriceBookPrice', [
    { name: 'priceBookId', type: 'int' },
    { name: 'key', type: 'text' },
    { name: 'amount', type: 'numeric' },
  ]);
  SHIPPED_PRICE_BOOKS.forEach((book, i) => {
    books.add([i + 1, book.scheme, book.currency, book.version, book.effectiveFrom, book.source, instant(dayOf(book.effectiveFrom), 0)]);
    for (const [key, amount] of Object.entries(book.prices).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (amount !== undefined) prices.add([i + 1, key, amount]);
    }
  });
  await books.flush(sql);
  await prices.flush(sql);
  return books.written;
}

interface Counters {
  legacy: number;
  current: number;
  eventId: number;
  grantId: number;
}

function addAccount(w: Writers, account: PlannedAccount, staff: { am: string; am2: string; ops: string }, c: Counters): void {
  const managerId = account.manager ? staff[account.manager] : null;
  const currentFrom = account.scheme === 'CURRENT' ? formatDay(account.createdDay) : null;
  w.accounts.add([account.id, account.name, account.contactEmail, account.scheme, CURRENCY[account.scheme], currentFrom, managerId, account.createdAt]);
  if (account.scheme === 'LEGACY') c.legacy++;
  else c.current++;
  for (const app of account.apps) {
    w.apps.add([app.sdkAppId, account.id, app.name, app.dataCenter, app.createdAt, app.grants.length > 0]);
    for (const e of app.events) {
      w.events.add([++c.eventId, app.sdkAppId, formatDay(e.date), e.type, e.edition, e.addon, e.action, e.retentionDays, null, instant(e.date, e.at)]);
    }
  }
  // Per account in accountGrantNo order: the trigger checks each number's predecessor exists.
  const grants = account.apps.flatMap((a) => a.grants).sort((a, b) => a.accountGrantNo - b.accountGrantNo);
  for (const g of grants) {
    w.grants.add([++c.grantId, g.sdkAppId, account.id, g.grantNo, g.accountGrantNo, formatDay(g.startOn), formatDay(g.startOn + AV_CALL_TRIAL.days - 1), staff.ops, instant(g.startOn, g.at)]);
  }
}

async function setSequences(sql: Sql): Promise<void> {
  for (const table of ['Account', 'PlanEvent', 'TrialGrant', 'FeatureApplication', 'MigrationTicket', 'PriceBook', 'AuditLog']) {
    await sql(
      `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT COALESCE(max("id"), 0) + 1 FROM "${table}"), false)`,
    );
  }
}

/**
 * Seeds the demo data into an empty, migrated database. Refuses a database that already has
 * accounts or users (use resetDatabase first). Returns what it wrote, counted back by Prisma.
 */
export async function seedDemo(prisma: PrismaClient, driver: Driver, options: SeedDemoOptions): Promise<SeedDemoSummary> {
  validateSeedOptions(options);
  const started = performance.now();
  const { accounts, seed } = options;
  const today = dayOf(options.today);
  const period = usagePeriod(today);
  const usageAccounts = accounts > USAGE_ACCOUNT_LIMIT ? USAGE_ACCOUNT_LIMIT : accounts;
  const users = await prepareUsers(seed);
  const userId = (email: string) => users.find((u) => u.email === email)!.id;
  const staff = { ops: userId('ops@demo.test'), am: userId('am@demo.test'), am2: userId('am2@demo.test') };
  const ticketRef = `TKT-${options.today.slice(0, 4)}-1107`;

  const written = await driverTransaction(async (sql) => {
    const [existing] = await sql<{ accounts: number; users: number }>(
      'SELECT (SELECT count(*) FROM "Account")::int AS accounts, (SELECT count(*) FROM "User")::int AS users',
    );
    if (existing && (existing.accounts > 0 || existing.users > 0)) {
      throw new SeedError(
        `the database already has ${existing.accounts} accounts and ${existing.users} users; reset it first (npm run db:seed -- --reset)`,
      );
    }
    await insertUsers(sql, users.filter((u) => u.accountId === null), () => STAFF_CREATED_AT);
    const priceBooks = await insertPriceBooks(sql);

    const w = createWriters();
    const ctx: PlanContext = { seed, today, nextSdkAppId: FIRST_SDK_APP_ID };
    const c: Counters = { legacy: 0, current: 0, eventId: 0, grantId: 0 };
    const planned = new Map<number, PlannedAccount>();
    for (let batchStart = 0; batchStart < accounts; batchStart += PLAN_BATCH_ACCOUNTS) {
      const batch: PlannedAccount[] = [];
      for (let index = batchStart; index < Math.min(accounts, batchStart + PLAN_BATCH_ACCOUNTS); index++) {
        const account = planAccount(ctx, index);
        batch.push(account);
        if (index < SHOWCASE_ACCOUNTS) planned.set(account.id, account);
        addAccount(w, account, staff, c);
      }
      // Parents before children (foreign keys).
      await w.accounts.flush(sql);
      await w.apps.flush(sql);
      await w.events.flush(sql);
      await w.grants.flush(sql);
      for (const account of batch) {
        if (account.index >= usageAccounts) break;
        for (const app of account.apps) {
          const rng = rngFor(seed, 'usage', app.sdkAppId);
          const profile = app.profile ?? defaultProfile(rng, app, account.scheme);
          addUsageRows({ bulk: w.usage, app, scheme: account.scheme, period, profile, rng });
          await w.usage.flushFull(sql);
        }
      }
      await w.usage.flush(sql);
    }

    const customers = users.filter((u) => u.accountId !== null);
    await insertUsers(sql, customers, (u) => planned.get(u.accountId!)!.createdAt);

    const applications = [...planned.values()].flatMap((a) => a.featureApplications);
    const apps = new BulkInsert('FeatureApplication', [
      { name: 'id', type: 'int' },
      { name: 'sdkAppId', type: 'bigint' },
      { name: 'feature', type: 'text', enumType: 'Feature' },
      { name: 'status', type: 'text', enumType: 'ApplicationStatus' },
      { name: 'note', type: 'text' },
      { name: 'requestedAt', type: 'timestamptz' },
      { name: 'decidedAt', type: 'timestamptz' },
      { name: 'decidedById', type: 'uuid' },
      { name: 'enablesAt', type: 'timestamptz' },
    ]);
    applications.forEach((a, i) =>
      apps.add([i + 1, a.sdkAppId, 'BROADCAST_PUSH', a.status, a.note, a.requestedAt, a.decidedAt, a.decidedAt ? staff.ops : null, a.enablesAt]),
    );
    await apps.flush(sql);

    const ticketAccount = planned.get(DEMO_ACCOUNTS.migrationTicket.id)!;
    const [flagshipApp] = ticketAccount.apps;
    await sql(
      `INSERT INTO "MigrationTicket" ("id", "accountId", "status", "requestRef", "notes", "createdById", "createdAt")
       VALUES (1, $1, 'OPEN', $2, $3, $4, $5::timestamptz)`,
      [
        ticketAccount.id,
        ticketRef,
        `客户申请迁移到当前计费方案，下月生效；${flagshipApp?.name ?? ''} 希望改为进阶版，其余应用按默认对应。\n` +
          `Customer asks to move to the current pricing from next month; ${flagshipApp?.name ?? ''} should go to Pro, the other apps to the default editions.`,
        staff.am,
        instant(today - 3, 11 * 3600 + 20 * 60),
      ],
    );

    await writeAuditSql(sql, { id: null, label: 'seed' }, [
      {
        at: new Date(instant(today, 0)),
        action: 'seed.demo',
        entityType: 'Database',
        entityId: 'demo',
        after: { accounts, seed, today: options.today, usageAccounts, usageFrom: formatDay(period.from), usageTo: formatDay(period.to) },
      },
    ]);
    await setSequences(sql);
    return { priceBooks, legacy: c.legacy, current: c.current, featureApplications: applications.length };
  }, { driver });

  // Both demo customers find issued (and paid) bills from past months at once.
  const past = pastInvoiceMonths(options.today);
  await issuePastInvoices(prisma, [DEMO_ACCOUNTS.legacyCustomer.id], past.legacy);
  await issuePastInvoices(prisma, [DEMO_ACCOUNTS.currentCustomer.id], past.current);

  const [accountCount, apps, planEvents, trialGrants, usageRows, userCount, tickets, invoices] = await Promise.all([
    prisma.account.count(),
    prisma.app.count(),
    prisma.planEvent.count(),
    prisma.trialGrant.count(),
    prisma.usageDaily.count(),
    prisma.user.count(),
    prisma.migrationTicket.count(),
    prisma.invoice.count(),
  ]);
  return {
    accounts: accountCount,
    legacyAccounts: written.legacy,
    currentAccounts: written.current,
    apps,
    planEvents,
    trialGrants,
    usageRows,
    usageAccounts,
    usageFrom: formatDay(period.from),
    usageTo: formatDay(period.to),
    users: userCount,
    priceBooks: written.priceBooks,
    featureApplications: written.featureApplications,
    migrationTickets: tickets,
    invoices,
    ms: Math.round(performance.now() - started),
  };
}
