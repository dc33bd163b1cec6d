/**
 * L7: barrage bandwidth of audio/video chat rooms (postpaid, daily, legacy).
 *
 * For each day on a paid edition: the day's peak Mbps x 2 (domestic) and x 4
 * (international). Two lines per app and month, each only when non-zero:
 * quantity = the sum of the daily peaks (Mbps-days), amount = quantity x price.
 *
 * The daily peaks are summed as exact integer millionths of a Mbps (no Decimal in
 * the per-day loop); values with more than 6 decimals, or sums beyond 2^53
 * millionths, fall back to Decimal, so the result is exact either way.
 * Choice where DOMAIN.md is silent: a month in which a new price-book version takes
 * effect gets one line per version (each day is priced by the version in force).
 */
import type Decimal from 'decimal.js';
import { type Day, formatDay, type MonthSpan } from './dates';
import { type LineSink, pushLine } from './lines';
import { ZERO, formatPlain, microsToDecimal } from './money';
import type { PriceTable } from './price-books';
import type { MonthUsage } from './usage';

export interface BarrageRateOptions {
  sdkAppId: number;
  usage: MonthUsage;
  /** The month's paid days, inclusive. */
  from: Day;
  to: Day;
  month: MonthSpan;
  prices: PriceTable;
  out: LineSink;
}

interface Sum {
  micros: number;
  exact: Decimal | null;
  days: number;
}

function add(sum: Sum, micros: number, exact: Decimal | null): void {
  if (micros === 0) return;
  sum.days += 1;
  if (micros > 0) {
    const next = sum.micros + micros;
    if (Number.isSafeInteger(next)) {
      sum.micros = next;
      return;
    }
    sum.exact = (sum.exact ?? ZERO).plus(microsToDecimal(micros));
    return;
  }
  if (exact !== null && !exact.isZero()) sum.exact = (sum.exact ?? ZERO).plus(exact);
  else sum.days -= 1;
}

function total(sum: Sum): Decimal {
  const fast = sum.micros === 0 ? ZERO : microsToDecimal(sum.micros);
  return sum.exact === null ? fast : fast.plus(sum.exact);
}

export function rateBarrage({ sdkAppId, usage, from, to, prices, out }: BarrageRateOptions): void {
  prices.forEachRun(from, to, (runFrom, runTo) => {
    const domestic: Sum = { micros: 0, exact: null, days: 0 };
    const intl: Sum = { micros: 0, exact: null, days: 0 };
    for (let i = 0; i < usage.length; i++) {
      const day = usage.day[i] as Day;
      if (day < runFrom || day > runTo) continue;
      add(domestic, usage.domMicros[i] as number, usage.domExact?.[i] ?? null);
      add(intl, usage.intlMicros[i] as number, usage.intlExact?.[i] ?? null);
    }
    const kinds = [
      { sum: domestic, key: 'BARRAGE.DOMESTIC', direction: 'DOMESTIC', sub: 0 },
      { sum: intl, key: 'BARRAGE.INTL', direction: 'INTERNATIONAL', sub: 1 },
    ] as const;
    for (const kind of kinds) {
      if (kind.sum.days === 0) continue;
      const quantity = total(kind.sum);
      if (quantity.isZero()) continue;
      const price = prices.price(kind.key, runFrom);
      pushLine(out, {
        sdkAppId,
        code: 'BARRAGE_BANDWIDTH',
        from: runFrom,
        to: runTo,
        quantity,
        unitPrice: price,
        exact: quantity.mul(price),
        sub: kind.sub,
        explanation: {
          key: 'barrage',
          params: {
            direction: kind.direction,
            from: formatDay(runFrom),
            to: formatDay(runTo),
            days: kind.sum.days,
            mbpsDays: formatPlain(quantity),
            price: formatPlain(price),
          },
        },
      });
    }
  });
}
