/**
 * Calendar math for the billing calendar (DOMAIN.md section 3; its zone is BILLING_TIME_ZONE in lib/clock.ts).
 *
 * Billing dates are civil dates, never instants: a `YYYY-MM-DD` string outside
 * the engine and an integer day number (`Day`, days since 1970-01-01) inside it.
 * Working on day numbers avoids `Date` at local midnight (and every DST or
 * time-zone surprise) and keeps the per-day hot loops on integers.
 * The conversions are Howard Hinnant's days_from_civil / civil_from_days.
 */

/** Days since 1970-01-01 in the proleptic Gregorian calendar. */
export type Day = number;

/** Sentinels for open-ended ranges; never formatted. */
export const BEFORE_ALL: Day = -2_147_483_648;
export const OPEN_END: Day = 2_147_483_647;

export interface CivilDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

export function dayFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDay(dayNumber: Day): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Parses a strict `YYYY-MM-DD` calendar date; `null` for anything else (2026-02-30 included). */
export function parseDay(s: string): Day | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const d0 = digit(s, 0), d1 = digit(s, 1), d2 = digit(s, 2), d3 = digit(s, 3);
  const m0 = digit(s, 5), m1 = digit(s, 6), a0 = digit(s, 8), a1 = digit(s, 9);
  if ((d0 | d1 | d2 | d3 | m0 | m1 | a0 | a1) < 0) return null;
  const year = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
  const month = m0 * 10 + m1;
  const day = a0 * 10 + a1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayFromCivil(year, month, day);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return n < 10 ? `000${n}` : n < 100 ? `00${n}` : n < 1000 ? `0${n}` : String(n);
}

const formatted = new Map<Day, string>();

/** `YYYY-MM-DD` of a day number (memoized: rating formats the same few hundred days again and again). */
export function formatDay(dayNumber: Day): string {
  const hit = formatted.get(dayNumber);
  if (hit !== undefined) return hit;
  if (dayNumber === BEFORE_ALL || dayNumber === OPEN_END) {
    throw new Error('formatDay: open-ended sentinel cannot be formatted');
  }
  const { year, month, day } = civilFromDay(dayNumber);
  const s = `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
  if (formatted.size >= 50_000) formatted.clear();
  formatted.set(dayNumber, s);
  return s;
}

/**
 * `anchor` + `k` months, keeping the anchor's day of month and clamping it to the
 * target month's last day (DOMAIN L1: anchor 01-31 -> 02-28, 03-31, 04-30, ...).
 * Always computed from the original anchor, never by chaining, so a clamp in
 * February does not drag later cycles to the 28th.
 */
export function addMonthsClamped(anchor: Day, k: number): Day {
  const { year, month, day } = civilFromDay(anchor);
  const index = year * 12 + (month - 1) + k;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Month index (`year * 12 + month - 1`) of a day; consecutive months differ by 1. */
export function monthIndexOfDay(dayNumber: Day): number {
  const { year, month } = civilFromDay(dayNumber);
  return year * 12 + (month - 1);
}

/** Month index of a `YYYY-MM-DD` string already validated by `parseDay` (no allocation). */
export function monthIndexOfDate(s: string): number {
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  return year * 12 + digit(s, 5) * 10 + digit(s, 6) - 1;
}

export interface MonthSpan {
  key: string; // YYYY-MM
  index: number;
  first: Day;
  last: Day;
  days: number;
}

export function monthSpanOfIndex(index: number): MonthSpan {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const days = daysInMonth(year, month);
  const first = dayFromCivil(year, month, 1);
  return { key: `${pad4(year)}-${pad2(month)}`, index, first, last: first + days - 1, days };
}

/** Parses a strict `YYYY-MM` month ('2026-13' is refused). */
export function parseMonth(s: string): MonthSpan | null {
  if (!/^\d{4}-\d{2}$/.test(s)) return null;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  if (month < 1 || month > 12) return null;
  return monthSpanOfIndex(year * 12 + month - 1);
}

export function monthSpanOfDay(dayNumber: Day): MonthSpan {
  return monthSpanOfIndex(monthIndexOfDay(dayNumber));
}

/** Inclusive day count, DOMAIN.md section 3: `days(a, b) = b - a + 1`. */
export function daysInclusive(from: Day, to: Day): number {
  return to - from + 1;
}

// String-level helpers for the rest of the app (forms, screens, the billing run).

export function isValidDate(s: string): boolean {
  return parseDay(s) !== null;
}

export function isValidMonth(s: string): boolean {
  return parseMonth(s) !== null;
}

function requireDay(s: string): Day {
  const d = parseDay(s);
  if (d === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${s}`);
  return d;
}

export function addDays(date: string, n: number): string {
  return formatDay(requireDay(date) + n);
}

export function addMonths(date: string, k: number): string {
  return formatDay(addMonthsClamped(requireDay(date), k));
}

/** Inclusive number of days between two `YYYY-MM-DD` dates. */
export function countDays(from: string, to: string): number {
  return daysInclusive(requireDay(from), requireDay(to));
}

/** `YYYY-MM` of a `YYYY-MM-DD` date. */
export function monthOf(date: string): string {
  requireDay(date);
  return date.slice(0, 7);
}

/** First and last day (inclusive) of a `YYYY-MM` month. */
export function monthBounds(month: string): { from: string; to: string; days: number } {
  const span = parseMonth(month);
  if (span === null) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  return { from: formatDay(span.first), to: formatDay(span.last), days: span.days };
}

/** The month after `month` (`2026-12` -> `2027-01`). */
export function nextMonth(month: string): string {
  const span = parseMonth(month);
  if (span === null) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  return monthSpanOfIndex(span.index + 1).key;
}
