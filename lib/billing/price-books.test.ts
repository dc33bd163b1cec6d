/** Price-book versions: which version prices a line. */
import { describe, expect, it } from 'vitest';
import { PRICE_KEYS, SHIPPED_PRICE_BOOKS, type PriceBook } from './catalog';
import { BillingRuleError } from './errors';
import { preparePriceBooks, priceBookFromRows, priceBookInForce, priceBookRows, priceBookSchema } from './price-books';
import { rateAccount } from './rate';
import { app, current, edition, legacy, rate, retention, summary } from './testdata/helpers';

const [LEGACY_V1, CURRENT_V1] = SHIPPED_PRICE_BOOKS as [PriceBook, PriceBook];
const legacyV2: PriceBook = {
  ...LEGACY_V1,
  version: 2,
  effectiveFrom: '2026-10-20',
  source: 'test: price change',
  prices: { ...LEGACY_V1.prices, 'PACKAGE.PROFESSIONAL': '1099', 'RETENTION.90.PROFESSIONAL': '1200', 'BARRAGE.DOMESTIC': '3' },
};
const currentV2: PriceBook = {
  ...CURRENT_V1,
  version: 2,
  effectiveFrom: '2027-01-15',
  source: 'test: price change',
  prices: { ...CURRENT_V1.prices, 'PACKAGE.STANDARD': '499' },
};
const books = [LEGACY_V1, CURRENT_V1, legacyV2, currentV2];

describe('price books', () => {
  it('the shipped books are valid and complete', () => {
    for (const book of SHIPPED_PRICE_BOOKS) {
      expect(priceBookSchema.safeParse(book).success).toBe(true);
      expect(Object.keys(book.prices).sort()).toEqual([...PRICE_KEYS[book.scheme]].sort());
    }
    expect(LEGACY_V1).toMatchObject({ scheme: 'LEGACY', currency: 'CNY' });
    expect(CURRENT_V1).toMatchObject({ scheme: 'CURRENT', currency: 'USD', effectiveFrom: '2022-12-26' });
  });

  it('round-trips through the database\'s key/amount rows', () => {
    const { prices, ...header } = LEGACY_V1;
    expect(priceBookFromRows(header, priceBookRows(LEGACY_V1)).prices).toEqual(prices);
  });

  it('rejects incomplete books, foreign keys and wrong currencies', () => {
    const missing = { ...CURRENT_V1, prices: { 'PACKAGE.STANDARD': '399' } };
    expect(priceBookSchema.safeParse(missing).error?.issues[0]?.message).toBe('missing price for PACKAGE.PRO');
    const foreign = { ...CURRENT_V1, prices: { ...CURRENT_V1.prices, 'PACKAGE.FLAGSHIP': '1' } };
    expect(priceBookSchema.safeParse(foreign).error?.issues[0]?.message).toBe('PACKAGE.FLAGSHIP is not a CURRENT price key');
    expect(priceBookSchema.safeParse({ ...CURRENT_V1, currency: 'CNY' }).success).toBe(false);
    expect(priceBookSchema.safeParse({ ...CURRENT_V1, prices: { ...CURRENT_V1.prices, PCC: '-1' } }).success).toBe(false);
    expect(() => preparePriceBooks([LEGACY_V1, { ...LEGACY_V1 }])).toThrow(/version 1 is given twice/);
  });

  it('finds the book in force on a day', () => {
    expect(priceBookInForce(books, 'LEGACY', '2026-10-19')?.version).toBe(1);
    expect(priceBookInForce(books, 'LEGACY', '2026-10-20')?.version).toBe(2);
    expect(priceBookInForce(books, 'CURRENT', '2022-12-25')).toBeUndefined();
  });

  it('prepaid cycles are priced on their first day; their credits reuse that price', () => {
    const account = legacy([app([edition('2026-09-15', 'PROFESSIONAL'), edition('2026-11-20', 'FLAGSHIP')])]);
    const [oct, nov] = rate(account, ['2026-10', '2026-11'], books);
    expect(summary(oct!)).toEqual(['PACKAGE:PROFESSIONAL 2026-10-15..2026-11-14 999.00']);
    expect(summary(nov!)).toEqual([
      'PACKAGE:PROFESSIONAL 2026-11-15..2026-12-14 1099.00',
      'PACKAGE:FLAGSHIP 2026-11-20..2026-12-19 2999.00',
      'PACKAGE_CREDIT:PROFESSIONAL 2026-11-20..2026-12-14 -915.83',
    ]);
  });

  it('runs of days split where a new version takes effect (retention, barrage, C1)', () => {
    const account = legacy([
      app([edition('2026-09-15', 'PROFESSIONAL'), retention('2026-10-01', 90)], [
        { date: '2026-10-10', barrageDomesticMbps: '1' },
        { date: '2026-10-25', barrageDomesticMbps: '1' },
      ]),
    ]);
    expect(summary(rate(account, ['2026-10'], books)[0]!)).toEqual([
      'HISTORY_RETENTION:PROFESSIONAL 2026-10-01..2026-10-19 612.90',
      'BARRAGE_BANDWIDTH 2026-10-01..2026-10-19 2.00',
      'PACKAGE:PROFESSIONAL 2026-10-15..2026-11-14 999.00',
      'HISTORY_RETENTION:PROFESSIONAL 2026-10-20..2026-10-31 464.52',
      'BARRAGE_BANDWIDTH 2026-10-20..2026-10-31 3.00',
    ]);
    const standard = current([app([edition('2026-12-01', 'STANDARD')])]);
    expect(summary(rate(standard, ['2027-01'], books)[0]!)).toEqual([
      'PACKAGE:STANDARD 2027-01-01..2027-01-14 180.19',
      'PACKAGE:STANDARD 2027-01-15..2027-01-31 273.65',
    ]);
  });

  it('a line with no version in force is an error naming the price books', () => {
    try {
      rateAccount(legacy([app([edition('2018-05-01', 'PROFESSIONAL')])]), ['2018-05'], SHIPPED_PRICE_BOOKS);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BillingRuleError);
      expect((e as BillingRuleError).describe()).toBe(
        'priceBooks: no LEGACY price book is in force on 2018-05-01 (needed for PACKAGE.PROFESSIONAL)',
      );
    }
  });
});
