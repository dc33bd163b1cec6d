/** L6: history retention extension. */
import { describe, expect, it } from 'vitest';
import { addonStop, app, edition, legacy, rate, rateMonth, retention, summary } from './testdata/helpers';

describe('L6 history retention', () => {
  const account = legacy([
    app([
      edition('2026-03-01', 'PROFESSIONAL'),
      retention('2026-03-05', 90),
      retention('2026-04-11', 180),
      edition('2026-05-16', 'FLAGSHIP'),
      addonStop('2026-06-10', 'HISTORY_RETENTION'),
    ]),
  ]);
  const [mar, apr, may, jun, jul] = rate(account, ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07']);
  const retentionLines = (inv: typeof mar) => summary(inv!).filter((l) => l.startsWith('HISTORY_RETENTION'));

  it('active from its start date: price * days / days_in_month', () => {
    expect(retentionLines(mar)).toEqual(['HISTORY_RETENTION:PROFESSIONAL 2026-03-05..2026-03-31 870.97']);
    expect(mar!.lines.find((l) => l.code === 'HISTORY_RETENTION')?.explain).toBe(
      'History retention 90 days on Professional 2026-03-05..2026-03-31: 1,000 x 27/31 days',
    );
  });

  it('a new tier replaces the old from its date', () => {
    expect(retentionLines(apr)).toEqual([
      'HISTORY_RETENTION:PROFESSIONAL 2026-04-01..2026-04-10 333.33',
      'HISTORY_RETENTION:PROFESSIONAL 2026-04-11..2026-04-30 1000.00',
    ]);
  });

  it('one line per maximal run of one edition and one tier', () => {
    expect(retentionLines(may)).toEqual([
      'HISTORY_RETENTION:PROFESSIONAL 2026-05-01..2026-05-15 725.81',
      'HISTORY_RETENTION:FLAGSHIP 2026-05-16..2026-05-31 516.13',
    ]);
  });

  it('a stop on D makes D-1 the last day', () => {
    expect(retentionLines(jun)).toEqual(['HISTORY_RETENTION:FLAGSHIP 2026-06-01..2026-06-09 300.00']);
    expect(retentionLines(jul)).toEqual([]);
  });

  it('Flagship\'s 30-day tier is free: no line', () => {
    const free = legacy([app([edition('2026-03-01', 'FLAGSHIP'), retention('2026-03-01', 30)])]);
    expect(summary(rateMonth(free, '2026-03'))).toEqual(['PACKAGE:FLAGSHIP 2026-03-01..2026-03-31 2999.00']);
  });

  it('starting the tier already held is no change', () => {
    const again = legacy([app([edition('2026-03-01', 'PROFESSIONAL'), retention('2026-03-01', 360), retention('2026-03-20', 360)])]);
    expect(summary(rateMonth(again, '2026-03'))).toContain('HISTORY_RETENTION:PROFESSIONAL 2026-03-01..2026-03-31 2500.00');
  });
});
