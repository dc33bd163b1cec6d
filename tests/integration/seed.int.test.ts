import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_PRICE_BOOKS } from '../../lib/billing/catalog';
import { BILLING_TIME_ZONE } from '../../lib/clock';
import type { Database } from '../../lib/db/client';
import { addPlanEvent, addUsage, createAccount, createApp, createUser } from '../../prisma/seed/factories';
import { DEMO_ACCOUNTS, DEMO_USERS } from '../../prisma/seed/demo-users';
import { resetDatabase, SeedError, seedDemo, type SeedDemoOptions } from '../../prisma/seed/seed-demo';
import { createTestDatabase } from './db';

const OPTIONS: SeedDemoOptions = { accounts: 200, seed: 20261123, today: '2026-11-23' };
const CLOSE = `TIMESTAMPTZ '2022-12-26 00:00:00+08'`;
// Two migrated databases and two seeds; generous for a loaded CI machine.
const SEED_TIMEOUT = 300_000;

// Every table the seed writes, with the key its digest is ordered by.
const DIGEST_TABLES: readonly [string, string][] = [
  ['User', '"id"'],
  ['Account', '"id"'],
  ['App', '"sdkAppId"'],
  ['PlanEvent', '"id"'],
  ['TrialGrant', '"id"'],
  ['UsageDaily', '"sdkAppId", "date"'],
  ['PriceBook', '"id"'],
  ['PriceBookPrice', '"priceBookId", "key"'],
  ['FeatureApplication', '"id"'],
  ['MigrationTicket', '"id"'],
  ['AuditLog', '"id"'],
  ['Invoice', '"id"'],
  ['InvoiceLine', '"invoiceId", "position"'],
];

async function digest(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, key] of DIGEST_TABLES) {
    const [row] = await db.driver.query<{ n: number; md5: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, E'\\n' ORDER BY ${key.split(', ').map((k) => `t.${k}`).join(', ')})) AS md5 FROM "${table}" t`,
    );
    out[table] = `${row?.n}:${row?.md5}`;
  }
  return out;
}

async function one<T extends Record<string, unknown>>(db: Database, sql: string, params?: unknown[]): Promise<T> {
  const [row] = await db.driver.query<T>(sql, params);
  if (!row) throw new Error(`no row: ${sql}`);
  return row;
}

describe('demo seed', () => {
  let a: Awaited<ReturnType<typeof createTestDatabase>>;
  let b: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    a = await createTestDatabase();
    b = await createTestDatabase();
    await seedDemo(a.db.prisma, a.db.driver, OPTIONS);
    await seedDemo(b.db.prisma, b.db.driver, OPTIONS);
  }, SEED_TIMEOUT);

  afterAll(async () => {
    await a?.drop();
    await b?.drop();
  });

  it('writes identical rows for the same arguments into two fresh databases', async () => {
    const [da, dbb] = [await digest(a.db), await digest(b.db)];
    expect(da).toEqual(dbb);
    for (const table of ['User', 'Account', 'App', 'PlanEvent', 'UsageDaily', 'PriceBook', 'MigrationTicket']) {
      expect(da[table]).not.toMatch(/^0:/);
    }
  });

  it('gives both demo customers issued, paid invoices of past months, leaving the months the journeys bill (nobody else)', async () => {
    const rows = await a.db.driver.query<{ accountId: number; month: string; status: string; number: string; issued: string; lines: number; total: string }>(
      `SELECT i."accountId", i."month", i."status"::text AS status, i."number",
              to_char(i."issuedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS issued,
              (SELECT count(*)::int FROM "InvoiceLine" l WHERE l."invoiceId" = i."id") AS lines, i."total"::text AS total
         FROM "Invoice" i ORDER BY i."month", i."accountId"`,
    );
    expect(rows.map((r) => [r.accountId, r.month, r.status, r.issued])).toEqual([
      [DEMO_ACCOUNTS.legacyCustomer.id, '2026-08', 'PAID', '2026-09-03 00:10'],
      [DEMO_ACCOUNTS.legacyCustomer.id, '2026-09', 'PAID', '2026-10-03 00:10'],
      [DEMO_ACCOUNTS.currentCustomer.id, '2026-09', 'PAID', '2026-10-03 00:10'],
    ]);
    expect(rows.map((r) => r.number)).toEqual(['INV-2026-000001', 'INV-2026-000002', 'INV-2026-000003']);
    for (const r of rows) {
      expect(r.lines).toBeGreaterThan(0);
      expect(Number(r.total)).toBeGreaterThan(0);
    }
  });

  it('refuses a database that already has accounts', async () => {
    await expect(seedDemo(a.db.prisma, a.db.driver, OPTIONS)).rejects.toBeInstanceOf(SeedError);
  });

  it('creates accounts in both schemes with valid dates and currencies', async () => {
    const db = a.db;
    const c = await one<{ total: number; legacy: number; current: number; bad_legacy: number; bad_current: number }>(
      db,
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE scheme = 'LEGACY')::int AS legacy,
              count(*) FILTER (WHERE scheme = 'CURRENT')::int AS current,
              count(*) FILTER (WHERE scheme = 'LEGACY' AND (currency <> 'CNY' OR "currentFrom" IS NOT NULL
                OR "createdAt" < TIMESTAMPTZ '2019-01-01 00:00:00+08' OR "createdAt" >= TIMESTAMPTZ '2022-12-21 00:00:00+08'))::int AS bad_legacy,
              count(*) FILTER (WHERE scheme = 'CURRENT' AND (currency <> 'USD'
                OR "createdAt" < TIMESTAMPTZ '2022-12-27 00:00:00+08'
                OR ("createdAt" AT TIME ZONE $1)::date > DATE '2026-11-23' - 30
                OR "currentFrom" <> ("createdAt" AT TIME ZONE $1)::date))::int AS bad_current
         FROM "Account"`, [BILLING_TIME_ZONE],
    );
    expect(c.total).toBe(200);
    expect(c.legacy / c.total).toBeGreaterThan(0.35);
    expect(c.legacy / c.total).toBeLessThan(0.55);
    expect(c.bad_legacy).toBe(0);
    expect(c.bad_current).toBe(0);
    const names = await one<{ chinese: number }>(db, `SELECT count(*) FILTER (WHERE name ~ '[一-龥]')::int AS chinese FROM "Account"`);
    expect(names.chinese).toBeGreaterThan(20);
    expect(names.chinese).toBeLessThan(180);
  });

  it('creates about 2.5 apps per account with consecutive SDKAppIDs over all data centers', async () => {
    const db = a.db;
    const apps = await one<{ n: number; min: string; max: string; dcs: number; early: number }>(
      db,
      `SELECT count(*)::int AS n, min(p."sdkAppId")::text AS min, max(p."sdkAppId")::text AS max,
              count(DISTINCT p."dataCenter")::int AS dcs,
              count(*) FILTER (WHERE p."createdAt" < a."createdAt")::int AS early
         FROM "App" p JOIN "Account" a ON a.id = p."accountId"`,
    );
    expect(apps.n).toBeGreaterThanOrEqual(400);
    expect(apps.n).toBeLessThanOrEqual(600);
    expect(apps.min).toBe('1400000001');
    expect(BigInt(apps.max) - BigInt(apps.min) + 1n).toBe(BigInt(apps.n));
    expect(apps.dcs).toBe(7);
    expect(apps.early).toBe(0);
    const perAccount = await one<{ lo: number; hi: number }>(
      db,
      `SELECT min(n)::int AS lo, max(n)::int AS hi FROM (SELECT count(*) AS n FROM "App" GROUP BY "accountId") x`,
    );
    expect(perAccount.lo).toBeGreaterThanOrEqual(1);
    expect(perAccount.hi).toBeLessThanOrEqual(6);
    const noApps = await one<{ n: number }>(db, `SELECT count(*)::int AS n FROM "Account" a WHERE NOT EXISTS (SELECT 1 FROM "App" p WHERE p."accountId" = a.id)`);
    expect(noApps.n).toBe(0);
  });

  it('gives every LEGACY account an app created before 2022-12-26 (billing calendar)', async () => {
    const row = await one<{ n: number }>(
      a.db,
      `SELECT count(*)::int AS n FROM "Account" a
        WHERE a.scheme = 'LEGACY'
          AND NOT EXISTS (SELECT 1 FROM "App" p WHERE p."accountId" = a.id AND p."createdAt" < ${CLOSE})`,
    );
    expect(row.n).toBe(0);
  });

  it('writes plan events that follow the rules', async () => {
    const db = a.db;
    const counts = await one<{ paid_legacy: number; paid_current: number; addons: number; retention: number; trial: number; future: number; before_app: number }>(
      db,
      `SELECT count(DISTINCT e."sdkAppId") FILTER (WHERE e.edition IN ('PROFESSIONAL', 'FLAGSHIP'))::int AS paid_legacy,
              count(DISTINCT e."sdkAppId") FILTER (WHERE e.edition IN ('STANDARD', 'PRO'))::int AS paid_current,
              count(*) FILTER (WHERE e.type = 'ADDON' AND e.addon <> 'HISTORY_RETENTION')::int AS addons,
              count(*) FILTER (WHERE e.addon = 'HISTORY_RETENTION' AND e.action = 'START')::int AS retention,
              count(*) FILTER (WHERE e.edition IN ('TRIAL'))::int AS trial,
              count(*) FILTER (WHERE e.date >= DATE '2026-11-23')::int AS future,
              count(*) FILTER (WHERE e.date < (p."createdAt" AT TIME ZONE $1)::date)::int AS before_app
         FROM "PlanEvent" e JOIN "App" p USING ("sdkAppId")`, [BILLING_TIME_ZONE],
    );
    expect(counts.paid_legacy).toBeGreaterThan(50);
    expect(counts.paid_current).toBeGreaterThan(50);
    expect(counts.addons).toBeGreaterThan(20);
    expect(counts.retention).toBeGreaterThan(5);
    expect(counts.trial).toBe(0);
    expect(counts.future).toBe(0);
    expect(counts.before_app).toBe(0);

    // Each add-on request finds a paid edition requested before it (Professional for unlimited
    // AV chat rooms); no paid -> Trial; upgrades and downgrades only between paid editions.
    const events = await db.driver.query<{ sdkAppId: string; type: string; edition: string | null; addon: string | null; action: string | null }>(
      `SELECT "sdkAppId"::text AS "sdkAppId", type::text, edition::text, addon::text, action::text FROM "PlanEvent" ORDER BY "sdkAppId", date, id`,
    );
    const lastEdition = new Map<string, string>();
    const running = new Map<string, Set<string>>();
    let downgrades = 0;
    for (const e of events) {
      const held = lastEdition.get(e.sdkAppId);
      if (e.type === 'EDITION') {
        if (held === 'FLAGSHIP' && e.edition === 'PROFESSIONAL') downgrades++;
        lastEdition.set(e.sdkAppId, e.edition!);
        continue;
      }
      expect(['PROFESSIONAL', 'FLAGSHIP']).toContain(held);
      if (e.addon === 'AV_CHATROOM_UNLIMITED' && e.action === 'START') expect(held).toBe('PROFESSIONAL');
      const set = running.get(e.sdkAppId) ?? new Set<string>();
      if (e.action === 'STOP') expect(set.has(e.addon!)).toBe(true);
      else if (e.addon !== 'HISTORY_RETENTION') expect(set.has(e.addon!)).toBe(false);
      if (e.action === 'START') set.add(e.addon!);
      else set.delete(e.addon!);
      running.set(e.sdkAppId, set);
    }
    expect(downgrades).toBeGreaterThan(0);
  });

  it('writes daily usage for three months and this month, some of it over the free quotas', async () => {
    const db = a.db;
    const u = await one<{
      n: number; first: string; last: string; negative: number; dau_over: number; groups_over: number; mau_over: number;
      barrage: number; legacy_without_dau: number; current_without_mau: number; other_source: number;
    }>(
      db,
      `SELECT count(*)::int AS n, min(date)::text AS first, max(date)::text AS last,
              count(*) FILTER (WHERE dau < 0 OR "peakGroups" < 0 OR mau < 0 OR pcc < 0
                               OR "barrageDomesticMbps" < 0 OR "barrageIntlMbps" < 0)::int AS negative,
              count(DISTINCT "sdkAppId") FILTER (WHERE dau > 10000)::int AS dau_over,
              count(DISTINCT "sdkAppId") FILTER (WHERE "peakGroups" > 100000)::int AS groups_over,
              count(DISTINCT "sdkAppId") FILTER (WHERE mau > 10000)::int AS mau_over,
              count(DISTINCT "sdkAppId") FILTER (WHERE "barrageDomesticMbps" > 0)::int AS barrage,
              count(*) FILTER (WHERE a.scheme = 'LEGACY' AND (dau IS NULL OR mau IS NOT NULL))::int AS legacy_without_dau,
              count(*) FILTER (WHERE a.scheme = 'CURRENT' AND mau IS NULL)::int AS current_without_mau,
              count(*) FILTER (WHERE source <> 'SEED' OR "sentBy" <> 'seed')::int AS other_source
         FROM "UsageDaily" d JOIN "App" p USING ("sdkAppId") JOIN "Account" a ON a.id = p."accountId"`,
    );
    expect(u.first).toBe('2026-08-01');
    expect(u.last).toBe('2026-11-22');
    expect(u.n).toBeGreaterThan(30_000);
    expect(u.negative).toBe(0);
    expect(u.dau_over).toBeGreaterThan(0);
    expect(u.groups_over).toBeGreaterThan(0);
    expect(u.mau_over).toBeGreaterThan(0);
    expect(u.barrage).toBeGreaterThan(0);
    expect(u.legacy_without_dau).toBe(0);
    expect(u.current_without_mau).toBe(0);
    expect(u.other_source).toBe(0);
    const falling = await one<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM (
         SELECT mau, lag(mau) OVER (PARTITION BY "sdkAppId", date_trunc('month', date) ORDER BY date) AS before
           FROM "UsageDaily" WHERE mau IS NOT NULL) x
        WHERE mau < before`,
    );
    expect(falling.n).toBe(0);
    const beforeApp = await one<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM "UsageDaily" d JOIN "App" p USING ("sdkAppId")
        WHERE d.date < (p."createdAt" AT TIME ZONE $1)::date`, [BILLING_TIME_ZONE],
    );
    expect(beforeApp.n).toBe(0);
  });

  it('writes price books, trial grants, feature applications, one open ticket and one audit entry', async () => {
    const db = a.db;
    const books = await db.prisma.priceBook.findMany({ include: { prices: true }, orderBy: { id: 'asc' } });
    expect(books.map((b) => [b.scheme, b.currency, b.version])).toEqual(SHIPPED_PRICE_BOOKS.map((b) => [b.scheme, b.currency, b.version]));
    for (const [i, book] of books.entries()) {
      const shipped = SHIPPED_PRICE_BOOKS[i]!;
      expect(book.effectiveFrom.toISOString().slice(0, 10)).toBe(shipped.effectiveFrom);
      const prices = Object.fromEntries(book.prices.map((p) => [p.key, p.amount.toString()]));
      expect(prices).toEqual(Object.fromEntries(Object.entries(shipped.prices)));
    }

    const grants = await one<{ n: number; bad_end: number; without_trtc: number }>(
      db,
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE g."endOn" <> g."startOn" + 59)::int AS bad_end,
              count(*) FILTER (WHERE NOT p."trtcEnabled")::int AS without_trtc
         FROM "TrialGrant" g JOIN "App" p USING ("sdkAppId")`,
    );
    expect(grants.n).toBeGreaterThanOrEqual(3);
    expect(grants.bad_end).toBe(0);
    expect(grants.without_trtc).toBe(0);

    const applications = await db.prisma.featureApplication.findMany({ orderBy: { id: 'asc' } });
    expect(applications.map((x) => x.status).sort()).toEqual(['APPROVED', 'PENDING']);
    for (const application of applications) {
      expect(application.feature).toBe('BROADCAST_PUSH');
      const [last] = await db.prisma.planEvent.findMany({
        where: { sdkAppId: application.sdkAppId, type: 'EDITION' },
        orderBy: [{ date: 'desc' }, { id: 'desc' }],
        take: 1,
      });
      expect(last?.edition).toBe('PRO');
    }
    const approved = applications.find((x) => x.status === 'APPROVED')!;
    expect(approved.decidedById).not.toBeNull();
    expect(approved.enablesAt!.getTime() - approved.decidedAt!.getTime()).toBe(48 * 3600 * 1000);

    const tickets = await db.prisma.migrationTicket.findMany({ include: { account: { include: { manager: true } } } });
    expect(tickets).toHaveLength(1);
    const [ticket] = tickets;
    expect(ticket!.status).toBe('OPEN');
    expect(ticket!.requestRef).toMatch(/^TKT-2026-\d{4}$/);
    expect(ticket!.account.scheme).toBe('LEGACY');
    expect(ticket!.account.id).toBe(DEMO_ACCOUNTS.migrationTicket.id);
    expect(ticket!.account.manager?.email).toBe('am@demo.test');
    expect(ticket!.accountId).not.toBe(DEMO_ACCOUNTS.legacyCustomer.id);

    const audit = await db.prisma.auditLog.findMany();
    expect(audit.map((x) => x.action)).toEqual(['seed.demo']);
  });

  it('creates the demo users with their roles, passwords and accounts', async () => {
    const db = a.db;
    for (const demo of DEMO_USERS) {
      const user = await db.prisma.user.findUnique({ where: { email: demo.email } });
      expect(user, demo.email).not.toBeNull();
      expect(user!.role).toBe(demo.role);
      expect(user!.accountId).toBe(demo.accountId);
      expect(await bcrypt.compare(demo.password, user!.passwordHash)).toBe(true);
      expect(bcrypt.getRounds(user!.passwordHash)).toBe(10);
      if (demo.role === 'CUSTOMER') expect(user!.accountId).not.toBeNull();
    }

    const managed = await db.driver.query<{ email: string | null; n: number }>(
      `SELECT u.email, count(*)::int AS n FROM "Account" a LEFT JOIN "User" u ON u.id = a."managerId" GROUP BY u.email`,
    );
    const byManager = Object.fromEntries(managed.map((r) => [r.email ?? 'none', r.n]));
    expect(byManager['am@demo.test']).toBeGreaterThanOrEqual(80);
    expect(byManager['am@demo.test']).toBeLessThanOrEqual(120);
    expect(byManager['am2@demo.test']).toBeGreaterThan(20);
    expect(byManager.none).toBeGreaterThan(10);

    const legacy = await db.prisma.account.findUniqueOrThrow({
      where: { id: DEMO_ACCOUNTS.legacyCustomer.id },
      include: { manager: true, apps: { include: { events: true } } },
    });
    expect(legacy.name).toBe(DEMO_ACCOUNTS.legacyCustomer.name);
    expect(legacy.scheme).toBe('LEGACY');
    expect(legacy.manager?.email).toBe('am@demo.test');
    const legacyEvents = legacy.apps.flatMap((x) => x.events);
    expect(legacyEvents.some((e) => e.edition === 'FLAGSHIP')).toBe(true);
    expect(legacyEvents.some((e) => e.edition === 'PROFESSIONAL')).toBe(true);
    expect(legacyEvents.some((e) => e.type === 'ADDON')).toBe(true);
    const over = await one<{ dau: number; groups: number }>(
      db,
      `SELECT count(*) FILTER (WHERE dau > 10000)::int AS dau, count(*) FILTER (WHERE "peakGroups" > 100000)::int AS groups
         FROM "UsageDaily" d JOIN "App" p USING ("sdkAppId") WHERE p."accountId" = $1`,
      [legacy.id],
    );
    expect(over.dau).toBeGreaterThan(0);
    expect(over.groups).toBeGreaterThan(0);

    const current = await db.prisma.account.findUniqueOrThrow({
      where: { id: DEMO_ACCOUNTS.currentCustomer.id },
      include: { apps: { include: { events: true } } },
    });
    expect(current.name).toBe(DEMO_ACCOUNTS.currentCustomer.name);
    expect(current.scheme).toBe('CURRENT');
    const currentEditions = new Set(current.apps.flatMap((x) => x.events.map((e) => e.edition)));
    expect(currentEditions.has('STANDARD')).toBe(true);
    expect(currentEditions.has('PRO')).toBe(true);
  });

  it('leaves the id sequences after the seeded rows, so factories can add more', async () => {
    const db = a.db.prisma;
    const am = await db.user.findUniqueOrThrow({ where: { email: 'am@demo.test' } });
    const legacy = await createAccount(db, { scheme: 'LEGACY', managerId: am.id });
    expect(legacy.id).toBe(201);
    const app = await createApp(db, { accountId: legacy.id });
    expect(app.createdAt.getTime()).toBeLessThan(new Date('2022-12-26T00:00:00+08:00').getTime());
    const event = await addPlanEvent(db, { sdkAppId: app.sdkAppId, date: '2026-10-15', edition: 'PROFESSIONAL' });
    await addPlanEvent(db, { sdkAppId: app.sdkAppId, date: '2026-10-20', addon: 'HISTORY_RETENTION' });
    expect(Number(event.id)).toBeGreaterThan(400);
    expect(await addUsage(db, [{ sdkAppId: app.sdkAppId, date: '2026-10-20', dau: 25_310, peakGroups: 100_000, barrageDomesticMbps: '3.5' }])).toBe(1);
    const customer = await createUser(db, { role: 'CUSTOMER' });
    expect(customer.accountId).toBeGreaterThan(201);
    expect(await bcrypt.compare(customer.password, customer.passwordHash)).toBe(true);
    const current = await db.account.findUniqueOrThrow({ where: { id: customer.accountId! } });
    expect(current.scheme).toBe('CURRENT');
    await expect(addPlanEvent(db, { sdkAppId: (await createApp(db, { accountId: current.id })).sdkAppId, edition: 'FLAGSHIP' })).rejects.toThrow();
  });

  it('reseeds the same rows after a reset', async () => {
    const before = await digest(b.db);
    await resetDatabase(b.db.driver);
    expect(await b.db.prisma.account.count()).toBe(0);
    await seedDemo(b.db.prisma, b.db.driver, OPTIONS);
    expect(await digest(b.db)).toEqual(before);
  }, SEED_TIMEOUT);
});
