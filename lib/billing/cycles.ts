/**
 * L1-L3: prepaid package cycles, legacy edition changes, cutting a cycle.
 *
 * L1 A paid edition held from S is bought in cycles anchored at S: cycle k runs
 *    from A_k = S + k months (day kept, clamped to the month's end) to A_(k+1) - 1,
 *    and is charged in full on the invoice of the month holding A_k.
 * L2 Trial -> paid: from the request date. Professional -> Flagship: immediate.
 *    Flagship -> Professional: the day after the Flagship cycle holding the request
 *    ends. Paid -> Trial: refused. Requesting the held edition: no change, and it
 *    cancels a pending downgrade.
 * L3 An edition ending on D cuts the cycle with start < D <= end: a credit of
 *    price * days(D, end) / days(start, end), dated D; later cycles never exist.
 *
 * The same cycle arithmetic serves the periodic add-ons (L5, addons.ts).
 */
import type Decimal from 'decimal.js';
import { EDITIONS, packagePriceKey, type LegacyEdition, type PaidLegacyEdition } from './catalog';
import { type Day, OPEN_END, addMonthsClamped, daysInclusive, formatDay, monthIndexOfDay, type MonthSpan } from './dates';
import { type LineSink, pushLine } from './lines';
import { ONE, decimalOfInt, formatPlain, negate, prorate } from './money';
import type { PriceTable } from './price-books';
import type { CutParams, CutReason } from './types';

export interface Cycle {
  start: Day;
  end: Day;
}

/** Cycle k of an anchor (k = 0 starts on the anchor). */
export function cycleOf(anchor: Day, k: number): Cycle {
  return { start: addMonthsClamped(anchor, k), end: addMonthsClamped(anchor, k + 1) - 1 };
}

/** The cycle of `anchor` that holds `day` (day >= anchor). */
export function cycleHolding(anchor: Day, day: Day): Cycle {
  let k = monthIndexOfDay(day) - monthIndexOfDay(anchor);
  if (addMonthsClamped(anchor, k) > day) k -= 1;
  return cycleOf(anchor, Math.max(k, 0));
}

/** Why and when a prepaid run ended early; its running cycle is cut at `on`. */
export interface SpanEnd {
  /** D: the first day no longer held. */
  on: Day;
  /** The day the credit is dated: D, or E-1 for a migration (DOMAIN section 7). */
  creditOn: Day;
  /** Why, for the explanation of the credit. */
  reason: CutReason;
}

/** A run of prepaid cycles anchored at `from`, held until `to` (inclusive; OPEN_END while running). */
export interface PrepaidSpan {
  from: Day;
  to: Day;
  /** Set when a change cut the span short (upgrade, downgrade, migration). */
  end?: SpanEnd;
}

/** The span's cycle that starts in `month`, if it exists (at most one does). */
export function cycleStartingIn(span: PrepaidSpan, month: MonthSpan): Cycle | null {
  const k = month.index - monthIndexOfDay(span.from);
  if (k < 0) return null;
  const cycle = cycleOf(span.from, k);
  return cycle.start <= span.to ? cycle : null;
}

export interface CycleCut {
  cycle: Cycle;
  /** Days credited: days(D, end). */
  days: number;
  /** Days of the cycle: days(start, end). */
  ofDays: number;
  end: SpanEnd;
}

/** L3: the credit owed when the span ended inside a cycle; none when it ended on a cycle boundary. */
export function cutOf(span: PrepaidSpan): CycleCut | null {
  if (span.end === undefined || span.to === OPEN_END) return null;
  const cycle = cycleHolding(span.from, span.to);
  if (cycle.end <= span.to) return null;
  return {
    cycle,
    days: daysInclusive(span.to + 1, cycle.end),
    ofDays: daysInclusive(cycle.start, cycle.end),
    end: span.end,
  };
}

export interface LegacyEditionSpan extends PrepaidSpan {
  edition: LegacyEdition;
}

export interface PendingDowngrade {
  edition: 'PROFESSIONAL';
  requestedOn: Day;
  effectiveOn: Day;
}

export type LegacyEditionDecision =
  | { kind: 'none' }
  | { kind: 'cancel-downgrade' }
  | { kind: 'change'; to: PaidLegacyEdition; reason: CutReason }
  | { kind: 'schedule-downgrade'; pending: PendingDowngrade }
  | { kind: 'refuse'; message: string };

/** L2: what a request for `requested` on `day` does to an app holding `held` since `heldFrom`. */
export function decideLegacyEdition(options: {
  held: LegacyEdition;
  heldFrom: Day;
  pending: PendingDowngrade | null;
  requested: LegacyEdition;
  day: Day;
}): LegacyEditionDecision {
  const { held, heldFrom, pending, requested, day } = options;
  if (requested === held) return pending === null ? { kind: 'none' } : { kind: 'cancel-downgrade' };
  if (requested === 'TRIAL') {
    return {
      kind: 'refuse',
      message: `Paid -> Trial is refused: create a new app instead (the app holds ${EDITIONS[held].nameEn} on ${formatDay(day)})`,
    };
  }
  if (held === 'TRIAL') return { kind: 'change', to: requested, reason: { kind: 'trial-change', to: requested } };
  if (held === 'PROFESSIONAL') return { kind: 'change', to: 'FLAGSHIP', reason: { kind: 'upgrade' } };
  // Flagship -> Professional: after the Flagship cycle holding the request date.
  if (pending !== null) return { kind: 'none' };
  const cycle = cycleHolding(heldFrom, day);
  return { kind: 'schedule-downgrade', pending: { edition: 'PROFESSIONAL', requestedOn: day, effectiveOn: cycle.end + 1 } };
}

export interface PackageRateOptions {
  sdkAppId: number;
  spans: readonly LegacyEditionSpan[];
  month: MonthSpan;
  prices: PriceTable;
  out: LineSink;
}

/** The explanation's figures of a cut (L3) at `price`. */
export function cutParams(cut: CycleCut, price: Decimal): CutParams {
  return {
    from: formatDay(cut.cycle.start),
    to: formatDay(cut.cycle.end),
    cutOn: formatDay(cut.end.on),
    reason: cut.end.reason,
    price: formatPlain(price),
    days: cut.days,
    ofDays: cut.ofDays,
  };
}

/** L1 charges for cycles starting in the month, and L3 credits dated in it. */
export function rateLegacyPackages({ sdkAppId, spans, month, prices, out }: PackageRateOptions): void {
  for (const span of spans) {
    if (span.edition === 'TRIAL') continue;
    const edition = span.edition;
    const key = packagePriceKey(edition);
    const cycle = cycleStartingIn(span, month);
    if (cycle !== null) {
      const price = prices.price(key, cycle.start);
      pushLine(out, {
        sdkAppId,
        code: 'PACKAGE',
        edition,
        from: cycle.start,
        to: cycle.end,
        quantity: ONE,
        unitPrice: price,
        exact: price,
        explanation: {
          key: 'package.cycle',
          params: { edition, from: formatDay(cycle.start), to: formatDay(cycle.end), anchor: formatDay(span.from), price: formatPlain(price) },
        },
      });
    }
    const cut = cutOf(span);
    if (cut !== null && cut.end.creditOn >= month.first && cut.end.creditOn <= month.last) {
      const price = prices.price(key, cut.cycle.start);
      pushLine(out, {
        sdkAppId,
        code: 'PACKAGE_CREDIT',
        edition,
        from: cut.end.on,
        to: cut.cycle.end,
        quantity: decimalOfInt(-cut.days),
        unitPrice: price,
        exact: negate(prorate(price, cut.days, cut.ofDays)),
        explanation: { key: 'package.credit', params: { edition, ...cutParams(cut, price) } },
      });
    }
  }
}
