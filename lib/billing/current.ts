/**
 * C1-C2: the current scheme (USD, postpaid).
 *
 * C1 Developer 0, Standard 399, Pro 699 per month, charged for each run of days
 *    on one paid edition: price * days / days_in_month, one line per run. Edition
 *    changes in any direction take effect on their date.
 * C2 The month's MAU is the highest cumulative MAU reported in it. If the app is on
 *    Standard or Pro on the month's last day: max(0, MAU - 10,000) * 0.015.
 *    Developer apps are capped, never billed.
 *
 * Choices where DOMAIN.md is silent: only rows that report `mau` count; in the
 * month a migration takes effect (and, for current accounts, before the scheme
 * opened on 2022-12-26) MAU counts from the first current day; requesting the
 * edition held is no change; usage fields of the legacy scheme (DAU, groups,
 * barrage) are ignored on current months; PCC is recorded but waived, never billed.
 */
import { CURRENT_MAU_OVERAGE, LEGACY_CLOSED_AT, isPaidCurrentEdition, packagePriceKey, type CurrentEdition } from './catalog';
import { type Day, OPEN_END, formatDay, parseDay, type MonthSpan } from './dates';
import { type LineSink, pushLine } from './lines';
import { decimalOfInt, formatPlain, prorate, timesInt } from './money';
import type { PriceTable } from './price-books';
import type { MonthUsage } from './usage';

/** The day the current scheme opened. */
export const CURRENT_OPENED: Day = parseDay(LEGACY_CLOSED_AT) as Day;

export interface CurrentEditionSpan {
  edition: CurrentEdition;
  from: Day;
  /** Inclusive; OPEN_END for the edition held now. */
  to: Day;
}

/** Edition runs of an app on the current scheme, built event by event. */
export class CurrentEditionBuilder {
  readonly spans: CurrentEditionSpan[] = [];
  edition: CurrentEdition;
  since: Day;

  constructor(edition: CurrentEdition, since: Day) {
    this.edition = edition;
    this.since = since;
  }

  /**
   * C1: any change takes effect on its date; the held edition is no change. A day's edition is
   * the one held at its end (DOMAIN.md section 3): an edition that began today and is replaced
   * today was never held, and restoring the edition held yesterday continues its run.
   */
  request(edition: CurrentEdition, day: Day): void {
    if (edition === this.edition) return;
    if (day > this.since) {
      this.spans.push({ edition: this.edition, from: this.since, to: day - 1 });
    } else {
      const last = this.spans[this.spans.length - 1];
      if (last !== undefined && last.to === day - 1 && last.edition === edition) {
        this.spans.pop();
        this.edition = edition;
        this.since = last.from;
        return;
      }
    }
    this.edition = edition;
    this.since = day;
  }

  finish(): CurrentEditionSpan[] {
    this.spans.push({ edition: this.edition, from: this.since, to: OPEN_END });
    return this.spans;
  }
}

export function currentEditionOn(spans: readonly CurrentEditionSpan[], day: Day): CurrentEdition | null {
  for (const span of spans) if (span.from <= day && day <= span.to) return span.edition;
  return null;
}

export interface CurrentRateOptions {
  sdkAppId: number;
  spans: readonly CurrentEditionSpan[];
  /** First day billed on the current scheme (E after a migration). */
  schemeFrom: Day;
  usage: MonthUsage;
  month: MonthSpan;
  prices: PriceTable;
  out: LineSink;
}

export function rateCurrentPackages({ sdkAppId, spans, month, prices, out }: CurrentRateOptions): void {
  for (const span of spans) {
    const edition = span.edition;
    if (!isPaidCurrentEdition(edition)) continue;
    const from = Math.max(span.from, month.first);
    const to = Math.min(span.to, month.last);
    if (from > to) continue;
    prices.forEachRun(from, to, (runFrom, runTo) => {
      const price = prices.price(packagePriceKey(edition), runFrom);
      const days = runTo - runFrom + 1;
      pushLine(out, {
        sdkAppId,
        code: 'PACKAGE',
        edition,
        from: runFrom,
        to: runTo,
        quantity: decimalOfInt(days),
        unitPrice: price,
        exact: prorate(price, days, month.days),
        explanation: {
          key: 'current.package',
          params: { edition, from: formatDay(runFrom), to: formatDay(runTo), price: formatPlain(price), days, ofDays: month.days },
        },
      });
    });
  }
}

export function rateMauOverage({ sdkAppId, spans, schemeFrom, usage, month, prices, out }: CurrentRateOptions): void {
  const edition = currentEditionOn(spans, month.last);
  if (edition === null || !isPaidCurrentEdition(edition)) return;
  const from = Math.max(month.first, schemeFrom, CURRENT_OPENED);
  if (from > month.last) return;
  let mau = 0;
  let mauDay = 0;
  for (let i = 0; i < usage.length; i++) {
    const day = usage.day[i] as Day;
    if (day < from || day > month.last) continue;
    if ((usage.mau[i] as number) > mau) {
      mau = usage.mau[i] as number;
      mauDay = day;
    }
  }
  const over = mau - CURRENT_MAU_OVERAGE.free;
  if (over <= 0) return;
  const price = prices.price(CURRENT_MAU_OVERAGE.priceKey, from);
  const quantity = decimalOfInt(over);
  pushLine(out, {
    sdkAppId,
    code: 'MAU_OVERAGE',
    edition,
    from,
    to: month.last,
    quantity,
    unitPrice: price,
    exact: timesInt(price, over),
    explanation: {
      key: 'mau',
      params: {
        mau,
        month: month.key,
        reportedOn: formatDay(mauDay),
        over,
        free: CURRENT_MAU_OVERAGE.free,
        price: formatPlain(price),
        edition,
        lastDay: formatDay(month.last),
      },
    },
  });
}
