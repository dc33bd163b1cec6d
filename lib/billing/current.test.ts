/** C1-C2: the current scheme. */
import { describe, expect, it } from 'vitest';
import { SHIPPED_PRICE_BOOKS } from './catalog';
import { BillingRuleError } from './errors';
import { rateAccount } from './rate';
import { addonStart, app, current, edition, rate, rateMonth, summary } from './testdata/helpers';

describe('C1 package runs', () => {
  it('one line per run of days on one paid edition, any direction, on its date', () => {
    const account = current([
      app([edition('2026-11-11', 'STANDARD'), edition('2026-11-21', 'PRO'), edition('2026-11-26', 'DEVELOPER')], [
        { date: '2026-11-30', mau: 50_000 },
      ]),
    ]);
    const [nov, dec] = rate(account, ['2026-11', '2026-12']);
    expect(summary(nov!)).toEqual([
      'PACKAGE:STANDARD 2026-11-11..2026-11-20 133.00',
      'PACKAGE:PRO 2026-11-21..2026-11-25 116.50',
    ]);
    expect(nov!.lines[1]?.explain).toBe('Pro 2026-11-21..2026-11-25: 699 x 5/30 days');
    expect(dec!.lines).toEqual([]);
  });

  it('a downgrade Pro -> Standard takes effect on its date', () => {
    const account = current([app([edition('2027-01-01', 'PRO'), edition('2027-02-15', 'STANDARD')])]);
    expect(summary(rateMonth(account, '2027-02'))).toEqual([
      'PACKAGE:PRO 2027-02-01..2027-02-14 349.50',
      'PACKAGE:STANDARD 2027-02-15..2027-02-28 199.50',
    ]);
  });

  it('a whole month bills 30/30, 31/31, 29/29 days exactly the monthly price', () => {
    const account = current([app([edition('2027-12-15', 'PRO')])]);
    for (const month of ['2028-01', '2028-02', '2028-04']) expect(rateMonth(account, month).total).toBe('699.00');
  });

  it('refuses add-ons and legacy editions', () => {
    expect(() => rateAccount(current([app([addonStart('2026-01-05', 'SECURITY_STRIKE')])]), ['2026-01'], SHIPPED_PRICE_BOOKS)).toThrow(
      /SECURITY_STRIKE is not offered on the CURRENT scheme/,
    );
    try {
      rateAccount(current([app([edition('2026-01-05', 'FLAGSHIP')])]), ['2026-01'], SHIPPED_PRICE_BOOKS);
      expect.unreachable();
    } catch (e) {
      expect((e as BillingRuleError).field).toBe('apps[0].events[0].edition');
    }
  });

  it('refuses current-scheme events before the scheme opened on 2022-12-26', () => {
    expect(() => rateAccount(current([app([edition('2022-12-25', 'STANDARD')])]), ['2022-12'], SHIPPED_PRICE_BOOKS)).toThrow(
      /opened on 2022-12-26/,
    );
    expect(summary(rateMonth(current([app([edition('2022-12-26', 'STANDARD')])]), '2022-12'))).toEqual([
      'PACKAGE:STANDARD 2022-12-26..2022-12-31 77.23',
    ]);
  });
});

describe('C2 MAU overage', () => {
  it('the month\'s highest cumulative MAU, over 10,000, x 0.015, when paid on the last day', () => {
    const account = current([
      app([edition('2026-10-01', 'STANDARD')], [
        { date: '2026-11-05', mau: 5_000 },
        { date: '2026-11-20', mau: 12_000 },
        { date: '2026-11-30', mau: 11_000 },
        { date: '2026-11-29', dau: 99_999 },
      ]),
    ]);
    const nov = rateMonth(account, '2026-11');
    expect(summary(nov)).toEqual(['PACKAGE:STANDARD 2026-11-01..2026-11-30 399.00', 'MAU_OVERAGE:STANDARD 2026-11-01..2026-11-30 30.00']);
    expect(nov.lines[1]?.explain).toBe(
      'MAU 12,000 (highest reported in 2026-11, on 2026-11-20); 2,000 over 10,000 free x 0.015; Standard on 2026-11-30',
    );
  });

  it('Developer apps are capped, never billed, even if they were paid earlier in the month', () => {
    const account = current([app([edition('2026-10-01', 'PRO'), edition('2026-11-30', 'DEVELOPER')], [{ date: '2026-11-10', mau: 90_000 }])]);
    expect(rateMonth(account, '2026-11').lines.map((l) => l.code)).toEqual(['PACKAGE']);
  });

  it('an app upgraded on the last day is billed for the whole month\'s MAU', () => {
    const account = current([app([edition('2026-11-30', 'PRO')], [{ date: '2026-11-02', mau: 10_001 }])]);
    expect(summary(rateMonth(account, '2026-11'))).toEqual([
      'MAU_OVERAGE:PRO 2026-11-01..2026-11-30 0.02',
      'PACKAGE:PRO 2026-11-30..2026-11-30 23.30',
    ]);
  });
});
