import Decimal from 'decimal.js';
import { groupDecimalText } from './digits';

/**
 * Money is decimal end to end (DOMAIN.md section 3). The engine uses its own
 * decimal.js constructor so it never depends on (or changes) the global config
 * other modules may set. Its instances are ordinary `Decimal`s (decimal.js clones
 * share one prototype), so callers can keep using the `Decimal` type.
 *
 * 60 significant digits: the only inexact operation is a pro-rating division,
 * `price * days / n` with n <= 366. In lowest terms its denominator q is at most
 * 366 * 10^d (d = the price's decimals), and such a fraction never shows more than
 * log10(q) nines in a row, so one division at 60 digits followed by one half-up
 * rounding to cents gives the same cents as exact rational arithmetic for any
 * amount below 10^30 and any price with up to 25 decimals (the database keeps 6).
 */
export const Money = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });

export type DecimalInput = Decimal | string | number;

export const ZERO: Decimal = new Money(0);
export const ONE: Decimal = new Money(1);

export function toMoney(value: DecimalInput): Decimal {
  return new Money(value);
}

const SMALL_INTS: Decimal[] = [];
const SMALL_LIMIT = 1000;

/** A whole number as a Decimal; -1000..1000 (day counts, units) come from a table. */
export function decimalOfInt(n: number): Decimal {
  if (n >= -SMALL_LIMIT && n <= SMALL_LIMIT && Number.isInteger(n)) {
    const i = n + SMALL_LIMIT;
    let d = SMALL_INTS[i];
    if (d === undefined) {
      d = new Money(n);
      SMALL_INTS[i] = d;
    }
    return d;
  }
  return new Money(n);
}

/**
 * The one rounding of a line: half-up to 2 decimals (decimal.js ROUND_HALF_UP
 * rounds half away from zero, so a credit rounds to the same cents, negated,
 * as a charge of the same days).
 */
export function roundToCents(amount: Decimal): Decimal {
  if (amount.decimalPlaces() <= 2) return amount;
  const hit = rounded.get(amount);
  if (hit !== undefined) return hit;
  const cents = amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  rounded.set(amount, cents);
  return cents;
}

/*
 * Memo tables for the pure arithmetic rating repeats for every app: the same
 * price pro-rated over the same day counts, the same price times a few units.
 * Keyed by the (immutable) Decimal instances of the prepared price books, so
 * they hold only what those books can produce and go away with them.
 */
const rounded = new WeakMap<Decimal, Decimal>();
const prorated = new WeakMap<Decimal, Map<number, Decimal>>();
const multiplied = new WeakMap<Decimal, Map<number, Decimal>>();

/** `price * days / ofDays`, exact up to the precision argued above; not rounded. */
export function prorate(price: Decimal, days: number, ofDays: number): Decimal {
  let table = prorated.get(price);
  if (table === undefined) {
    table = new Map();
    prorated.set(price, table);
  }
  const key = days * 1024 + ofDays;
  let value = table.get(key);
  if (value === undefined) {
    value = price.mul(days).div(ofDays);
    table.set(key, value);
  }
  return value;
}

const negated = new WeakMap<Decimal, Decimal>();

/** `-x`, memoized like the values it negates (credits of pro-rated cycles). */
export function negate(x: Decimal): Decimal {
  let value = negated.get(x);
  if (value === undefined) {
    value = x.neg();
    negated.set(x, value);
  }
  return value;
}

/** `price * n` for a whole number n (overage units); memoized for small n. */
export function timesInt(price: Decimal, n: number): Decimal {
  if (!Number.isSafeInteger(n) || n < -SMALL_LIMIT || n > SMALL_LIMIT) return price.mul(n);
  let table = multiplied.get(price);
  if (table === undefined) {
    table = new Map();
    multiplied.set(price, table);
  }
  let value = table.get(n);
  if (value === undefined) {
    value = price.mul(n);
    table.set(n, value);
  }
  return value;
}

/** Two decimals, no exponent, never `-0.00`. */
export function formatAmount(amount: Decimal): string {
  const s = amount.toFixed(2, Decimal.ROUND_HALF_UP);
  return s === '-0.00' ? '0.00' : s;
}

/** Plain decimal keeping its own precision (`999`, `0.015`), no exponent, never `-0`. */
export function formatPlain(value: Decimal): string {
  if (value.isZero()) return '0';
  return value.toFixed();
}

export { formatCount } from './digits';

/** `2999` -> `2,999`, `0.015` stays `0.015`, sign kept. */
export function formatGrouped(value: Decimal | string): string {
  return groupDecimalText(typeof value === 'string' ? value : formatPlain(value));
}

const DECIMAL_STRING = /^\d+(\.\d+)?$/;

/** A non-negative decimal written plainly (`3.5`, `0`, `12`): no sign, exponent or spaces. */
export function isPlainNonNegativeDecimal(s: string): boolean {
  return DECIMAL_STRING.test(s);
}

/**
 * A measured quantity (Mbps) as an exact integer number of millionths when it
 * fits the fast path (at most 9 integer and 6 fraction digits), else `null` and
 * the caller falls back to Decimal. Keeps the daily barrage loop on integers and
 * allocation-free.
 */
export function toMicros(s: string): number | null {
  const n = s.length;
  let i = 0;
  let int = 0;
  while (i < n) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    int = int * 10 + c;
    i++;
  }
  if (i === 0 || i > 9) return null;
  if (i === n) return int * 1_000_000;
  if (s.charCodeAt(i) !== 46) return null;
  i++;
  const fracStart = i;
  let frac = 0;
  while (i < n) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    frac = frac * 10 + c;
    i++;
  }
  const digits = n - fracStart;
  if (digits === 0 || digits > 6) return null;
  return int * 1_000_000 + frac * 10 ** (6 - digits);
}

/** Integer millionths back to an exact Decimal. */
export function microsToDecimal(micros: number): Decimal {
  const int = Math.floor(micros / 1_000_000);
  const frac = micros - int * 1_000_000;
  return frac === 0 ? new Money(int) : new Money(`${int}.${String(frac).padStart(6, '0')}`);
}
