/**
 * DOMAIN.md section 3: a day's edition, tier and add-ons are those in force at the end of the
 * day; a run of days is split only where that end-of-day state changes. A replacement restored
 * the same day is one run and one line (C1, L6); a cycle cut that day stays cut (L3).
 */
import { describe, expect, it } from 'vitest';
import { addonStart, app, current, edition, legacy, rateMonth, retention, summary } from './testdata/helpers';

describe('the end-of-day state', () => {
  it('C1: Standard -> Developer -> Standard on one day is one run and one line', () => {
    const flipped = rateMonth(current([app([edition('2026-10-01', 'STANDARD'), edition('2026-10-04', 'DEVELOPER'), edition('2026-10-04', 'STANDARD')])]), '2026-10');
    expect(summary(flipped)).toEqual(['PACKAGE:STANDARD 2026-10-01..2026-10-31 399.00']);
    // Two halves would have been 3/31 and 28/31 of 399; the whole is one rounding.
    const plain = rateMonth(current([app([edition('2026-10-01', 'STANDARD')])]), '2026-10');
    expect(flipped).toEqual(plain);
  });

  it('C1: an edition that began today and is replaced today is never charged', () => {
    const invoice = rateMonth(current([app([edition('2026-10-10', 'PRO'), edition('2026-10-10', 'STANDARD')])]), '2026-10');
    expect(summary(invoice)).toEqual(['PACKAGE:STANDARD 2026-10-10..2026-10-31 283.16']);
  });

  it('L6: a retention tier replaced and restored the same day, or stopped and started again, is one line', () => {
    const base = [edition('2026-09-01', 'PROFESSIONAL'), retention('2026-09-01', 90)];
    const plain = rateMonth(legacy([app(base)]), '2026-10');
    expect(summary(plain).filter((l) => l.startsWith('HISTORY_RETENTION'))).toEqual(['HISTORY_RETENTION:PROFESSIONAL 2026-10-01..2026-10-31 1000.00']);
    const replaced = rateMonth(legacy([app([...base, retention('2026-10-13', 360), retention('2026-10-13', 90)])]), '2026-10');
    expect(replaced).toEqual(plain);
    const restarted = rateMonth(
      legacy([app([...base, { date: '2026-10-13', type: 'addon', addon: 'HISTORY_RETENTION', action: 'stop' }, retention('2026-10-13', 90)])]),
      '2026-10',
    );
    expect(restarted).toEqual(plain);
  });

  it('L2: Flagship requested on the day its downgrade takes effect keeps the Flagship run and its anchor', () => {
    // Anchor 08-31: cycles 08-31..09-29, 09-30..10-30, 10-31..11-29 (clamped months).
    const base = [edition('2026-08-31', 'TRIAL'), edition('2026-08-31', 'FLAGSHIP'), retention('2026-08-31', 180)];
    const flipped = legacy([app([...base, edition('2026-09-05', 'PROFESSIONAL'), edition('2026-09-30', 'FLAGSHIP')])]);
    const plain = legacy([app(base)]);
    for (const month of ['2026-09', '2026-10']) expect(rateMonth(flipped, month)).toEqual(rateMonth(plain, month));
    expect(summary(rateMonth(flipped, '2026-10'))).toEqual([
      'HISTORY_RETENTION:FLAGSHIP 2026-10-01..2026-10-31 1000.00',
      'PACKAGE:FLAGSHIP 2026-10-31..2026-11-29 2999.00',
    ]);
  });

  it('L3: an add-on cycle cut by the downgrade stays cut when Flagship is requested again that day', () => {
    const base = [edition('2026-09-20', 'FLAGSHIP'), addonStart('2026-09-25', 'GROUP_MEMBER_CAP')];
    const flipped = rateMonth(legacy([app([...base, edition('2026-10-05', 'PROFESSIONAL'), edition('2026-10-20', 'FLAGSHIP')])]), '2026-10');
    // The add-on's cycle 09-25..10-24 is cut on 10-20 (5/30 of 500 back) and restarts on 10-20;
    // the package cycle ended on 10-19, uncut, so its run goes on.
    expect(summary(flipped)).toEqual([
      'PACKAGE:FLAGSHIP 2026-10-20..2026-11-19 2999.00',
      'ADDON:GROUP_MEMBER_CAP:FLAGSHIP 2026-10-20..2026-11-19 500.00',
      'ADDON_CREDIT:GROUP_MEMBER_CAP:FLAGSHIP 2026-10-20..2026-10-24 -83.33',
    ]);
  });
});
