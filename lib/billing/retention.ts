/**
 * L6: history retention extension (postpaid, legacy only).
 *
 * Tiers 30/90/180/360 days, priced per month by edition. Active from its start
 * date; a stop on D makes D-1 the last day; a new tier replaces the old from its
 * date. Each month, every maximal run of days with one edition and one tier is a
 * line `price * days / days_in_month`. Not offered on Trial.
 *
 * Choices where DOMAIN.md is silent: starting the tier already held is no change;
 * a run priced 0 (Flagship's 30-day tier is free) produces no line; a migration
 * ends the tier on E-1 like every legacy postpaid item; a run also splits where a
 * new price-book version takes effect.
 */
import { RETENTION_TIERS, isRetentionDays, retentionPriceKey, type LegacyEdition, type RetentionDays } from './catalog';
import type { LegacyEditionSpan } from './cycles';
import { type Day, OPEN_END, formatDay, type MonthSpan } from './dates';
import { BillingRuleError } from './errors';
import { type LineSink, pushLine } from './lines';
import { decimalOfInt, formatPlain, prorate } from './money';
import type { PriceTable } from './price-books';

export interface RetentionSpan {
  days: RetentionDays;
  from: Day;
  /** Inclusive; OPEN_END while running. */
  to: Day;
}

export interface RetentionState {
  open: { days: RetentionDays; from: Day } | null;
  spans: RetentionSpan[];
}

export function newRetentionState(): RetentionState {
  return { open: null, spans: [] };
}

function close(state: RetentionState, to: Day): void {
  const open = state.open;
  if (open === null) return;
  if (to >= open.from) state.spans.push({ days: open.days, from: open.from, to });
  state.open = null;
}

export const RETENTION_TIER_MESSAGE = `retention tier must be ${RETENTION_TIERS.slice(0, -1).join(', ')} or ${RETENTION_TIERS[RETENTION_TIERS.length - 1]} days`;

export interface RetentionEventOptions {
  action: 'start' | 'stop';
  days: number | undefined;
  day: Day;
  edition: LegacyEdition;
  path: string;
}

export function applyRetentionEvent(state: RetentionState, { action, days, day, edition, path }: RetentionEventOptions): void {
  if (action === 'start') {
    if (days === undefined) throw new BillingRuleError(`${path}.days`, `a HISTORY_RETENTION start needs days (${RETENTION_TIERS.join(', ')})`);
    if (!isRetentionDays(days)) throw new BillingRuleError(`${path}.days`, `${RETENTION_TIER_MESSAGE}, not ${days}`);
    if (edition === 'TRIAL') {
      throw new BillingRuleError(`${path}.addon`, 'HISTORY_RETENTION is not offered on Trial: add-ons need Professional or Flagship');
    }
    if (state.open !== null && state.open.days === days) return;
    close(state, day - 1);
    // A day's tier is the one held at its end: the tier that ended yesterday (replaced or
    // stopped today) and is started again today runs on, one run and one line.
    const last = state.spans[state.spans.length - 1];
    if (last !== undefined && last.to === day - 1 && last.days === days) {
      state.spans.pop();
      state.open = { days, from: last.from };
    } else {
      state.open = { days, from: day };
    }
    return;
  }
  if (days !== undefined) throw new BillingRuleError(`${path}.days`, 'a HISTORY_RETENTION stop takes no days');
  if (state.open === null) {
    throw new BillingRuleError(`${path}.action`, `HISTORY_RETENTION is not active on ${formatDay(day)}, so it cannot be stopped`);
  }
  close(state, day - 1);
}

/** Ends the running tier on `lastDay` (E-1 for a migration, OPEN_END otherwise). */
export function finishRetention(state: RetentionState, lastDay: Day = OPEN_END): void {
  close(state, lastDay);
}

export interface RetentionRateOptions {
  sdkAppId: number;
  spans: readonly RetentionSpan[];
  editions: readonly LegacyEditionSpan[];
  month: MonthSpan;
  prices: PriceTable;
  out: LineSink;
}

export function rateRetention({ sdkAppId, spans, editions, month, prices, out }: RetentionRateOptions): void {
  for (const tier of spans) {
    if (tier.to < month.first || tier.from > month.last) continue;
    for (const span of editions) {
      const edition = span.edition;
      if (edition === 'TRIAL') continue;
      const from = Math.max(tier.from, span.from, month.first);
      const to = Math.min(tier.to, span.to, month.last);
      if (from > to) continue;
      prices.forEachRun(from, to, (runFrom, runTo) => {
        const price = prices.price(retentionPriceKey(tier.days, edition), runFrom);
        if (price.isZero()) return;
        const days = runTo - runFrom + 1;
        pushLine(out, {
          sdkAppId,
          code: 'HISTORY_RETENTION',
          edition,
          from: runFrom,
          to: runTo,
          quantity: decimalOfInt(days),
          unitPrice: price,
          exact: prorate(price, days, month.days),
          explanation: {
            key: 'retention',
            params: {
              tier: tier.days,
              edition,
              from: formatDay(runFrom),
              to: formatDay(runTo),
              price: formatPlain(price),
              days,
              ofDays: month.days,
            },
          },
        });
      });
    }
  }
}
