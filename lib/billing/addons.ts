/**
 * L5: periodic add-ons (prepaid, legacy only), in their own cycles anchored at
 * their start, charged like packages (L1) and cut like packages (L3).
 *
 * - Not offered on Trial; AV_CHATROOM_UNLIMITED not on Flagship (already unlimited).
 * - A stop ends the add-on after the cycle that holds the stop date; no refund.
 * - An edition change on D cuts each running add-on cycle (credit dated D) and,
 *   unless the add-on was stopped or the new edition does not offer it, restarts
 *   it on D (new anchor) at the new edition's price. A migration cuts it for good.
 *
 * Choices where DOMAIN.md is silent: starting an add-on that is running is no
 * change, and cancels a pending stop (like re-requesting the held edition);
 * stopping one that already has a stop pending is no change; starting one after its
 * stop took effect buys new cycles anchored at the new start.
 */
import {
  ADDONS,
  EDITIONS,
  addonOffered,
  addonPriceKey,
  type LegacyEdition,
  type PaidLegacyEdition,
  type PeriodicAddon,
} from './catalog';
import { type PrepaidSpan, type SpanEnd, cutOf, cutParams, cycleHolding, cycleStartingIn } from './cycles';
import { type Day, OPEN_END, formatDay, type MonthSpan } from './dates';
import { BillingRuleError } from './errors';
import { type LineSink, pushLine } from './lines';
import { ONE, decimalOfInt, formatPlain, negate, prorate } from './money';
import type { PriceTable } from './price-books';

export interface AddonSpan extends PrepaidSpan {
  addon: PeriodicAddon;
  edition: PaidLegacyEdition;
  /** The day a stop was requested, when the span ended by a stop. */
  stoppedOn?: Day;
}

export interface OpenAddon {
  addon: PeriodicAddon;
  edition: PaidLegacyEdition;
  from: Day;
  /** Last day of the cycle that held the stop date, once a stop is requested. */
  stopEnd: Day | null;
  stoppedOn: Day | null;
}

export interface AddonState {
  open: Map<PeriodicAddon, OpenAddon>;
  spans: AddonSpan[];
}

export function newAddonState(): AddonState {
  return { open: new Map(), spans: [] };
}

function closeSpan(state: AddonState, open: OpenAddon, to: Day, end?: SpanEnd): void {
  if (to < open.from) return; // started and cut on the same day: no cycle ever existed
  const span: AddonSpan = { addon: open.addon, edition: open.edition, from: open.from, to };
  if (end !== undefined) span.end = end;
  if (open.stoppedOn !== null) span.stoppedOn = open.stoppedOn;
  state.spans.push(span);
}

/** Ends the add-ons whose stop took effect before `day`. */
export function expireAddons(state: AddonState, day: Day): void {
  for (const open of state.open.values()) {
    if (open.stopEnd !== null && open.stopEnd < day) {
      closeSpan(state, open, open.stopEnd);
      state.open.delete(open.addon);
    }
  }
}

export function notOfferedMessage(addon: PeriodicAddon, edition: LegacyEdition): string {
  const why = ADDONS[addon].notOfferedEn[edition];
  return `${addon} is not offered on ${EDITIONS[edition].nameEn}${why === undefined ? '' : `: ${why}`}`;
}

export interface AddonEventOptions {
  addon: PeriodicAddon;
  action: 'start' | 'stop';
  day: Day;
  edition: LegacyEdition;
  /** Path of the event, e.g. `apps[0].events[2]`. */
  path: string;
}

/** Applies a start or stop (after `expireAddons(state, day)`); throws when the rule refuses it. */
export function applyAddonEvent(state: AddonState, { addon, action, day, edition, path }: AddonEventOptions): void {
  const open = state.open.get(addon);
  if (action === 'start') {
    if (!addonOffered(addon, edition)) throw new BillingRuleError(`${path}.addon`, notOfferedMessage(addon, edition));
    if (open !== undefined) {
      open.stopEnd = null;
      open.stoppedOn = null;
      return;
    }
    state.open.set(addon, { addon, edition, from: day, stopEnd: null, stoppedOn: null });
    return;
  }
  if (open === undefined) {
    throw new BillingRuleError(`${path}.action`, `${addon} is not active on ${formatDay(day)}, so it cannot be stopped`);
  }
  if (open.stopEnd !== null) return;
  open.stopEnd = cycleHolding(open.from, day).end;
  open.stoppedOn = day;
}

/**
 * An edition change (or migration, `newEdition` null) on `end.on`: cut every
 * running add-on and restart the ones the new edition offers and that were not stopped.
 */
export function cutAddons(state: AddonState, end: SpanEnd, newEdition: LegacyEdition | null): void {
  expireAddons(state, end.on);
  for (const open of [...state.open.values()]) {
    closeSpan(state, open, end.on - 1, end);
    state.open.delete(open.addon);
    if (newEdition !== null && open.stopEnd === null && addonOffered(open.addon, newEdition)) {
      state.open.set(open.addon, { addon: open.addon, edition: newEdition, from: end.on, stopEnd: null, stoppedOn: null });
    }
  }
}

/** Closes what is still open when the events run out. */
export function finishAddons(state: AddonState): void {
  for (const open of state.open.values()) closeSpan(state, open, open.stopEnd ?? OPEN_END);
  state.open.clear();
  state.spans.sort((a, b) => a.from - b.from || (a.addon < b.addon ? -1 : a.addon > b.addon ? 1 : 0));
}

export interface AddonRateOptions {
  sdkAppId: number;
  spans: readonly AddonSpan[];
  month: MonthSpan;
  prices: PriceTable;
  out: LineSink;
}

export function rateAddons({ sdkAppId, spans, month, prices, out }: AddonRateOptions): void {
  for (const span of spans) {
    const key = addonPriceKey(span.addon, span.edition);
    const cycle = cycleStartingIn(span, month);
    if (cycle !== null) {
      const price = prices.price(key, cycle.start);
      const last = span.stoppedOn !== undefined && span.end === undefined && cycle.end === span.to;
      pushLine(out, {
        sdkAppId,
        code: 'ADDON',
        edition: span.edition,
        addon: span.addon,
        from: cycle.start,
        to: cycle.end,
        quantity: ONE,
        unitPrice: price,
        exact: price,
        explanation: {
          key: 'addon.cycle',
          params: {
            addon: span.addon,
            edition: span.edition,
            from: formatDay(cycle.start),
            to: formatDay(cycle.end),
            anchor: formatDay(span.from),
            ...(last ? { stopRequestedOn: formatDay(span.stoppedOn as Day) } : {}),
            price: formatPlain(price),
          },
        },
      });
    }
    const cut = cutOf(span);
    if (cut !== null && cut.end.creditOn >= month.first && cut.end.creditOn <= month.last) {
      const price = prices.price(key, cut.cycle.start);
      pushLine(out, {
        sdkAppId,
        code: 'ADDON_CREDIT',
        edition: span.edition,
        addon: span.addon,
        from: cut.end.on,
        to: cut.cycle.end,
        quantity: decimalOfInt(-cut.days),
        unitPrice: price,
        exact: negate(prorate(price, cut.days, cut.ofDays)),
        explanation: { key: 'addon.credit', params: { addon: span.addon, edition: span.edition, ...cutParams(cut, price) } },
      });
    }
  }
}
