/**
 * Pure helpers of the migration preview (DOMAIN.md section 7): which months it re-rates, the
 * CURRENT-scheme input "as if the apps had been on the chosen editions", and totals per app.
 * Rating itself is the engine's (lib/billing); nothing here prices anything.
 */
import Decimal from 'decimal.js';
import {
  MIGRATION_DEFAULT_EDITIONS,
  addDays,
  addMonths,
  migrationEffectiveOn,
  monthOf,
  type AccountInput,
  type AppEvent,
  type AppInput,
  type CurrentEdition,
  type Invoice,
} from '../billing';
import type { LegacyEdition } from '../billing/catalog';

/** The `count` full calendar months before the month of `today`, oldest first. */
export function previewMonths(today: string, count: number): string[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`months to re-rate must be a positive whole number, not ${count}`);
  const first = `${monthOf(today)}-01`;
  const months: string[] = [];
  for (let k = count; k >= 1; k--) months.push(monthOf(addMonths(first, -k)));
  return months;
}

/** E (first day on the current scheme) and E-1 (last legacy day) for a migration executed `today`. */
export function migrationDates(today: string): { effectiveOn: string; lastLegacyDay: string } {
  const effectiveOn = migrationEffectiveOn(today);
  return { effectiveOn, lastLegacyDay: addDays(effectiveOn, -1) };
}

/** The default current edition of every app, from the legacy edition it holds on E-1. */
export function defaultEditions(held: ReadonlyMap<number, LegacyEdition>): Record<string, CurrentEdition> {
  const out: Record<string, CurrentEdition> = {};
  for (const [sdkAppId, edition] of held) out[String(sdkAppId)] = MIGRATION_DEFAULT_EDITIONS[edition];
  return out;
}

export interface CurrentPreviewApp {
  input: AppInput;
  /** The app's creation day; it cannot hold an edition before it. */
  createdOn?: string;
}

export interface CurrentPreviewOptions {
  apps: readonly CurrentPreviewApp[];
  /** Chosen current edition per SDKAppID (string key); missing apps get Developer. */
  editions: Readonly<Record<string, CurrentEdition>>;
  /** First day of the first re-rated month. */
  from: string;
}

/**
 * The account as the current scheme would have billed it: the same apps and the same usage, each
 * app on its chosen current edition from the first re-rated day (or from its creation, if later),
 * and none of its legacy plan events (legacy editions and add-ons do not exist there).
 */
export function buildCurrentPreviewInput({ apps, editions, from }: CurrentPreviewOptions): AccountInput {
  return {
    scheme: 'CURRENT',
    apps: apps.map(({ input, createdOn }): AppInput => {
      const edition = editions[String(input.sdkAppId)] ?? 'DEVELOPER';
      const start = createdOn !== undefined && createdOn > from ? createdOn : from;
      const events: AppEvent[] = edition === 'DEVELOPER' ? [] : [{ date: start, type: 'edition', edition }];
      return { sdkAppId: input.sdkAppId, events, usage: input.usage };
    }),
  };
}

export interface AppTotals {
  /** One amount per invoice, in the invoices' order. */
  byMonth: Decimal[];
  total: Decimal;
}

/**
 * Sums each app's rounded line amounts per invoice (an invoice total is the sum of its rounded
 * lines, so the apps' totals add up to the account's exactly).
 */
export function totalsByApp(invoices: readonly Invoice[], sdkAppIds: readonly number[]): Map<number, AppTotals> {
  const out = new Map<number, AppTotals>();
  for (const id of sdkAppIds) out.set(id, { byMonth: invoices.map(() => new Decimal(0)), total: new Decimal(0) });
  invoices.forEach((invoice, i) => {
    for (const line of invoice.lines) {
      let totals = out.get(line.sdkAppId);
      if (totals === undefined) {
        totals = { byMonth: invoices.map(() => new Decimal(0)), total: new Decimal(0) };
        out.set(line.sdkAppId, totals);
      }
      const amount = new Decimal(line.amount.toString());
      totals.byMonth[i] = (totals.byMonth[i] as Decimal).plus(amount);
      totals.total = totals.total.plus(amount);
    }
  });
  return out;
}

/** Whether any usage row of the app in `months` reports MAU (legacy apps usually report DAU only). */
export function reportsMau(app: AppInput, months: readonly string[]): boolean {
  const wanted = new Set(months);
  return app.usage.some((row) => row.mau !== undefined && wanted.has(row.date.slice(0, 7)));
}
