/**
 * rateAccount: the account's events and usage + price books -> one invoice per
 * requested month (DOMAIN.md sections 3-5, 7, 8). Pure and deterministic: no
 * clock, no I/O; the same input gives the same lines in the same order, and a
 * month's invoice does not depend on which other months were requested.
 *
 * An invoice holds the prepaid cycles starting in its month, the credits dated in
 * it and the postpaid charges for its days; its scheme and currency are those in
 * force for the month (CURRENT from a migration's effective month on).
 */
import { CURRENCY, SCHEMES, type CurrentEdition, type Scheme } from './catalog';
import { rateAddons } from './addons';
import { rateBarrage } from './barrage';
import { rateCurrentPackages, rateMauOverage } from './current';
import { rateLegacyPackages } from './cycles';
import { type MonthSpan, parseMonth } from './dates';
import { BillingRuleError } from './errors';
import { type LineSink, compareDrafts } from './lines';
import { type PreparedMigration, prepareMigration, schemeOfMonth } from './migration';
import { ZERO } from './money';
import { rateLegacyOverage } from './overage';
import { type PriceBook, type PriceTables, preparePriceBooks } from './price-books';
import { rateRetention } from './retention';
import { serializeLine } from './serialize';
import { type AppTimeline, buildAppTimeline } from './timeline';
import type { AccountInput, AppEvent, Invoice, InvoiceLine, MigrationInput, RatingInput, UsageDay } from './types';
import { UsageIndex, indexUsage } from './usage';

interface PreparedApp {
  sdkAppId: number;
  timeline: AppTimeline;
  usage: UsageIndex;
}

interface PreparedAccount {
  scheme: Scheme;
  migration: PreparedMigration | null;
  apps: PreparedApp[];
}

function parseMonths(months: readonly string[]): MonthSpan[] {
  const seen = new Set<string>();
  return months.map((m, i) => {
    const span = typeof m === 'string' ? parseMonth(m) : null;
    if (span === null) throw new BillingRuleError(`months[${i}]`, `${JSON.stringify(m)} is not a month (YYYY-MM)`);
    if (seen.has(span.key)) throw new BillingRuleError(`months[${i}]`, `${span.key} is requested twice`);
    seen.add(span.key);
    return span;
  });
}

function checkScheme(scheme: unknown): Scheme {
  if (typeof scheme !== 'string' || !(SCHEMES as readonly string[]).includes(scheme)) {
    throw new BillingRuleError('scheme', `scheme must be ${SCHEMES.join(' or ')}, not ${JSON.stringify(scheme)}`);
  }
  return scheme as Scheme;
}

/** An app's usage indexed: as given by a UsageBuilder, or built here from its daily rows. */
function usageOf(usage: unknown, path: string): UsageIndex {
  if (usage instanceof UsageIndex) return usage;
  if (!Array.isArray(usage)) throw new BillingRuleError(path, 'must be a list of daily usage rows');
  return indexUsage(usage as UsageDay[], path);
}

/** Validates the whole account (every rule of DOMAIN.md section 9) before anything is rated. */
function prepareAccount(input: RatingInput): PreparedAccount {
  const scheme = checkScheme(input.scheme);
  const migration = prepareMigration(input);
  const account = { scheme, migration };
  const seen = new Map<number, number>();
  const apps = input.apps.map((app, i): PreparedApp => {
    const path = `apps[${i}]`;
    if (!Number.isSafeInteger(app.sdkAppId) || app.sdkAppId <= 0) {
      throw new BillingRuleError(`${path}.sdkAppId`, `must be a positive whole number (got ${String(app.sdkAppId)})`);
    }
    const first = seen.get(app.sdkAppId);
    if (first !== undefined) throw new BillingRuleError(`${path}.sdkAppId`, `app ${app.sdkAppId} is listed twice (first as apps[${first}])`);
    seen.set(app.sdkAppId, i);
    const timeline = buildAppTimeline({
      account,
      sdkAppId: app.sdkAppId,
      events: app.events,
      eventPath: (j) => `${path}.events[${j}]`,
    });
    return { sdkAppId: app.sdkAppId, timeline, usage: usageOf(app.usage, `${path}.usage`) };
  });
  return { scheme, migration, apps };
}

function rateLegacyMonth(app: PreparedApp, month: MonthSpan, tables: PriceTables, out: LineSink): void {
  const legacy = app.timeline.legacy;
  if (legacy === null) return;
  const prices = tables.LEGACY;
  const { sdkAppId } = app;
  rateLegacyPackages({ sdkAppId, spans: legacy.editions, month, prices, out });
  rateAddons({ sdkAppId, spans: legacy.addons, month, prices, out });
  rateRetention({ sdkAppId, spans: legacy.retention, editions: legacy.editions, month, prices, out });
  if (legacy.paidFrom === null) return;
  const from = Math.max(month.first, legacy.paidFrom);
  const to = Math.min(month.last, legacy.lastDay);
  if (from > to) return;
  const usage = app.usage.month(month.index);
  if (usage.length === 0) return;
  rateLegacyOverage({ sdkAppId, usage, from, to, month, prices, out });
  rateBarrage({ sdkAppId, usage, from, to, month, prices, out });
}

function rateCurrentMonth(app: PreparedApp, month: MonthSpan, tables: PriceTables, out: LineSink): void {
  const current = app.timeline.current;
  if (current === null) return;
  const options = {
    sdkAppId: app.sdkAppId,
    spans: current.editions,
    schemeFrom: current.from,
    usage: app.usage.month(month.index),
    month,
    prices: tables.CURRENT,
    out,
  };
  rateCurrentPackages(options);
  rateMauOverage(options);
}

function rateMonth(account: PreparedAccount, month: MonthSpan, tables: PriceTables): Invoice {
  const scheme = schemeOfMonth(account.scheme, account.migration, month.first);
  const out: LineSink = [];
  for (const app of account.apps) {
    if (scheme === 'LEGACY') rateLegacyMonth(app, month, tables, out);
    else rateCurrentMonth(app, month, tables, out);
  }
  out.sort(compareDrafts);
  const lines = out.map((d) => d.line);
  let total = ZERO;
  for (const line of lines) total = total.plus(line.amount);
  return { month: month.key, scheme, currency: CURRENCY[scheme], lines, total };
}

/**
 * Rates `months` (`YYYY-MM`, any order, no repeats) for one account. Returns one
 * invoice per month, in the order asked, with no lines when nothing is owed.
 * Throws BillingRuleError when the input breaks a rule.
 */
export function rateAccount(input: RatingInput, months: readonly string[], priceBooks: readonly PriceBook[]): Invoice[] {
  const spans = parseMonths(months);
  const tables = preparePriceBooks(priceBooks);
  const account = prepareAccount(input);
  return spans.map((month) => rateMonth(account, month, tables));
}

export interface ValidateNewEventOptions {
  scheme: Scheme;
  migration?: MigrationInput;
  sdkAppId?: number;
  /** The app's events already recorded. */
  events: readonly AppEvent[];
  /** The event about to be written; its errors name `event.<field>`. */
  event: AppEvent;
}

/**
 * Checks an event before the console writes it: throws BillingRuleError (field
 * `event.edition`, `event.addon`, ...) when the app's history plus the new event
 * breaks a rule, e.g. "Paid -> Trial is refused: create a new app instead".
 */
export function validateNewEvent({ scheme, migration, sdkAppId = 1, events, event }: ValidateNewEventOptions): void {
  const own: Record<string, CurrentEdition> = {};
  const chosen = migration?.editions?.[String(sdkAppId)];
  if (chosen !== undefined) own[String(sdkAppId)] = chosen;
  const all = [...events, event];
  const account: AccountInput = {
    scheme: checkScheme(scheme),
    apps: [{ sdkAppId, events: all, usage: [] }],
    ...(migration === undefined ? {} : { migration: { executedOn: migration.executedOn, editions: own } }),
  };
  buildAppTimeline({
    account: { scheme: account.scheme, migration: prepareMigration(account) },
    sdkAppId,
    events: all,
    eventPath: (i) => (i < events.length ? `events[${i}]` : 'event'),
  });
}

export interface InvoiceDiff {
  month: string;
  /** Lines only in `after` (what the change adds). */
  added: InvoiceLine[];
  /** Lines only in `before` (what the change removes). */
  removed: InvoiceLine[];
  totalBefore: string;
  totalAfter: string;
}

function lineKey(line: InvoiceLine): string {
  return JSON.stringify(serializeLine(line));
}

/**
 * What an event would change: rate with and without it, then diff per month.
 * Lines are compared by their full content (a changed amount shows as one line
 * removed and one added).
 */
export function diffInvoices(before: readonly Invoice[], after: readonly Invoice[]): InvoiceDiff[] {
  const byMonth = new Map<string, { before?: Invoice; after?: Invoice }>();
  for (const inv of before) byMonth.set(inv.month, { ...byMonth.get(inv.month), before: inv });
  for (const inv of after) byMonth.set(inv.month, { ...byMonth.get(inv.month), after: inv });
  const diffs: InvoiceDiff[] = [];
  for (const [month, pair] of [...byMonth.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const beforeLines = pair.before?.lines ?? [];
    const afterLines = pair.after?.lines ?? [];
    const counts = new Map<string, number>();
    for (const l of beforeLines) counts.set(lineKey(l), (counts.get(lineKey(l)) ?? 0) + 1);
    const added: InvoiceLine[] = [];
    for (const l of afterLines) {
      const k = lineKey(l);
      const n = counts.get(k) ?? 0;
      if (n > 0) counts.set(k, n - 1);
      else added.push(l);
    }
    const removed: InvoiceLine[] = [];
    for (const l of beforeLines) {
      const k = lineKey(l);
      const n = counts.get(k) ?? 0;
      if (n > 0) {
        removed.push(l);
        counts.set(k, n - 1);
      }
    }
    diffs.push({
      month,
      added,
      removed,
      totalBefore: (pair.before?.total ?? ZERO).toFixed(2),
      totalAfter: (pair.after?.total ?? ZERO).toFixed(2),
    });
  }
  return diffs;
}
