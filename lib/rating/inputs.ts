import 'server-only';
import { cache } from 'react';
import type { AccountInput, AppEvent, AppInput, RatingAppInput, UsageDay } from '../billing/types';
import type { CurrentEdition, Edition, PeriodicAddon, PriceBook, RetentionDays, Scheme } from '../billing/catalog';
import { addDays, type Day, parseDay } from '../billing/dates';
import { UsageBuilder, type UsageIndex } from '../billing/usage';
import { db, type Tx } from '../db/client';

/** Anything that runs raw SQL: the app's client or an interactive transaction. */
export type Queryable = Pick<Tx, '$queryRaw' | '$queryRawUnsafe'>;

/**
 * An account's engine input with its executed migration. Its apps carry their usage as daily
 * rows (`AppInput`, what the console's screens read), or, for the billing run, already indexed
 * by the engine (`RatingApp`: no object per day is ever made).
 */
export type LoadedAccount<App extends RatingAppInput = AppInput> = {
  accountId: number;
  /** The scheme the account is billed under now (or from its migration's effective date). */
  scheme: Scheme;
  migration: { executedOn: string; effectiveOn: string; editions: Record<string, CurrentEdition> } | null;
  input: Omit<AccountInput, 'apps'> & { apps: readonly App[] };
};

export type RatingApp = Omit<AppInput, 'usage'> & { usage: UsageIndex };

export type LoadInputsOptions = {
  accountIds: readonly number[];
  /** Usage is read for these days only (inclusive); plan events are always read whole. */
  usageFrom: string;
  usageTo: string;
};

type EventRow = {
  date: string;
  type: 'EDITION' | 'ADDON';
  edition: string | null;
  addon: string | null;
  action: 'START' | 'STOP' | null;
  retentionDays: number | null;
};

function toEngineEvent(row: EventRow): AppEvent {
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
 * One row per app (one per app-less account too), grouped by account: the account with its
 * executed migration, and the app's plan events and usage each folded into one text by a
 * lateral subquery on its index ((sdkAppId, date, id) and the (sdkAppId, date) key). Per app,
 * so rows stream from the first one: aggregating every app's events up front and joining them
 * by hash kept the billing run's first batch waiting 0.3 s (100,000 apps) and cost as much in
 * all. One statement for any number of accounts; the billing run reads it through a cursor.
 *   events: `(date,type,edition,addon,action,retentionDays,id);…`
 *   usage:  `(day,dau,peakGroups,mau,pcc,domestic,intl);…`, day = days after usageFrom
 * Each part is a row value's text (an empty field is NULL: not reported), the cheapest text
 * PostgreSQL makes; no field can hold a comma or a parenthesis (numbers, dates, enum names).
 * Nothing is sorted here but the accounts: PostgreSQL 15 sorts an ordered aggregate group by
 * group, which on 100,000 apps costs a third of the statement, while the rows already come in
 * index order and the decoder below only checks it (apps by id, events by date then id; the
 * engine orders usage days itself).
 */
export const INPUTS_SQL = `
  SELECT a."id" AS "accountId", a."scheme"::text AS "scheme", to_char(t."executedOn", 'YYYY-MM-DD') AS "executedOn",
         to_char(t."effectiveOn", 'YYYY-MM-DD') AS "effectiveOn", t."editions",
         p."sdkAppId"::text AS "sdkAppId", ev."events", us."usage"
    FROM "Account" a
    LEFT JOIN "MigrationTicket" t ON t."accountId" = a."id" AND t."status" = 'EXECUTED'
    LEFT JOIN "App" p ON p."accountId" = a."id"
    LEFT JOIN LATERAL (
      SELECT string_agg(ROW(to_char(e."date", 'YYYY-MM-DD'), e."type", e."edition", e."addon", e."action", e."retentionDays", e."id")::text,
                        ';') AS "events"
        FROM "PlanEvent" e WHERE e."sdkAppId" = p."sdkAppId") ev ON TRUE
    LEFT JOIN LATERAL (
      SELECT string_agg(ROW(u."date" - $2::date, u."dau", u."peakGroups", u."mau", u."pcc", u."barrageDomesticMbps", u."barrageIntlMbps")::text,
                        ';') AS "usage"
        FROM "UsageDaily" u WHERE u."sdkAppId" = p."sdkAppId" AND u."date" BETWEEN $2::date AND $3::date) us ON TRUE
   WHERE a."id" = ANY($1::int[])
   ORDER BY a."id"`;

export type InputRow = {
  accountId: number;
  scheme: Scheme;
  executedOn: string | null;
  effectiveOn: string | null;
  editions: unknown;
  sdkAppId: string | null;
  events: string | null;
  usage: string | null;
};

/**
 * Reads what the engine needs for a set of accounts in one set-based statement, whatever the
 * number of apps (see INPUTS_SQL).
 */
export async function loadAccountInputs(q: Queryable, options: LoadInputsOptions): Promise<Map<number, LoadedAccount>> {
  const ids = [...options.accountIds];
  if (ids.length === 0) return new Map();
  const rows = await q.$queryRawUnsafe<InputRow[]>(INPUTS_SQL, ids, options.usageFrom, options.usageTo);
  return assembleAccountInputs(rows, options);
}

/** Turns INPUTS_SQL rows (grouped by account) into the engine's inputs, usage as daily rows. */
export function assembleAccountInputs(rows: readonly InputRow[], options: Pick<LoadInputsOptions, 'usageFrom' | 'usageTo'>): Map<number, LoadedAccount> {
  const dates = dateTable(options.usageFrom, options.usageTo);
  const result = new Map<number, LoadedAccount>();
  for (const account of eachAccount(rows, (usage) => (usage ? usageDays(usage, dates) : []))) result.set(account.accountId, account);
  return result;
}

/**
 * The billing run's inputs one account at a time, decoded when asked for: it rates each account
 * right after decoding it (so its objects die young and the garbage collector never copies
 * them), and each app's usage goes straight from the row text into the engine's index, without
 * an object per day.
 */
export function eachRatingInput(rows: readonly InputRow[], options: Pick<LoadInputsOptions, 'usageFrom'>): Generator<LoadedAccount<RatingApp>> {
  const from = parseDay(options.usageFrom) as Day;
  return eachAccount(rows, (usage, path) => {
    const builder = new UsageBuilder(path);
    if (usage) eachUsageRow(usage, (position, offset, dau, peakGroups, mau, pcc, domestic, intl) => builder.add(position, from + offset, dau, peakGroups, mau, pcc, domestic, intl));
    return builder.build();
  });
}

/**
 * Rows grouped by account -> accounts, each with its apps by SDKAppID (the order its invoice
 * lists them in); `decodeUsage` turns an app's usage text (null: none) into the engine's form.
 */
function* eachAccount<Usage extends RatingAppInput['usage']>(
  rows: readonly InputRow[],
  decodeUsage: (text: string | null, path: string) => Usage,
): Generator<LoadedAccount<Omit<AppInput, 'usage'> & { usage: Usage }>> {
  for (let start = 0, end = 0; start < rows.length; start = end) {
    const first = rows[start]!;
    while (end < rows.length && rows[end]!.accountId === first.accountId) end++;
    const appRows = rows.slice(start, end).filter((row) => row.sdkAppId !== null);
    if (appRows.some((row, i) => i > 0 && Number(appRows[i - 1]!.sdkAppId) > Number(row.sdkAppId))) {
      appRows.sort((a, b) => Number(a.sdkAppId) - Number(b.sdkAppId));
    }
    const migration =
      first.executedOn && first.effectiveOn
        ? { executedOn: first.executedOn, effectiveOn: first.effectiveOn, editions: (first.editions ?? {}) as Record<string, CurrentEdition> }
        : null;
    yield {
      accountId: first.accountId,
      scheme: first.scheme,
      migration,
      input: {
        // A migrated account started LEGACY; the engine applies the migration itself.
        scheme: migration ? 'LEGACY' : first.scheme,
        apps: appRows.map((row, i) => ({
          sdkAppId: Number(row.sdkAppId),
          events: row.events ? decodeEvents(row.events) : [],
          usage: decodeUsage(row.usage, `apps[${i}].usage`),
        })),
        ...(migration ? { migration: { executedOn: migration.executedOn, editions: migration.editions } } : {}),
      },
    };
  }
}

/** An app's events in the order the engine applies them: by date, then as recorded (by id). */
function decodeEvents(text: string): AppEvent[] {
  const rows = text.split(';').map((part) => {
    const [date, type, edition, addon, action, retentionDays, id] = part.slice(1, -1).split(',') as [string, string, string, string, string, string, string];
    const event = toEngineEvent({
      date,
      type: type as EventRow['type'],
      edition: edition || null,
      addon: addon || null,
      action: (action || null) as EventRow['action'],
      retentionDays: retentionDays ? Number(retentionDays) : null,
    });
    return { event, date, id: Number(id) };
  });
  const before = (a: (typeof rows)[number], b: (typeof rows)[number]) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id);
  if (rows.some((row, i) => i > 0 && before(rows[i - 1]!, row) > 0)) rows.sort(before);
  return rows.map((row) => row.event);
}

/** The days from..to as YYYY-MM-DD, by offset. */
function dateTable(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** One day of an app's usage text: its place in the text, days after usageFrom, then the measures (undefined: not reported). */
type UsageRowVisitor = (
  position: number,
  offset: number,
  dau: number | undefined,
  peakGroups: number | undefined,
  mau: number | undefined,
  pcc: number | undefined,
  domestic: string | undefined,
  intl: string | undefined,
) => void;

/**
 * Reads one app's usage text (see INPUTS_SQL) in one pass over its characters: the billing
 * run decodes millions of days, and splitting every day into arrays of strings costs more than
 * rating them.
 */
function eachUsageRow(text: string, visit: UsageRowVisitor): void {
  const n = text.length;
  let i = 0;
  for (let position = 0; i < n; position++) {
    // At '(' of `(offset,dau,peakGroups,mau,pcc,domestic,intl)`.
    i++;
    let field = 0;
    let start = i;
    let value = 0;
    let seen = false;
    let offset = 0;
    let dau: number | undefined;
    let peakGroups: number | undefined;
    let mau: number | undefined;
    let pcc: number | undefined;
    let domestic: string | undefined;
    let intl: string | undefined;
    for (; ; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        seen = true;
        continue;
      }
      if (c !== 44 && c !== 41 && c !== 46) throw new Error(`usage text: unexpected ${JSON.stringify(text[i])} at ${i}`);
      // A decimal point: only the bandwidth fields have one, and they stay text.
      if (c === 46) continue;
      // End of a field (',' or ')'); an empty field is NULL, not reported.
      if (seen) {
        if (field === 0) offset = value;
        else if (field === 1) dau = value;
        else if (field === 2) peakGroups = value;
        else if (field === 3) mau = value;
        else if (field === 4) pcc = value;
        else if (field === 5) domestic = text.slice(start, i);
        else intl = text.slice(start, i);
      }
      field++;
      value = 0;
      seen = false;
      start = i + 1;
      if (c === 41) break;
    }
    visit(position, offset, dau, peakGroups, mau, pcc, domestic, intl);
    // Past ')' and the ';' between days.
    i += 2;
  }
}

/** An app's usage text as the engine's daily rows. */
function usageDays(text: string, dates: readonly string[]): UsageDay[] {
  const days: UsageDay[] = [];
  eachUsageRow(text, (_position, offset, dau, peakGroups, mau, pcc, domestic, intl) => {
    // Every day has the same shape (absent fields undefined): one small object, never grown.
    days.push({ date: dates[offset]!, dau, peakGroups, mau, pcc, barrageDomesticMbps: domestic, barrageIntlMbps: intl });
  });
  return days;
}

/**
 * One account's engine input. Through the app's client it is read once per server render (a
 * page and the panels it renders all ask for it; React's `cache`), so callers must not change
 * what it returns; inside a transaction it is read afresh.
 */
export async function loadAccountInput(accountId: number, usageFrom: string, usageTo: string, q: Queryable = db): Promise<LoadedAccount | null> {
  return q === db ? loadAccountInputOnce(accountId, usageFrom, usageTo) : readAccountInput(q, accountId, usageFrom, usageTo);
}

async function readAccountInput(q: Queryable, accountId: number, usageFrom: string, usageTo: string): Promise<LoadedAccount | null> {
  return (await loadAccountInputs(q, { accountIds: [accountId], usageFrom, usageTo })).get(accountId) ?? null;
}

const loadAccountInputOnce = cache((accountId: number, usageFrom: string, usageTo: string) => readAccountInput(db, accountId, usageFrom, usageTo));

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

