import { describe, expect, it } from 'vitest';
import { fastUsageRow, usageRowSchema, type UsageRowInput } from './schemas';

/** The schema's result as parseUsageRows keeps it, or undefined when the schema refuses the row. */
function bySchema(input: unknown): UsageRowInput | undefined {
  const parsed = usageRowSchema.safeParse(input);
  if (!parsed.success) return undefined;
  const r = parsed.data;
  return {
    sdkAppId: r.sdkAppId,
    date: r.date,
    dau: r.dau ?? null,
    peakGroups: r.peakGroups ?? null,
    mau: r.mau ?? null,
    pcc: r.pcc ?? null,
    barrageDomesticMbps: r.barrageDomesticMbps ?? null,
    barrageIntlMbps: r.barrageIntlMbps ?? null,
  };
}

const base = { sdkAppId: 1400000001, date: '2026-11-01', dau: 5 };
const variants: unknown[] = [
  base,
  { ...base, sdkAppId: '1400000001' },
  { ...base, sdkAppId: ' 1400000001' },
  { ...base, sdkAppId: 999999999 },
  { ...base, sdkAppId: 10000000000 },
  { ...base, sdkAppId: 1400000001.5 },
  { ...base, sdkAppId: '0400000001' },
  { ...base, sdkAppId: null },
  { date: '2026-11-01', dau: 5 },
  { ...base, date: '2026-02-30' },
  { ...base, date: '2026-2-3' },
  { ...base, date: 20261101 },
  { ...base, dau: -1 },
  { ...base, dau: -0 },
  { ...base, dau: 1.5 },
  { ...base, dau: 2_147_483_647 },
  { ...base, dau: 2_147_483_648 },
  { ...base, dau: '5' },
  { ...base, dau: null, peakGroups: 0, mau: 7, pcc: 9 },
  { ...base, barrageDomesticMbps: '3.5', barrageIntlMbps: '0.125' },
  { ...base, barrageDomesticMbps: ' 3.5 ' },
  { ...base, barrageDomesticMbps: '3.5000' },
  { ...base, barrageDomesticMbps: '-3.5' },
  { ...base, barrageDomesticMbps: '12345678901.5' },
  { ...base, barrageDomesticMbps: '123456789012' },
  { ...base, barrageDomesticMbps: '.5' },
  { ...base, barrageDomesticMbps: 3.5 },
  { ...base, barrageIntlMbps: null },
  { ...base, extra: 1 },
  JSON.parse('{"sdkAppId":1400000001,"date":"2026-11-01","dau":5,"__proto__":{"x":1}}'),
  Object.assign(Object.create(null), base),
  [base],
  null,
  'row',
  42,
];

describe('fastUsageRow (the validator fast path)', () => {
  it('returns exactly what the schema returns, or leaves the row to the schema', () => {
    let fast = 0;
    for (const input of variants) {
      const quick = fastUsageRow(input);
      if (quick === undefined) continue;
      fast++;
      expect(quick, JSON.stringify(input)).toEqual(bySchema(input));
    }
    // The plainly valid rows do take the fast path.
    expect(fast).toBeGreaterThanOrEqual(8);
    expect(fastUsageRow(base)).toEqual(bySchema(base));
  });

  it('never accepts a row the schema refuses', () => {
    for (const input of variants) if (bySchema(input) === undefined) expect(fastUsageRow(input), JSON.stringify(input)).toBeUndefined();
  });
});
