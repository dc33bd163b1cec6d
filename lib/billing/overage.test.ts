/** L4: DAU and peak-group overage over paid days. */
import { describe, expect, it } from 'vitest';
import { overageUnits } from './overage';
import { app, edition, legacy, linesOf, rateMonth, summary } from './testdata/helpers';

describe('L4 overage', () => {
  it.each([
    [0, 0], [10_000, 0], [10_001, 1], [20_000, 1], [20_001, 2], [25_310, 2], [1_000_000, 99],
  ])('peak DAU %i -> %i units', (peak, units) => {
    expect(overageUnits(peak, 10_000, 10_000)).toBe(units);
  });

  it('DAU and group lines, one each, quantity = units, 1,000 per unit', () => {
    const account = legacy([
      app([edition('2026-09-01', 'PROFESSIONAL')], [
        { date: '2026-10-03', dau: 12_000, peakGroups: 150_000 },
        { date: '2026-10-09', dau: 31_000, peakGroups: 200_001 },
        { date: '2026-10-21', dau: 31_000, peakGroups: 90_000 },
      ]),
    ]);
    const oct = rateMonth(account, '2026-10');
    expect(linesOf(oct, 'DAU_OVERAGE')).toEqual([
      expect.objectContaining({ from: '2026-10-01', to: '2026-10-31', quantity: '3', unitPrice: '1000', amount: '3000.00' }),
    ]);
    expect(linesOf(oct, 'DAU_OVERAGE')[0]?.explain).toBe(
      'Peak DAU 31,000 on 2026-10-09; 21,000 over 10,000 free -> 3 units of 10,000 x 1,000',
    );
    expect(linesOf(oct, 'GROUP_OVERAGE')).toEqual([
      expect.objectContaining({ quantity: '2', amount: '2000.00' }),
    ]);
    expect(linesOf(oct, 'GROUP_OVERAGE')[0]?.explain).toContain('Peak groups 200,001 on 2026-10-09; 100,001 over 100,000 free -> 2 units');
  });

  it('counts only the days on a paid edition', () => {
    const account = legacy([
      app([edition('2026-10-10', 'PROFESSIONAL')], [
        { date: '2026-10-01', dau: 50_000, peakGroups: 900_000 },
        { date: '2026-10-09', dau: 50_000 },
        { date: '2026-10-12', dau: 15_000 },
      ]),
    ]);
    const oct = rateMonth(account, '2026-10');
    expect(summary(oct)).toEqual([
      'PACKAGE:PROFESSIONAL 2026-10-10..2026-11-09 999.00',
      'DAU_OVERAGE 2026-10-10..2026-10-31 1000.00',
    ]);
  });

  it('no line when under the free quota; a Trial app is never billed', () => {
    const paid = legacy([app([edition('2026-09-01', 'FLAGSHIP')], [{ date: '2026-10-05', dau: 10_000, peakGroups: 100_000 }])]);
    expect(summary(rateMonth(paid, '2026-10'))).toEqual(['PACKAGE:FLAGSHIP 2026-10-01..2026-10-31 2999.00']);
    const trial = legacy([app([], [{ date: '2026-10-05', dau: 900_000, peakGroups: 9_000_000 }])]);
    expect(rateMonth(trial, '2026-10').lines).toEqual([]);
  });

  it('a month split by an upgrade has one line over all its paid days', () => {
    const account = legacy([
      app([edition('2026-09-01', 'PROFESSIONAL'), edition('2026-10-15', 'FLAGSHIP')], [
        { date: '2026-10-05', dau: 30_000 },
        { date: '2026-10-20', dau: 25_000 },
      ]),
    ]);
    const dau = linesOf(rateMonth(account, '2026-10'), 'DAU_OVERAGE');
    expect(dau).toHaveLength(1);
    expect(dau[0]).toMatchObject({ from: '2026-10-01', to: '2026-10-31', quantity: '2', amount: '2000.00' });
  });
});
