import Decimal from 'decimal.js';

/**
 * Money is decimal end to end (DOMAIN.md section 3). The engine uses its own
 * decimal.js constructor so it never depends on (or changes) the global config
 * other modules may set. Its instances are ordinary `Decimal`s (decimal.js clones
 * share one prototype), so callers can keep using the `Decimal` type.
 *
 * 40 significant digits: a pro-rated amount is `price * days / n` with n <= 366,
 * and a fraction with such a denominator never has more than two 9s in a row, so
 * one division at 40 digits followed by one half-up rounding to cents gives the
 * same cents as exact rational arithmetic for any amount below 10^30.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });

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
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** `price * days / ofDays`, exact up to the precision argued above; not rounded. */
export function prorate(price: Decimal, days: number, ofDays: number): Decimal {
  return price.mul(days).div(ofDays);
}

export function sumDecimals(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
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

function groupDigits(intPart: string): string {
  if (intPart.length <= 3) return intPart;
  let out = '';
  let first = intPart.length % 3;
  if (first === 0) first = 3;
  out = intPart.slice(0, first);
  for (let i = first; i < intPart.length; i += 3) out += `,${intPart.slice(i, i + 3)}`;
  return out;
}

/** `25310` -> `25,310`, for explanations a customer reads. */
export function formatCount(n: number): string {
  if (n < 0) return `-${groupDigits(String(-n))}`;
  return groupDigits(String(n));
}

/** `2999` -> `2,999`, `0.015` stays `0.015`, sign kept. */
export function formatGrouped(value: Decimal | string): string {
  const s = typeof value === 'string' ? value : formatPlain(value);
  const negative = s.startsWith('-');
  const body = negative ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? '' : body.slice(dot);
  return `${negative ? '-' : ''}${groupDigits(intPart)}${frac}`;
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
