/**
 * Daily usage, validated and indexed by month once per rating call. Counts stay
 * JavaScript integers; bandwidth is kept as exact integer millionths of a Mbps
 * when it fits (the fast path), else as a Decimal.
 */
import Decimal from 'decimal.js';
import { type Day, monthIndexOfDate, parseDay } from './dates';
import { BillingRuleError } from './errors';
import { isPlainNonNegativeDecimal, toMicros, toMoney } from './money';
import type { UsageDay } from './types';

export interface UsageRow {
  day: Day;
  /** Position in the input, for error messages. */
  index: number;
  dau: number;
  peakGroups: number;
  mau: number;
  /** Millionths of a Mbps, or -1 when `domExact` holds the value. */
  domMicros: number;
  intlMicros: number;
  domExact: Decimal | null;
  intlExact: Decimal | null;
}

export interface UsageIndex {
  /** Rows by month index, each list sorted by day. */
  byMonth: Map<number, UsageRow[]>;
}

const EMPTY: readonly UsageRow[] = [];

export function rowsOfMonth(index: UsageIndex, monthIndex: number): readonly UsageRow[] {
  return index.byMonth.get(monthIndex) ?? EMPTY;
}

/** A count field is absent or a non-negative safe integer. */
function isCount(value: unknown): boolean {
  return value === undefined || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0);
}

function countError(value: unknown, field: string): BillingRuleError {
  if (typeof value !== 'number' || !Number.isFinite(value)) return new BillingRuleError(field, 'must be a number');
  if (value < 0) return new BillingRuleError(field, `must not be negative (got ${value})`);
  return new BillingRuleError(field, `must be a whole number (got ${value})`);
}

const COUNT_FIELDS = ['dau', 'peakGroups', 'mau', 'pcc'] as const;

function bandwidthError(value: unknown, field: string): BillingRuleError {
  if (typeof value === 'string') {
    return new BillingRuleError(field, `must be a non-negative decimal string such as "3.5" (got ${JSON.stringify(value)})`);
  }
  if (Decimal.isDecimal(value)) return new BillingRuleError(field, `must be a non-negative decimal (got ${(value as Decimal).toString()})`);
  return new BillingRuleError(field, 'must be a decimal string such as "3.5"');
}

/** Micros (fast path), -1 when only the Decimal in `exactOut[0]` holds it, -2 when invalid. */
function bandwidth(value: unknown, exactOut: [Decimal | null]): number {
  exactOut[0] = null;
  if (value === undefined) return 0;
  if (typeof value === 'string') {
    const micros = toMicros(value);
    if (micros !== null) return micros;
    if (!isPlainNonNegativeDecimal(value)) return -2;
    exactOut[0] = toMoney(value);
    return -1;
  }
  if (Decimal.isDecimal(value)) {
    const d = value as Decimal;
    if (!d.isFinite() || d.isNegative()) return -2;
    exactOut[0] = toMoney(d);
    return -1;
  }
  return -2;
}

/** Validates an app's usage rows and indexes them; `path` is e.g. `apps[0].usage`. */
export function indexUsage(rows: readonly UsageDay[], path: string): UsageIndex {
  const byMonth = new Map<number, UsageRow[]>();
  let lastMonth = Number.NaN;
  let lastList: UsageRow[] | undefined;
  const exact: [Decimal | null] = [null];
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i] as UsageDay;
    const day = typeof raw.date === 'string' ? parseDay(raw.date) : null;
    if (day === null) throw new BillingRuleError(`${path}[${i}].date`, `${JSON.stringify(raw.date)} is not a calendar date (YYYY-MM-DD)`);
    if (!isCount(raw.dau) || !isCount(raw.peakGroups) || !isCount(raw.mau) || !isCount(raw.pcc)) {
      const field = COUNT_FIELDS.find((f) => !isCount(raw[f])) as (typeof COUNT_FIELDS)[number];
      throw countError(raw[field], `${path}[${i}].${field}`);
    }
    const domMicros = bandwidth(raw.barrageDomesticMbps, exact);
    if (domMicros === -2) throw bandwidthError(raw.barrageDomesticMbps, `${path}[${i}].barrageDomesticMbps`);
    const domExact = exact[0];
    const intlMicros = bandwidth(raw.barrageIntlMbps, exact);
    if (intlMicros === -2) throw bandwidthError(raw.barrageIntlMbps, `${path}[${i}].barrageIntlMbps`);
    const row: UsageRow = {
      day,
      index: i,
      dau: raw.dau ?? 0,
      peakGroups: raw.peakGroups ?? 0,
      mau: raw.mau ?? 0,
      domMicros,
      intlMicros,
      domExact,
      intlExact: exact[0],
    };
    const m = monthIndexOfDate(raw.date);
    if (m !== lastMonth) {
      lastMonth = m;
      lastList = byMonth.get(m);
      if (lastList === undefined) {
        lastList = [];
        byMonth.set(m, lastList);
      }
    }
    (lastList as UsageRow[]).push(row);
  }
  // Duplicates are found after sorting (adjacent equal days), so the per-row loop needs no set.
  for (const list of byMonth.values()) {
    for (let i = 1; i < list.length; i++) {
      if ((list[i - 1] as UsageRow).day >= (list[i] as UsageRow).day) {
        list.sort((a, b) => a.day - b.day || a.index - b.index);
        break;
      }
    }
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1] as UsageRow;
      const b = list[i] as UsageRow;
      if (a.day === b.day) {
        const date = (rows[b.index] as UsageDay).date;
        throw new BillingRuleError(`${path}[${b.index}].date`, `two usage rows for ${date} (the first is ${path}[${a.index}])`);
      }
    }
  }
  return { byMonth };
}
