/** L1-L3: anchored cycles, edition changes, cutting cycles. */
import { describe, expect, it } from 'vitest';
import { cycleHolding, cycleOf } from './cycles';
import { formatDay, parseDay } from './dates';
import { BillingRuleError } from './errors';
import { rateAccount } from './rate';
import { SHIPPED_PRICE_BOOKS } from './catalog';
import { app, edition, legacy, rate, rateMonth, summary } from './testdata/helpers';

const day = (s: string) => parseDay(s) as number;
const cycles = (anchor: string, n: number) =>
  Array.from({ length: n }, (_, k) => {
    const c = cycleOf(day(anchor), k);
    return `${formatDay(c.start)}..${formatDay(c.end)}`;
  });

describe('L1 cycles anchored at the start, clamped to the month end', () => {
  it('anchor 2026-01-31: 01-31..02-27, 02-28..03-30, 03-31..04-29 (DOMAIN example)', () => {
    expect(cycles('2026-01-31', 4)).toEqual([
      '2026-01-31..2026-02-27', '2026-02-28..2026-03-30', '2026-03-31..2026-04-29', '2026-04-30..2026-05-30',
    ]);
  });

  it('anchors on the 29th and 30th', () => {
    expect(cycles('2026-01-29', 3)).toEqual(['2026-01-29..2026-02-27', '2026-02-28..2026-03-28', '2026-03-29..2026-04-28']);
    expect(cycles('2026-01-30', 3)).toEqual(['2026-01-30..2026-02-27', '2026-02-28..2026-03-29', '2026-03-30..2026-04-29']);
    expect(cycles('2027-12-30', 3)).toEqual(['2027-12-30..2028-01-29', '2028-01-30..2028-02-28', '2028-02-29..2028-03-29']);
  });

  it('leap years: anchor 2028-02-29, and Feb 2028 under a 31st anchor', () => {
    expect(cycles('2028-02-29', 2)).toEqual(['2028-02-29..2028-03-28', '2028-03-29..2028-04-28']);
    const k12 = cycleOf(day('2028-02-29'), 12);
    expect(`${formatDay(k12.start)}..${formatDay(k12.end)}`).toBe('2029-02-28..2029-03-28');
    expect(cycles('2028-01-31', 2)).toEqual(['2028-01-31..2028-02-28', '2028-02-29..2028-03-30']);
  });

  it('finds the cycle holding a day', () => {
    const c = cycleHolding(day('2026-01-31'), day('2026-03-30'));
    expect([formatDay(c.start), formatDay(c.end)]).toEqual(['2026-02-28', '2026-03-30']);
    const first = cycleHolding(day('2026-01-31'), day('2026-01-31'));
    expect(formatDay(first.start)).toBe('2026-01-31');
  });

  it('charges each cycle in full on the invoice of the month holding its start', () => {
    const account = legacy([app([edition('2026-01-31', 'PROFESSIONAL')])]);
    const invoices = rate(account, ['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(invoices.map((i) => summary(i))).toEqual([
      ['PACKAGE:PROFESSIONAL 2026-01-31..2026-02-27 999.00'],
      ['PACKAGE:PROFESSIONAL 2026-02-28..2026-03-30 999.00'],
      ['PACKAGE:PROFESSIONAL 2026-03-31..2026-04-29 999.00'],
      ['PACKAGE:PROFESSIONAL 2026-04-30..2026-05-30 999.00'],
    ]);
  });

  it('Flagship anchored on 2028-02-29 renews on the 29th, and on 2029-02-28', () => {
    const account = legacy([app([edition('2028-02-29', 'FLAGSHIP')])]);
    expect(summary(rateMonth(account, '2028-03'))).toEqual(['PACKAGE:FLAGSHIP 2028-03-29..2028-04-28 2999.00']);
    expect(summary(rateMonth(account, '2029-02'))).toEqual(['PACKAGE:FLAGSHIP 2029-02-28..2029-03-28 2999.00']);
  });

  it('Trial is free: no lines, an empty invoice', () => {
    const [inv] = rate(legacy([app([])]), ['2026-05']);
    expect(inv).toEqual({ month: '2026-05', scheme: 'LEGACY', currency: 'CNY', total: '0.00', lines: [] });
  });
});

describe('L2 edition changes', () => {
  it('Trial -> paid starts a new anchor on the request date', () => {
    const account = legacy([app([edition('2026-03-17', 'FLAGSHIP')])]);
    expect(summary(rateMonth(account, '2026-03'))).toEqual(['PACKAGE:FLAGSHIP 2026-03-17..2026-04-16 2999.00']);
  });

  it('Flagship -> Professional waits for the end of the Flagship cycle holding the request', () => {
    const account = legacy([app([edition('2026-01-10', 'FLAGSHIP'), edition('2026-02-15', 'PROFESSIONAL')])]);
    const [feb, mar, apr] = rate(account, ['2026-02', '2026-03', '2026-04']);
    expect(summary(feb!)).toEqual(['PACKAGE:FLAGSHIP 2026-02-10..2026-03-09 2999.00']);
    expect(summary(mar!)).toEqual(['PACKAGE:PROFESSIONAL 2026-03-10..2026-04-09 999.00']);
    expect(summary(apr!)).toEqual(['PACKAGE:PROFESSIONAL 2026-04-10..2026-05-09 999.00']);
  });

  it('a downgrade requested on a cycle\'s first day takes effect after that whole cycle', () => {
    const account = legacy([app([edition('2026-01-10', 'FLAGSHIP'), edition('2026-03-10', 'PROFESSIONAL')])]);
    const [mar, apr] = rate(account, ['2026-03', '2026-04']);
    expect(summary(mar!)).toEqual(['PACKAGE:FLAGSHIP 2026-03-10..2026-04-09 2999.00']);
    expect(summary(apr!)).toEqual(['PACKAGE:PROFESSIONAL 2026-04-10..2026-05-09 999.00']);
  });

  it('requesting the held edition cancels a pending downgrade', () => {
    const account = legacy([
      app([edition('2026-01-10', 'FLAGSHIP'), edition('2026-02-15', 'PROFESSIONAL'), edition('2026-03-01', 'FLAGSHIP')]),
    ]);
    expect(summary(rateMonth(account, '2026-03'))).toEqual(['PACKAGE:FLAGSHIP 2026-03-10..2026-04-09 2999.00']);
  });

  it('requesting the held edition is otherwise no change (the anchor stays)', () => {
    const account = legacy([app([edition('2026-01-10', 'PROFESSIONAL'), edition('2026-02-20', 'PROFESSIONAL')])]);
    expect(summary(rateMonth(account, '2026-02'))).toEqual(['PACKAGE:PROFESSIONAL 2026-02-10..2026-03-09 999.00']);
  });

  it('same-day events apply in file order', () => {
    const upThenUp = legacy([app([edition('2026-05-10', 'PROFESSIONAL'), edition('2026-05-10', 'FLAGSHIP')])]);
    expect(summary(rateMonth(upThenUp, '2026-05'))).toEqual(['PACKAGE:FLAGSHIP 2026-05-10..2026-06-09 2999.00']);

    const flagshipThenDowngrade = legacy([app([edition('2026-05-10', 'FLAGSHIP'), edition('2026-05-10', 'PROFESSIONAL')])]);
    const [may, june] = rate(flagshipThenDowngrade, ['2026-05', '2026-06']);
    expect(summary(may!)).toEqual(['PACKAGE:FLAGSHIP 2026-05-10..2026-06-09 2999.00']);
    expect(summary(june!)).toEqual(['PACKAGE:PROFESSIONAL 2026-06-10..2026-07-09 999.00']);
  });

  it('events out of date order in the file are applied in date order', () => {
    const account = legacy([app([edition('2026-11-05', 'FLAGSHIP'), edition('2026-10-15', 'PROFESSIONAL')])]);
    expect(rateMonth(account, '2026-11').total).toBe('2676.74');
  });

  it('a request for Flagship on the day a downgrade takes effect is an upgrade from Professional', () => {
    const account = legacy([
      app([edition('2026-01-10', 'FLAGSHIP'), edition('2026-02-15', 'PROFESSIONAL'), edition('2026-03-10', 'FLAGSHIP')]),
    ]);
    expect(summary(rateMonth(account, '2026-03'))).toEqual(['PACKAGE:FLAGSHIP 2026-03-10..2026-04-09 2999.00']);
  });

  it('paid -> Trial is refused, naming the event', () => {
    const account = legacy([app([edition('2026-01-10', 'PROFESSIONAL'), edition('2026-02-01', 'TRIAL')])]);
    expect(() => rateAccount(account, ['2026-02'], SHIPPED_PRICE_BOOKS)).toThrowError(BillingRuleError);
    try {
      rateAccount(account, ['2026-02'], SHIPPED_PRICE_BOOKS);
    } catch (e) {
      expect((e as BillingRuleError).field).toBe('apps[0].events[1].edition');
      expect((e as BillingRuleError).message).toMatch(/^Paid -> Trial is refused: create a new app instead/);
    }
  });
});

describe('L3 cutting a cycle', () => {
  it('an upgrade credits price * days(D, end) / days(start, end), dated D, and later cycles never exist', () => {
    const account = legacy([app([edition('2026-04-01', 'PROFESSIONAL'), edition('2026-04-20', 'FLAGSHIP')])]);
    const [apr, may] = rate(account, ['2026-04', '2026-05']);
    expect(summary(apr!)).toEqual([
      'PACKAGE:PROFESSIONAL 2026-04-01..2026-04-30 999.00',
      'PACKAGE:FLAGSHIP 2026-04-20..2026-05-19 2999.00',
      'PACKAGE_CREDIT:PROFESSIONAL 2026-04-20..2026-04-30 -366.30',
    ]);
    expect(summary(may!)).toEqual(['PACKAGE:FLAGSHIP 2026-05-20..2026-06-19 2999.00']);
  });

  it('an upgrade on a cycle\'s first day: the new cycle is never generated, nothing to credit', () => {
    const account = legacy([app([edition('2026-04-01', 'PROFESSIONAL'), edition('2026-05-01', 'FLAGSHIP')])]);
    expect(summary(rateMonth(account, '2026-05'))).toEqual(['PACKAGE:FLAGSHIP 2026-05-01..2026-05-31 2999.00']);
  });

  it('an upgrade on the last day of a cycle credits one day', () => {
    const account = legacy([app([edition('2026-04-01', 'PROFESSIONAL'), edition('2026-04-30', 'FLAGSHIP')])]);
    expect(summary(rateMonth(account, '2026-04'))).toContain('PACKAGE_CREDIT:PROFESSIONAL 2026-04-30..2026-04-30 -33.30');
  });
});
