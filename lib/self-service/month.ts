import 'server-only';
import { CURRENT_MAU_OVERAGE, LEGACY_OVERAGE, type AddonCode, type Edition, type Scheme } from '../billing/catalog';
import { addDays, monthBounds, monthOf } from '../billing/dates';
import { isBillingRuleError } from '../billing/errors';
import { rateAccount } from '../billing/rate';
import { serializeInvoice, type InvoiceJson, type InvoiceLineJson } from '../billing/serialize';
import type { Explanation } from '../billing/types';
import { appStateOn } from '../billing/state';
import { db } from '../db/client';
import { loadAccountInput, loadPriceBooks } from '../rating/inputs';

/** How far ahead the "this month" view lists prepaid renewals. */
export const RENEWAL_WINDOW_DAYS = 30;

export type MonthDay = {
  date: string;
  dau: number | null;
  peakGroups: number | null;
  mau: number | null;
  /** Mbps as decimal strings (a chart reads them as numbers; they are measures, not money). */
  barrageDomesticMbps: string | null;
  barrageIntlMbps: string | null;
};

export type MonthApp = { sdkAppId: string; name: string; edition: Edition; paid: boolean; days: MonthDay[] };

export type Renewal = { sdkAppId: string; name: string; on: string; kind: 'PACKAGE'; edition: Edition } | { sdkAppId: string; name: string; on: string; kind: 'ADDON'; addon: AddonCode; edition: Edition };

/** The engine's invoice with each line's explanation kept as data, for the page to render in the viewer's language. */
export type EstimateInvoice = Omit<InvoiceJson, 'lines'> & { lines: (InvoiceLineJson & { explanation: Explanation })[] };

export type MonthToDate = {
  month: string;
  today: string;
  scheme: Scheme;
  quotas: { dau: number; peakGroups: number; mau: number };
  apps: MonthApp[];
  /** The month rated as if it ended today, or why it could not be. */
  estimate: { ok: true; invoice: EstimateInvoice } | { ok: false; error: string };
  renewals: Renewal[];
};

/**
 * The customer's month so far: each app's daily usage, the invoice the engine would write for the
 * month from what is recorded up to today (the billing run's loader and engine, nothing of its
 * own), and the prepaid cycles that renew in the next 30 days. Null when the account is gone.
 */
export async function getMonthToDate(accountId: number, today: string): Promise<MonthToDate | null> {
  const month = monthOf(today);
  const { from } = monthBounds(month);
  const [loaded, priceBooks, names] = await Promise.all([
    loadAccountInput(accountId, from, today),
    loadPriceBooks(),
    db.app.findMany({ where: { accountId }, select: { sdkAppId: true, name: true }, orderBy: { sdkAppId: 'asc' } }),
  ]);
  if (!loaded) return null;
  const nameOf = new Map(names.map((a) => [a.sdkAppId.toString(), a.name]));
  const horizon = addDays(today, RENEWAL_WINDOW_DAYS);
  const apps: MonthApp[] = [];
  const renewals: Renewal[] = [];
  for (const app of loaded.input.apps) {
    const sdkAppId = String(app.sdkAppId);
    const name = nameOf.get(sdkAppId) ?? sdkAppId;
    const state = appStateOn({ scheme: loaded.input.scheme, migration: loaded.input.migration, sdkAppId: app.sdkAppId, events: app.events }, today);
    const days: MonthDay[] = [...app.usage]
      .filter((u) => u.date >= from && u.date <= today)
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .map((u) => ({
        date: u.date,
        dau: u.dau ?? null,
        peakGroups: u.peakGroups ?? null,
        mau: u.mau ?? null,
        barrageDomesticMbps: u.barrageDomesticMbps === undefined ? null : String(u.barrageDomesticMbps),
        barrageIntlMbps: u.barrageIntlMbps === undefined ? null : String(u.barrageIntlMbps),
      }));
    const paid = !['TRIAL', 'DEVELOPER'].includes(state.edition);
    apps.push({ sdkAppId, name, edition: state.edition, paid, days });
    // A migration taking effect ends every legacy cycle: nothing renews from then on.
    const endsBy = state.migration?.effectiveOn;
    const renews = (on: string) => on <= horizon && (endsBy === undefined || on < endsBy);
    if (state.currentCycle) {
      const on = addDays(state.currentCycle.to, 1);
      const edition = state.pendingDowngrade && state.pendingDowngrade.effectiveOn <= on ? state.pendingDowngrade.edition : state.edition;
      if (renews(on)) renewals.push({ sdkAppId, name, on, kind: 'PACKAGE', edition });
    }
    for (const addon of state.addons) {
      if (addon.stopsAfter !== undefined) continue;
      const on = addDays(addon.cycle.to, 1);
      if (renews(on)) renewals.push({ sdkAppId, name, on, kind: 'ADDON', addon: addon.code, edition: addon.edition });
    }
  }
  let estimate: MonthToDate['estimate'];
  try {
    const [invoice] = rateAccount(loaded.input, [month], priceBooks);
    const json = serializeInvoice(invoice!);
    estimate = { ok: true, invoice: { ...json, lines: json.lines.map((line, i) => ({ ...line, explanation: invoice!.lines[i]!.explanation })) } };
  } catch (error) {
    if (!isBillingRuleError(error)) throw error;
    estimate = { ok: false, error: error.describe() };
  }
  renewals.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return {
    month,
    today,
    scheme: loaded.scheme,
    quotas: { dau: LEGACY_OVERAGE.DAU.free, peakGroups: LEGACY_OVERAGE.GROUP.free, mau: CURRENT_MAU_OVERAGE.free },
    apps,
    estimate,
    renewals,
  };
}
