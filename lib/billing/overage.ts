/**
 * L4: DAU and peak-group overage (postpaid, legacy).
 *
 * Only the days of the month on which the app held a paid edition count.
 * peakDAU = highest daily DAU; units = ceil(max(0, peak - 10,000) / 10,000),
 * 1,000 per unit. Peak groups likewise with 100,000. One line each per app and
 * month, only when non-zero; quantity = units.
 *
 * Choices where DOMAIN.md is silent: a month split by an upgrade (Professional ->
 * Flagship) still has one line per measure, over all its paid days, since both
 * editions share the free quota and the price; the peak day named is the first day
 * the peak was reached; the line runs over the month's paid days and is priced by
 * the price-book version in force on its first day.
 */
import { LEGACY_OVERAGE } from './catalog';
import { type Day, formatDay, type MonthSpan } from './dates';
import { type LineSink, pushLine } from './lines';
import { decimalOfInt, formatPlain, timesInt } from './money';
import type { PriceTable } from './price-books';
import type { MonthUsage } from './usage';

export interface OverageRateOptions {
  sdkAppId: number;
  usage: MonthUsage;
  /** The month's paid days, inclusive. */
  from: Day;
  to: Day;
  month: MonthSpan;
  prices: PriceTable;
  out: LineSink;
}

/** Started units over the free quota: ceil(max(0, peak - free) / unit). */
export function overageUnits(peak: number, free: number, unit: number): number {
  return peak <= free ? 0 : Math.ceil((peak - free) / unit);
}

export function rateLegacyOverage({ sdkAppId, usage, from, to, month, prices, out }: OverageRateOptions): void {
  let peakDau = 0;
  let peakDauDay = 0;
  let peakGroups = 0;
  let peakGroupsDay = 0;
  for (let i = 0; i < usage.length; i++) {
    const day = usage.day[i] as Day;
    if (day < from || day > to) continue;
    const dau = usage.dau[i] as number;
    const groups = usage.peakGroups[i] as number;
    if (dau > peakDau) {
      peakDau = dau;
      peakDauDay = day;
    }
    if (groups > peakGroups) {
      peakGroups = groups;
      peakGroupsDay = day;
    }
  }
  const partial = from !== month.first || to !== month.last;
  const measures = [
    { code: 'DAU_OVERAGE', rule: LEGACY_OVERAGE.DAU, peak: peakDau, day: peakDauDay, measure: 'DAU' },
    { code: 'GROUP_OVERAGE', rule: LEGACY_OVERAGE.GROUP, peak: peakGroups, day: peakGroupsDay, measure: 'GROUPS' },
  ] as const;
  for (const m of measures) {
    const units = overageUnits(m.peak, m.rule.free, m.rule.unit);
    if (units === 0) continue;
    const price = prices.price(m.rule.priceKey, from);
    const quantity = decimalOfInt(units);
    pushLine(out, {
      sdkAppId,
      code: m.code,
      from,
      to,
      quantity,
      unitPrice: price,
      exact: timesInt(price, units),
      explanation: {
        key: 'overage',
        params: {
          measure: m.measure,
          peak: m.peak,
          peakOn: formatDay(m.day),
          ...(partial ? { paidFrom: formatDay(from), paidTo: formatDay(to) } : {}),
          over: m.peak - m.rule.free,
          free: m.rule.free,
          units,
          unit: m.rule.unit,
          price: formatPlain(price),
        },
      },
    });
  }
}
