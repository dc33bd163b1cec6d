import 'server-only';
import type { AccountInput, AppEvent, AppInput, UsageDay } from '../billing/types';
import type { CurrentEdition, Edition, PeriodicAddon, PriceBook, RetentionDays, Scheme } from '../billing/catalog';
import { addDays } from '../billing/dates';
import { db, type Tx } from '../db/client';

/** Anything that runs raw SQL: the app's client or an interactive transaction. */
export type Queryable = Pick<Tx, '$queryRaw' | '$queryRawUnsafe'>;

/**
 * A bare SQL executor: `$queryRawUnsafe` of a client or transaction, or the driver itself (the
 * billing run reads through the driver: Prisma's conversions cost more than the SQL on 100,000
 * apps). Integer columns come back as numbers, so every bigint is read as text here.
 */
export type RawQuery = (sql: string, params: readonly unknown[]) => Promise<Record<string, unknown>[]>;

export type LoadedAccount = {
  accountId: number;
  /** The scheme the account is billed under now (or from its migration's effective date). */
  scheme: Scheme;
  migration: { executedOn: string; effectiveOn: string; editions: Record<string, CurrentEdition> } | null;
  input: AccountInput;
};

export type LoadInputsOptions = {
  accountIds: readonly number[];
  /** Usage is read for these days only (inclusive); plan events are always read whole. */
  usageFrom: string;
  usageTo: string;
};

type EventRow = {
  sdkAppId: string;
  date: string;
  type: 'EDITION' | 'ADDON';
  edition: string | null;
  addon: string | null;
  action: 'START' | 'STOP' | null;
  retentionDays: number | null;
};

export function toEngineEvent(row: Omit<EventRow, 'sdkAppId'>): AppEvent {
  if (row.type === 'EDITION') return { date: row.date, type: 'edition', edition: row.edition as Edition };
  const action = row.action === 'START' ? 'start' : 'stop';
  if (row.addon === 'HISTORY_RETENTION') {
    return action === 'start'
      ? { date: row.date, type: 'addon', addon: 'HISTORY_RETENTION', action, days: row.retentionDays as RetentionDays }
      : { date: row.date, type: 'addon', addon: 'HISTORY_RETENTION', action };
  }
  return { date: row.date, type: 'addon', addon: row.addon as PeriodicAddon, action };
}

const ACCOUNTS_SQL = `
  SELECT a."id", a."scheme"::text AS "scheme", to_char(t."executedOn", 'YYYY-MM-DD') AS "executedOn",
         to_char(t."effectiveOn", 'YYYY-MM-DD') AS "effectiveOn", t."editions"
    FROM "Account" a
    LEFT JOIN "MigrationTicket" t ON t."accountId" = a."id" AND t."status" = 'EXECUTED'
   WHERE a."id" = ANY($1::int[])`;

const APPS_SQL = `SELECT "sdkAppId"::text AS "sdkAppId", "accountId" FROM "App" WHERE "accountId" = ANY($1::int[]) ORDER BY "sdkAppId"`;

const EVENTS_SQL = `
  SELECT e."sdkAppId"::text AS "sdkAppId", to_char(e."date", 'YYYY-MM-DD') AS "date", e."type"::text AS "type",
         e."edition"::text AS "edition", e."addon"::text AS "addon", e."action"::text AS "action", e."retentionDays"
    FROM "PlanEvent" e JOIN "App" p ON p."sdkAppId" = e."sdkAppId"
   WHERE p."accountId" = ANY($1::int[])
   ORDER BY e."sdkAppId", e."date", e."id"`;

// One text per app, `day,dau,peakGroups,…;…` in date order (day = days after usageFrom), and one
// character per day whose bits say which measures were reported (concat_ws drops NULLs): one
// value to decode per app instead of seven arrays.
const USAGE_SQL = `
  SELECT u."sdkAppId"::text AS "sdkAppId",
         string_agg(concat_ws(',', u."date" - $2::date, u."dau", u."peakGroups", u."mau", u."pcc",
                              u."barrageDomesticMbps", u."barrageIntlMbps"), ';' ORDER BY u."date") AS "days",
         string_agg(chr(48 + (u."dau" IS NOT NULL)::int + 2 * (u."peakGroups" IS NOT NULL)::int + 4 * (u."mau" IS NOT NULL)::int
                        + 8 * (u."pcc" IS NOT NULL)::int + 16 * (u."barrageDomesticMbps" IS NOT NULL)::int
                        + 32 * (u."barrageIntlMbps" IS NOT NULL)::int), '' ORDER BY u."date") AS "present"
    FROM "UsageDaily" u JOIN "App" p ON p."sdkAppId" = u."sdkAppId"
   WHERE p."accountId" = ANY($1::int[])
     AND u."date" BETWEEN $2::date AND $3::date
   GROUP BY u."sdkAppId"`;

/**
 * Reads what the engine needs for a set of accounts in four set-based statements, whatever the
 * number of apps: accounts with their executed migration, apps, plan events, and each app's
 * usage folded into one text.
 */
export async function loadAccountInputs(q: Queryable, options: LoadInputsOptions): Promise<Map<number, LoadedAccount>> {
  return loadAccountInputsWith((sql, params) => q.$queryRawUnsafe(sql, ...params), options);
}

/** loadAccountInputs on any SQL executor (the driver, for the billing run). */
export async function loadAccountInputsWith(query: RawQuery, options: LoadInputsOptions): Promise<Map<number, LoadedAccount>> {
  const ids = [...options.accountIds];
  if (ids.length === 0) return new Map();
  const [accounts, apps, events, usage] = (await Promise.all([
    query(ACCOUNTS_SQL, [ids]),
    query(APPS_SQL, [ids]),
    query(EVENTS_SQL, [ids]),
    query(USAGE_SQL, [ids, options.usageFrom, options.usageTo]),
  ])) as [
    { id: number; scheme: Scheme; executedOn: string | null; effectiveOn: string | null; editions: unknown }[],
    { sdkAppId: string; accountId: number }[],
    EventRow[],
    { sdkAppId: string; days: string; present: string }[],
  ];

  const eventsByApp = new Map<string, AppEvent[]>();
  for (const row of events) {
    const list = eventsByApp.get(row.sdkAppId) ?? [];
    list.push(toEngineEvent(row));
    eventsByApp.set(row.sdkAppId, list);
  }
  const dates = dateTable(options.usageFrom, options.usageTo);
  const usageByApp = new Map<string, UsageDay[]>();
  for (const row of usage) usageByApp.set(row.sdkAppId, usageDays(row.days, row.present, dates));

  const appsByAccount = new Map<number, AppInput[]>();
  for (const app of apps) {
    const list = appsByAccount.get(app.accountId) ?? [];
    list.push({
      sdkAppId: Number(app.sdkAppId),
      events: eventsByApp.get(app.sdkAppId) ?? [],
      usage: usageByApp.get(app.sdkAppId) ?? [],
    });
    appsByAccount.set(app.accountId, list);
  }

  const result = new Map<number, LoadedAccount>();
  for (const account of accounts) {
    const migration =
      account.executedOn && account.effectiveOn
        ? { executedOn: account.executedOn, effectiveOn: account.effectiveOn, editions: (account.editions ?? {}) as Record<string, CurrentEdition> }
        : null;
    result.set(account.id, {
      accountId: account.id,
      scheme: account.scheme,
      migration,
      input: {
        // A migrated account started LEGACY; the engine applies the migration itself.
        scheme: migration ? 'LEGACY' : account.scheme,
        apps: appsByAccount.get(account.id) ?? [],
        ...(migration ? { migration: { executedOn: migration.executedOn, editions: migration.editions } } : {}),
      },
    });
  }
  return result;
}

/** The days from..to as YYYY-MM-DD, by offset. */
function dateTable(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** Decodes one app's usage text; `present` has one character per day, `0` + a bit per measure. */
function usageDays(text: string, present: string, dates: readonly string[]): UsageDay[] {
  const lines = text.split(';');
  const days: UsageDay[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const fields = lines[i]!.split(',');
    const mask = present.charCodeAt(i) - 48;
    const day: UsageDay = { date: dates[Number(fields[0])]! };
    let f = 1;
    if (mask & 1) day.dau = Number(fields[f++]);
    if (mask & 2) day.peakGroups = Number(fields[f++]);
    if (mask & 4) day.mau = Number(fields[f++]);
    if (mask & 8) day.pcc = Number(fields[f++]);
    if (mask & 16) day.barrageDomesticMbps = fields[f++]!;
    if (mask & 32) day.barrageIntlMbps = fields[f++]!;
    days[i] = day;
  }
  return days;
}

export async function loadAccountInput(accountId: number, usageFrom: string, usageTo: string, q: Queryable = db): Promise<LoadedAccount | null> {
  return (await loadAccountInputs(q, { accountIds: [accountId], usageFrom, usageTo })).get(accountId) ?? null;
}

/** Every price-book version, oldest first, as the engine reads them. */
export async function loadPriceBooks(q: Queryable = db): Promise<PriceBook[]> {
  const rows = await q.$queryRaw<{ id: number; scheme: Scheme; version: number; effectiveFrom: string; source: string; prices: Record<string, string> }[]>`
    SELECT b."id", b."scheme"::text AS "scheme", b."version", to_char(b."effectiveFrom", 'YYYY-MM-DD') AS "effectiveFrom", b."source",
           COALESCE(jsonb_object_agg(p."key", p."amount"::text) FILTER (WHERE p."key" IS NOT NULL), '{}'::jsonb) AS "prices"
      FROM "PriceBook" b LEFT JOIN "PriceBookPrice" p ON p."priceBookId" = b."id"
     GROUP BY b."id" ORDER BY b."scheme", b."effectiveFrom"`;
  return rows.map((row) => ({
    id: String(row.id),
    scheme: row.scheme,
    currency: row.scheme === 'LEGACY' ? 'CNY' : 'USD',
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    source: row.source,
    prices: Object.fromEntries(Object.entries(row.prices).map(([key, amount]) => [key, normalizeDecimal(amount)])),
  }));
}

/** numeric(18,6) comes back as "999.000000"; a price keeps its own precision, not the column's. */
function normalizeDecimal(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

