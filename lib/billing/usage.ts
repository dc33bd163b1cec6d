/**
 * Daily usage, validated and indexed by month: from the engine's daily rows once per rating call,
 * or row by row by the billing run's decoder (UsageBuilder). Counts stay JavaScript integers;
 * bandwidth is kept as exact integer millionths of a Mbps when it fits (the fast path), else as
 * a Decimal.
 */
import Decimal from 'decimal.js';
import { type Day, formatDay, monthSpanOfDay, parseDay } from './dates';
import { BillingRuleError } from './errors';
import { isPlainNonNegativeDecimal, toMicros, toMoney } from './money';
import type { UsageDay } from './types';

/**
 * One month of an app's usage, column by column: row i of every column is one day, the rows
 * sorted by day. Columns rather than an object per day: the billing run indexes some three
 * million days, and an object each (on top of the input's own) was a third of everything it
 * allocated.
 */
export interface MonthUsage {
  readonly length: number;
  readonly day: readonly Day[];
  readonly dau: readonly number[];
  readonly peakGroups: readonly number[];
  readonly mau: readonly number[];
  /** Millionths of a Mbps, or -1 when `domExact` holds the row's value. */
  readonly domMicros: readonly number[];
  readonly intlMicros: readonly number[];
  /** By row, for values too precise for millionths; null when no row has one. */
  readonly domExact: readonly (Decimal | null)[] | null;
  readonly intlExact: readonly (Decimal | null)[] | null;
}

/** An app's usage by month index, validated: what rateAccount reads (build it with UsageBuilder). */
export class UsageIndex {
  constructor(private readonly byMonth: ReadonlyMap<number, MonthUsage>) {}

  month(monthIndex: number): MonthUsage {
    return this.byMonth.get(monthIndex) ?? EMPTY;
  }
}

const EMPTY: MonthUsage = { length: 0, day: [], dau: [], peakGroups: [], mau: [], domMicros: [], intlMicros: [], domExact: null, intlExact: null };

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

type MonthColumns = {
  length: number;
  day: Day[];
  /** Each row's place in the input, for error messages. */
  position: number[];
  dau: number[];
  peakGroups: number[];
  mau: number[];
  domMicros: number[];
  intlMicros: number[];
  domExact: (Decimal | null)[] | null;
  intlExact: (Decimal | null)[] | null;
};

/** A month has at most 31 rows (one per day): its columns are made that long once, then trimmed. */
const MONTH_ROWS = 31;

function newMonth(): MonthColumns {
  const column = () => new Array<number>(MONTH_ROWS);
  return { length: 0, day: column(), position: column(), dau: column(), peakGroups: column(), mau: column(), domMicros: column(), intlMicros: column(), domExact: null, intlExact: null };
}

/** `column` with `value` appended as row `row`; created (null for the rows before) on the first row that needs it. */
function withExact(column: (Decimal | null)[] | null, row: number, value: Decimal): (Decimal | null)[] {
  const out = column ?? new Array<Decimal | null>(row).fill(null);
  out.push(value);
  return out;
}

/** The columns reordered by `order` (row k of the result is row order[k]). */
function reorder(month: MonthColumns, order: readonly number[]): MonthColumns {
  const pick = <T>(column: readonly T[]): T[] => order.map((i) => column[i] as T);
  return {
    length: month.length,
    day: pick(month.day),
    position: pick(month.position),
    dau: pick(month.dau),
    peakGroups: pick(month.peakGroups),
    mau: pick(month.mau),
    domMicros: pick(month.domMicros),
    intlMicros: pick(month.intlMicros),
    domExact: month.domExact && pick(month.domExact),
    intlExact: month.intlExact && pick(month.intlExact),
  };
}

/**
 * Builds an app's UsageIndex one day at a time, validating each value (errors name
 * `${path}[position].field`): from the engine's daily rows (indexUsage), or straight from
 * stored rows (the billing run's decoder, which never makes UsageDay objects).
 */
export class UsageBuilder {
  private readonly months = new Map<number, MonthColumns>();
  private current: MonthColumns | null = null;
  /** Days of the current month: consecutive rows mostly share it. */
  private first = 0;
  private last = -1;
  private readonly exact: [Decimal | null] = [null];

  constructor(private readonly path: string) {}

  /**
   * Adds the row at `position` of the input: `day` a valid Day, counts absent or non-negative
   * whole numbers, bandwidths absent or non-negative decimals (strings or Decimals).
   */
  add(position: number, day: Day, dau: unknown, peakGroups: unknown, mau: unknown, pcc: unknown, domestic: unknown, intl: unknown): void {
    if (!isCount(dau) || !isCount(peakGroups) || !isCount(mau) || !isCount(pcc)) {
      const values = { dau, peakGroups, mau, pcc };
      const field = COUNT_FIELDS.find((f) => !isCount(values[f])) as (typeof COUNT_FIELDS)[number];
      throw countError(values[field], `${this.path}[${position}].${field}`);
    }
    const domMicros = bandwidth(domestic, this.exact);
    if (domMicros === -2) throw bandwidthError(domestic, `${this.path}[${position}].barrageDomesticMbps`);
    const domExact = this.exact[0];
    const intlMicros = bandwidth(intl, this.exact);
    if (intlMicros === -2) throw bandwidthError(intl, `${this.path}[${position}].barrageIntlMbps`);
    const intlExact = this.exact[0];
    const month = day >= this.first && day <= this.last ? (this.current as MonthColumns) : this.monthOf(day);
    // Set by index: within the columns' first 31 rows nothing is reallocated (a day given twice
    // makes a 32nd, which the column grows for, and build() refuses).
    const row = month.length++;
    month.day[row] = day;
    month.position[row] = position;
    month.dau[row] = (dau as number | undefined) ?? 0;
    month.peakGroups[row] = (peakGroups as number | undefined) ?? 0;
    month.mau[row] = (mau as number | undefined) ?? 0;
    month.domMicros[row] = domMicros;
    month.intlMicros[row] = intlMicros;
    // Every row has a slot once a column exists (null when the row's value is in micros).
    if (domExact !== null) month.domExact = withExact(month.domExact, row, domExact);
    else month.domExact?.push(null);
    if (intlExact !== null) month.intlExact = withExact(month.intlExact, row, intlExact);
    else month.intlExact?.push(null);
  }

  private monthOf(day: Day): MonthColumns {
    const span = monthSpanOfDay(day);
    let month = this.months.get(span.index);
    if (month === undefined) {
      month = newMonth();
      this.months.set(span.index, month);
    }
    this.current = month;
    this.first = span.first;
    this.last = span.last;
    return month;
  }

  /** Sorts each month by day (input order among equal days) and refuses a day given twice. */
  build(): UsageIndex {
    const byMonth = new Map<number, MonthUsage>();
    for (const [index, unsorted] of this.months) {
      let month = unsorted;
      for (const column of [month.day, month.position, month.dau, month.peakGroups, month.mau, month.domMicros, month.intlMicros]) column.length = month.length;
      const { day } = month;
      for (let i = 1; i < month.length; i++) {
        if ((day[i - 1] as Day) >= (day[i] as Day)) {
          const order = day.map((_, k) => k).sort((a, b) => (day[a] as Day) - (day[b] as Day) || a - b);
          month = reorder(month, order);
          break;
        }
      }
      for (let i = 1; i < month.length; i++) {
        if (month.day[i - 1] === month.day[i]) {
          throw new BillingRuleError(
            `${this.path}[${month.position[i]}].date`,
            `two usage rows for ${formatDay(month.day[i] as Day)} (the first is ${this.path}[${month.position[i - 1]}])`,
          );
        }
      }
      const { position: _position, ...columns } = month;
      byMonth.set(index, columns);
    }
    return new UsageIndex(byMonth);
  }
}

/** Validates an app's usage rows and indexes them; `path` is e.g. `apps[0].usage`. */
export function indexUsage(rows: readonly UsageDay[], path: string): UsageIndex {
  const builder = new UsageBuilder(path);
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i] as UsageDay;
    const day = typeof raw.date === 'string' ? parseDay(raw.date) : null;
    if (day === null) throw new BillingRuleError(`${path}[${i}].date`, `${JSON.stringify(raw.date)} is not a calendar date (YYYY-MM-DD)`);
    builder.add(i, day, raw.dau, raw.peakGroups, raw.mau, raw.pcc, raw.barrageDomesticMbps, raw.barrageIntlMbps);
  }
  return builder.build();
}
