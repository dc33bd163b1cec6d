import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parseDay } from './dates';
import { rateAccount } from './rate';
import { SHIPPED_PRICE_BOOKS } from './catalog';
import { ruleErrorOf } from './testdata/helpers';
import { UsageBuilder, indexUsage } from './usage';

const day = (s: string) => parseDay(s) as number;
const OCT = 2026 * 12 + 9;
const NOV = 2026 * 12 + 10;

describe('UsageBuilder (the engine\'s usage index, column by column)', () => {
  it('sorts each month by day and keeps every column, exact bandwidths included, with its row', () => {
    const index = indexUsage(
      [
        { date: '2026-11-02', dau: 5 },
        { date: '2026-10-20', dau: 300, peakGroups: 7, barrageDomesticMbps: '0.1234567' },
        { date: '2026-10-03', mau: 40, barrageIntlMbps: '2.5' },
        { date: '2026-10-11', dau: 1, barrageIntlMbps: new Decimal('1.00000001') },
      ],
      'apps[0].usage',
    );
    const oct = index.month(OCT);
    expect(oct.day).toEqual([day('2026-10-03'), day('2026-10-11'), day('2026-10-20')]);
    expect(oct.dau).toEqual([0, 1, 300]);
    expect(oct.peakGroups).toEqual([0, 0, 7]);
    expect(oct.mau).toEqual([40, 0, 0]);
    // Millionths when they fit, -1 where the exact value is kept.
    expect(oct.domMicros).toEqual([0, 0, -1]);
    expect(oct.intlMicros).toEqual([2_500_000, -1, 0]);
    expect(oct.domExact?.map((d) => d?.toString() ?? null)).toEqual([null, null, '0.1234567']);
    expect(oct.intlExact?.map((d) => d?.toString() ?? null)).toEqual([null, '1.00000001', null]);
    expect(index.month(NOV)).toMatchObject({ length: 1, day: [day('2026-11-02')], dau: [5], domExact: null, intlExact: null });
    expect(index.month(NOV + 1).length).toBe(0);
  });

  it('refuses a day given twice, naming both rows by their place in the input', () => {
    const builder = new UsageBuilder('apps[1].usage');
    builder.add(0, day('2026-10-05'), 1, undefined, undefined, undefined, undefined, undefined);
    builder.add(1, day('2026-10-04'), 1, undefined, undefined, undefined, undefined, undefined);
    builder.add(2, day('2026-10-05'), 2, undefined, undefined, undefined, undefined, undefined);
    const error = ruleErrorOf(() => builder.build());
    expect(error.field).toBe('apps[1].usage[2].date');
    expect(error.message).toContain('two usage rows for 2026-10-05 (the first is apps[1].usage[0])');
  });

  it('validates each value as it is added, naming the field', () => {
    const builder = new UsageBuilder('apps[0].usage');
    expect(ruleErrorOf(() => builder.add(3, day('2026-10-01'), 1, 2.5, 0, 0, undefined, undefined)).field).toBe('apps[0].usage[3].peakGroups');
    expect(ruleErrorOf(() => builder.add(4, day('2026-10-01'), 1, 2, 0, -1, undefined, undefined)).field).toBe('apps[0].usage[4].pcc');
    expect(ruleErrorOf(() => builder.add(5, day('2026-10-01'), 1, 2, 0, 0, '-1', undefined)).field).toBe('apps[0].usage[5].barrageDomesticMbps');
    expect(ruleErrorOf(() => builder.add(6, day('2026-10-01'), 1, 2, 0, 0, undefined, 'x')).field).toBe('apps[0].usage[6].barrageIntlMbps');
  });

  it('is what rateAccount takes besides daily rows; anything else given as usage is refused', () => {
    const usage = new UsageBuilder('apps[0].usage');
    usage.add(0, day('2026-10-12'), 60_000, undefined, undefined, undefined, undefined, undefined);
    const account = { scheme: 'LEGACY' as const, apps: [{ sdkAppId: 1400000001, events: [{ date: '2026-09-01', type: 'edition' as const, edition: 'PROFESSIONAL' as const }], usage: usage.build() }] };
    const [october] = rateAccount(account, ['2026-10'], SHIPPED_PRICE_BOOKS);
    expect(october!.lines.map((l) => l.code)).toContain('DAU_OVERAGE');
    const error = ruleErrorOf(() => rateAccount({ ...account, apps: [{ ...account.apps[0]!, usage: {} as never }] }, ['2026-10'], SHIPPED_PRICE_BOOKS));
    expect(error.field).toBe('apps[0].usage');
  });
});
