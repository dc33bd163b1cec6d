/** L7: barrage bandwidth, daily, paid days only, summed exactly. */
import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { app, edition, legacy, linesOf, rateMonth } from './testdata/helpers';

describe('L7 barrage bandwidth', () => {
  it('sums the daily peaks of paid days: x 2 domestic, x 4 international, one line each', () => {
    const account = legacy([
      app([edition('2026-10-05', 'PROFESSIONAL')], [
        { date: '2026-10-01', barrageDomesticMbps: '5', barrageIntlMbps: '5' },
        { date: '2026-10-05', barrageDomesticMbps: '3.5', barrageIntlMbps: '0' },
        { date: '2026-10-06', barrageDomesticMbps: '1.25', barrageIntlMbps: '0.5' },
        { date: '2026-10-07', dau: 10 },
      ]),
    ]);
    const lines = linesOf(rateMonth(account, '2026-10'), 'BARRAGE_BANDWIDTH');
    expect(lines.map((l) => [l.from, l.to, l.quantity, l.unitPrice, l.amount])).toEqual([
      ['2026-10-05', '2026-10-31', '4.75', '2', '9.50'],
      ['2026-10-05', '2026-10-31', '0.5', '4', '2.00'],
    ]);
    expect(lines[0]?.explain).toBe(
      'Domestic barrage bandwidth 2026-10-05..2026-10-31: daily peaks on 2 paid days sum to 4.75 Mbps-days x 2 per Mbps per day',
    );
    expect(lines[1]?.explain).toMatch(/^International barrage bandwidth/);
  });

  it('no line when the sum is zero', () => {
    const account = legacy([app([edition('2026-09-01', 'FLAGSHIP')], [{ date: '2026-10-01', barrageDomesticMbps: '0', barrageIntlMbps: '0.000' }])]);
    expect(linesOf(rateMonth(account, '2026-10'), 'BARRAGE_BANDWIDTH')).toEqual([]);
  });

  it('stays exact beyond the fast path (more than 6 decimals, Decimal inputs, huge values)', () => {
    const account = legacy([
      app([edition('2026-09-01', 'FLAGSHIP')], [
        { date: '2026-10-01', barrageDomesticMbps: '0.1234567' },
        { date: '2026-10-02', barrageDomesticMbps: new Decimal('0.0000003') },
        { date: '2026-10-03', barrageDomesticMbps: '0.1' },
        { date: '2026-10-04', barrageIntlMbps: '999999999.999999' },
        { date: '2026-10-05', barrageIntlMbps: '999999999.999999' },
        { date: '2026-10-06', barrageIntlMbps: '999999999.999999' },
        { date: '2026-10-07', barrageIntlMbps: '12345678901234567890.5' },
      ]),
    ]);
    const [domestic, intl] = linesOf(rateMonth(account, '2026-10'), 'BARRAGE_BANDWIDTH');
    expect(domestic).toMatchObject({ quantity: '0.223457', amount: '0.45' });
    expect(intl).toMatchObject({ quantity: '12345678904234567890.499997', amount: '49382715616938271562.00' });
  });
});
