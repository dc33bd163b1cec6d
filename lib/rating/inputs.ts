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
 * executed migration, the app's plan events folded into one text (aggregated once for all the
 * accounts' apps, then joined by hash: a subquery per app costs more than its few events) and
 * its usage folded into one text by a lateral subquery on the (sdkAppId, date) key. One
 * statement for any number of accounts; the billing run reads it through a cursor.
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
    LEFT JOIN (
      SELECT e."sdkAppId", string_agg(ROW(to_char(e."date", 'YYYY-MM-DD'), e."type", e."edition", e."addon", e."action", e."retentionDays", e."id")::text,
                                      ';') AS "events"
        FROM "PlanEvent" e JOIN "App" q ON q."sdkAppId" = e."sdkAppId"
       WHERE q."accountId" = ANY($1::int[])
       GROUP BY e."sdkAppId") ev ON ev."sdkAppId" = p."sdkAppId"
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
  return loadAccountInputsWith((sql, params) => q.$queryRawUnsafe(sql, ...params), options);
}

/** loadAccountInputs on any SQL executor (the driver, for the billing run). */
export async function loadAccountInputsWith(query: RawQuery, options: LoadInputsOptions): Promise<Map<number, LoadedAccount>> {
  const ids = [...options.accountIds];
  if (ids.length === 0) return new Map();
  const rows = (await query(INPUTS_SQL, [ids, options.usageFrom, options.usageTo])) as InputRow[];
  return assembleAccountInputs(rows, options);
}

/** Turns INPUTS_SQL rows (grouped by account) into the engine's inputs. */
export function assembleAccountInputs(rows: readonly InputRow[], options: Pick<LoadInputsOptions, 'usageFrom' | 'usageTo'>): Map<number, LoadedAccount> {
  const result = new Map<number, LoadedAccount>();
  for (const account of eachAccountInput(rows, options)) result.set(account.accountId, account);
  return result;
}

/**
 * The engine's inputs one account at a time, decoded when asked for: the billing run rates each
 * account right after decoding it, so its tens of thousands of small objects die young and the
 * garbage collector never copies them.
 */
export function* eachAccountInput(rows: readonly InputRow[], options: Pick<LoadInputsOptions, 'usageFrom' | 'usageTo'>): Generator<LoadedAccount> {
  const dates = dateTable(options.usageFrom, options.usageTo);
  let account = null as LoadedAccount | null;
  for (const row of rows) {
    if (account?.accountId !== row.accountId) {
      if (account) yield appsInOrder(account);
      const migration =
        row.executedOn && row.effectiveOn
          ? { executedOn: row.executedOn, effectiveOn: row.effectiveOn, editions: (row.editions ?? {}) as Record<string, CurrentEdition> }
          : null;
      account = {
        accountId: row.accountId,
        scheme: row.scheme,
        migration,
        input: {
          // A migrated account started LEGACY; the engine applies the migration itself.
          scheme: migration ? 'LEGACY' : row.scheme,
          apps: [],
          ...(migration ? { migration: { executedOn: migration.executedOn, editions: migration.editions } } : {}),
        },
      };
    }
    if (row.sdkAppId === null) continue;
    (account.input.apps as AppInput[]).push({
      sdkAppId: Number(row.sdkAppId),
      events: row.events ? decodeEvents(row.events) : [],
      usage: row.usage ? usageDays(row.usage, dates) : [],
    });
  }
  if (account) yield appsInOrder(account);
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

/** An account's apps by SDKAppID, the order its invoice lists them in. */
function appsInOrder(account: LoadedAccount): LoadedAccount {
  const apps = account.input.apps as AppInput[];
  if (apps.some((app, i) => i > 0 && apps[i - 1]!.sdkAppId > app.sdkAppId)) apps.sort((a, b) => a.sdkAppId - b.sdkAppId);
  return account;
}

/** The days from..to as YYYY-MM-DD, by offset. */
function dateTable(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/**
 * Decodes one app's usage text (see INPUTS_SQL) in one pass over its characters: the billing
 * run decodes millions of days, and splitting every day into arrays of strings costs more than
 * rating them.
 */
function usageDays(text: string, dates: readonly string[]): UsageDay[] {
  const days: UsageDay[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // At '(' of `(offset,dau,peakGroups,mau,pcc,domestic,intl)`.
    i++;
    let field = 0;
    let start = i;
    let value = 0;
    let seen = false;
    let date = '';
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
        if (field === 0) date = dates[value]!;
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
    // Every day has the same shape (absent fields undefined): one small object, never grown.
    days.push({ date, dau, peakGroups, mau, pcc, barrageDomesticMbps: domestic, barrageIntlMbps: intl });
    // Past ')' and the ';' between days.
    i += 2;
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

