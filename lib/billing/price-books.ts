import type Decimal from 'decimal.js';
import { z } from 'zod';
import {
  CURRENCY,
  PRICE_KEYS,
  SCHEMES,
  type PriceBook,
  type PriceKey,
  type Scheme,
} from './catalog';
import { type Day, formatDay, parseDay } from './dates';
import { BillingRuleError } from './errors';
import { isPlainNonNegativeDecimal, toMoney } from './money';

export type { PriceBook, PriceKey } from './catalog';
export { SHIPPED_PRICE_BOOKS } from './catalog';

/*
 * WHICH VERSION PRICES A LINE
 *
 * DOMAIN.md: a price-book version applies from its effective date and never
 * rewrites issued invoices. The engine reads that as: every day is priced by the
 * version in force on that day, and a line is priced by the version in force on
 * the first day it charges.
 *  - Prepaid cycles (L1 packages, L5 add-ons) are priced on the cycle's first
 *    day; the credit that later cuts a cycle reuses the price the cycle was
 *    charged at, so a credit never refunds more than was paid.
 *  - Runs of days (C1 packages, L6 retention, L7 barrage) are split where a new
 *    version takes effect; each part is priced by the version in force on its
 *    first day, i.e. each day by its own version.
 *  - Monthly peaks (L4 DAU and group overage, C2 MAU overage) cannot be split by
 *    day; they are priced on the line's first day (the month's first billable day).
 * "In force on day d": of the scheme's books with effectiveFrom <= d, the one with
 * the latest effectiveFrom, ties broken by the higher version.
 */

const priceAmountSchema = z
  .string()
  .refine(isPlainNonNegativeDecimal, { error: 'must be a non-negative decimal such as "999" or "0.015"' });

export const priceBookSchema = z
  .strictObject({
    id: z.string().min(1).optional(),
    scheme: z.enum(SCHEMES),
    currency: z.enum(['CNY', 'USD']),
    version: z.number().int().min(1),
    effectiveFrom: z.string().refine((s) => parseDay(s) !== null, { error: 'must be a calendar date YYYY-MM-DD' }),
    source: z.string().trim().min(1, { error: 'must name the document the prices come from' }),
    prices: z.record(z.string(), priceAmountSchema),
  })
  .superRefine((book, ctx) => {
    if (book.currency !== CURRENCY[book.scheme]) {
      ctx.addIssue({
        code: 'custom',
        path: ['currency'],
        message: `a ${book.scheme} price book is in ${CURRENCY[book.scheme]}`,
      });
    }
    const keys: readonly string[] = PRICE_KEYS[book.scheme];
    for (const key of keys) {
      if (book.prices[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: ['prices', key], message: `missing price for ${key}` });
      }
    }
    for (const key of Object.keys(book.prices)) {
      if (!keys.includes(key)) {
        ctx.addIssue({ code: 'custom', path: ['prices', key], message: `${key} is not a ${book.scheme} price key` });
      }
    }
  });

export type PriceBookInput = z.input<typeof priceBookSchema>;

/** Builds a book from the database's key/amount rows (amounts as strings or Decimals). */
export function priceBookFromRows(
  header: Omit<PriceBook, 'prices'>,
  rows: readonly { key: string; amount: string | Decimal }[],
): PriceBook {
  const prices: Record<string, string> = {};
  for (const row of rows) prices[row.key] = typeof row.amount === 'string' ? row.amount : row.amount.toFixed();
  return { ...header, prices: prices as PriceBook['prices'] };
}

/** The database's key/amount rows of a book, in catalog key order. */
export function priceBookRows(book: PriceBook): { key: PriceKey; amount: string }[] {
  return PRICE_KEYS[book.scheme].flatMap((key) => {
    const amount = book.prices[key];
    return amount === undefined ? [] : [{ key, amount }];
  });
}

interface PreparedVersion {
  version: number;
  from: Day;
  prices: ReadonlyMap<PriceKey, Decimal>;
}

/** The books of one scheme, parsed once and ordered by effective date. */
export class PriceTable {
  readonly scheme: Scheme;
  private readonly versions: readonly PreparedVersion[];

  constructor(scheme: Scheme, versions: readonly PreparedVersion[]) {
    this.scheme = scheme;
    this.versions = versions;
  }

  private versionAt(day: Day): PreparedVersion | undefined {
    let found: PreparedVersion | undefined;
    for (const v of this.versions) {
      if (v.from <= day) found = v;
      else break;
    }
    return found;
  }

  /** The price of `key` in the version in force on `day`. */
  price(key: PriceKey, day: Day): Decimal {
    const version = this.versionAt(day);
    const price = version?.prices.get(key);
    if (price === undefined) {
      throw new BillingRuleError(
        'priceBooks',
        `no ${this.scheme} price book is in force on ${formatDay(day)} (needed for ${key})`,
      );
    }
    return price;
  }

  /** Days in `(from, to]` on which a new version takes effect: where runs of days split. */
  splitPoints(from: Day, to: Day): Day[] {
    const points: Day[] = [];
    for (const v of this.versions) {
      if (v.from > from && v.from <= to && points[points.length - 1] !== v.from) points.push(v.from);
    }
    return points;
  }

  /** Calls `fn` for each part of `[from, to]` priced by one version. */
  forEachRun(from: Day, to: Day, fn: (runFrom: Day, runTo: Day) => void): void {
    let start = from;
    for (const point of this.splitPoints(from, to)) {
      fn(start, point - 1);
      start = point;
    }
    fn(start, to);
  }
}

export type PriceTables = Readonly<Record<Scheme, PriceTable>>;

const prepared = new WeakMap<readonly PriceBook[], PriceTables>();

/**
 * Validates the books and indexes them per scheme. Cached per array, so the
 * billing run can pass the same array for every account at no cost.
 */
export function preparePriceBooks(books: readonly PriceBook[]): PriceTables {
  const cached = prepared.get(books);
  if (cached !== undefined) return cached;

  const byScheme: Record<Scheme, PreparedVersion[]> = { LEGACY: [], CURRENT: [] };
  books.forEach((book, i) => {
    const parsed = priceBookSchema.safeParse(book);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue === undefined ? '' : issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
      throw new BillingRuleError(`priceBooks[${i}]${path}`, issue?.message ?? 'invalid price book');
    }
    const from = parseDay(book.effectiveFrom) as Day;
    const prices = new Map<PriceKey, Decimal>();
    for (const key of PRICE_KEYS[book.scheme]) {
      const amount = book.prices[key];
      if (amount !== undefined) prices.set(key, toMoney(amount));
    }
    const list = byScheme[book.scheme];
    if (list.some((v) => v.version === book.version)) {
      throw new BillingRuleError(`priceBooks[${i}].version`, `${book.scheme} price book version ${book.version} is given twice`);
    }
    list.push({ version: book.version, from, prices });
  });
  for (const scheme of SCHEMES) {
    byScheme[scheme].sort((a, b) => a.from - b.from || a.version - b.version);
  }
  const tables: PriceTables = {
    LEGACY: new PriceTable('LEGACY', byScheme.LEGACY),
    CURRENT: new PriceTable('CURRENT', byScheme.CURRENT),
  };
  prepared.set(books, tables);
  return tables;
}

/** The book in force for `scheme` on `date`, for screens that show "today's prices". */
export function priceBookInForce(books: readonly PriceBook[], scheme: Scheme, date: string): PriceBook | undefined {
  const day = parseDay(date);
  if (day === null) return undefined;
  let best: PriceBook | undefined;
  let bestFrom = -Infinity;
  for (const book of books) {
    if (book.scheme !== scheme) continue;
    const from = parseDay(book.effectiveFrom);
    if (from === null || from > day) continue;
    if (from > bestFrom || (from === bestFrom && best !== undefined && book.version > best.version)) {
      best = book;
      bestFrom = from;
    }
  }
  return best;
}
