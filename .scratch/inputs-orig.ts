import 'server-only';
import type { AccountInput, AppEvent, AppInput, UsageDay } from '../lib/billing/types';
import type { CurrentEdition, Edition, PeriodicAddon, PriceBook, RetentionDays, Scheme } from '../lib/billing/catalog';
import { db, type Tx } from '../lib/db/client';

/** Anything that runs raw SQL: the app's client or an interactive transaction. */
export type Queryable = Pick<Tx, '$queryRaw'>;

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
  sdkAppId: bigint;
  date: string;
  type: 'EDITION' | 'ADDON';
  edition: string | null;
  addon: string | null;
  action: 'START' | 'STOP' | null;
  retentionDays: number | null;
};

type UsageRow = {
  sdkAppId: bigint;
  dates: string[];
  dau: (number | null)[];
  peakGroups: (number | null)[];
  mau: (number | null)[];
  pcc: (number | null)[];
  domestic: (string | null)[];
  intl: (string | null)[];
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

/**
 * Reads what the engine needs for a set of accounts in five set-based statements, whatever the
 * number of apps: accounts with their executed migration, apps, plan events, and usage folded
 * into one row of arrays per app.
 */
export async function loadAccountInputs(q: Queryable, options: LoadInputsOptions): Promise<Map<number, LoadedAccount>> {
  const ids = [...options.accountIds];
  if (ids.length === 0) return new Map();
  const [accounts, apps, events, usage] = await Promise.all([
    q.$queryRaw<{ id: number; scheme: Scheme; executedOn: string | null; effectiveOn: string | null; editions: unknown }[]>`
      SELECT a."id", a."scheme"::text AS "scheme", to_char(t."executedOn", 'YYYY-MM-DD') AS "executedOn",
             to_char(t."effectiveOn", 'YYYY-MM-DD') AS "effectiveOn", t."editions"
        FROM "Account" a
        LEFT JOIN "MigrationTicket" t ON t."accountId" = a."id" AND t."status" = 'EXECUTED'
       WHERE a."id" = ANY(${ids}::int[])`,
    q.$queryRaw<{ sdkAppId: bigint; accountId: number }[]>`
      SELECT "sdkAppId", "accountId" FROM "App" WHERE "accountId" = ANY(${ids}::int[]) ORDER BY "sdkAppId"`,
    q.$queryRaw<EventRow[]>`
      SELECT e."sdkAppId", to_char(e."date", 'YYYY-MM-DD') AS "date", e."type"::text AS "type", e."edition"::text AS "edition",
             e."addon"::text AS "addon", e."action"::text AS "action", e."retentionDays"
        FROM "PlanEvent" e JOIN "App" p ON p."sdkAppId" = e."sdkAppId"
       WHERE p."accountId" = ANY(${ids}::int[])
       ORDER BY e."sdkAppId", e."date", e."id"`,
    q.$queryRaw<UsageRow[]>`
      SELECT u."sdkAppId",
             array_agg(to_char(u."date", 'YYYY-MM-DD') ORDER BY u."date") AS "dates",
             array_agg(u."dau" ORDER BY u."date") AS "dau",
             array_agg(u."peakGroups" ORDER BY u."date") AS "peakGroups",
             array_agg(u."mau" ORDER BY u."date") AS "mau",
             array_agg(u."pcc" ORDER BY u."date") AS "pcc",
             array_agg(u."barrageDomesticMbps"::text ORDER BY u."date") AS "domestic",
             array_agg(u."barrageIntlMbps"::text ORDER BY u."date") AS "intl"
        FROM "UsageDaily" u JOIN "App" p ON p."sdkAppId" = u."sdkAppId"
       WHERE p."accountId" = ANY(${ids}::int[])
         AND u."date" BETWEEN ${options.usageFrom}::date AND ${options.usageTo}::date
       GROUP BY u."sdkAppId"`,
  ]);

  const eventsByApp = new Map<bigint, AppEvent[]>();
  for (const row of events) {
    const list = eventsByApp.get(row.sdkAppId) ?? [];
    list.push(toEngineEvent(row));
    eventsByApp.set(row.sdkAppId, list);
  }
  const usageByApp = new Map<bigint, UsageDay[]>();
  for (const row of usage) usageByApp.set(row.sdkAppId, usageDays(row));

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

function usageDays(row: UsageRow): UsageDay[] {
  return row.dates.map((date, i) => {
    const day: UsageDay = { date };
    const dau = row.dau[i];
    const peakGroups = row.peakGroups[i];
    const mau = row.mau[i];
    const pcc = row.pcc[i];
    const domestic = row.domestic[i];
    const intl = row.intl[i];
    if (dau != null) day.dau = dau;
    if (peakGroups != null) day.peakGroups = peakGroups;
    if (mau != null) day.mau = mau;
    if (pcc != null) day.pcc = pcc;
    if (domestic != null) day.barrageDomesticMbps = domestic;
    if (intl != null) day.barrageIntlMbps = intl;
    return day;
  });
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

