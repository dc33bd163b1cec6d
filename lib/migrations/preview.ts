import 'server-only';
import Decimal from 'decimal.js';
import {
  BillingRuleError,
  EDITIONS,
  appStateOn,
  diffInvoices,
  effectiveLimits,
  fallingLimits,
  monthBounds,
  monthOf,
  rateAccount,
  lineData,
  type AddonCode,
  type CurrentEdition,
  type Explanation,
  type Invoice,
  type PriceBook,
} from '../billing';
import type { LegacyEdition, LimitValue } from '../billing/catalog';
import type { AppState } from '../billing/state';
import { BILLING_TIME_ZONE } from '../clock';
import { DomainError } from '../errors';
import { loadAccountInput, loadPriceBooks, type LoadedAccount, type Queryable } from '../rating/inputs';
import { buildCurrentPreviewInput, defaultEditions, migrationDates, previewMonths, reportsMau, totalsByApp } from './rerate';
import { previewToken, type PreviewBasis, type TokenParts } from './token';

export type MoneyColumn = { currency: 'CNY' | 'USD'; byMonth: string[]; total: string };

export type FallingLimitFigure = {
  key: string;
  labelEn: string;
  labelZh: string;
  before: LimitValue;
  after: LimitValue;
  /** The add-on that held the limit up on the legacy side, if any. */
  raisedBy?: AddonCode;
};

/**
 * `explanation` is rendered in the reader's language; figures stored before explanations were
 * data have only `explain`, the English text.
 */
export type CreditFigure = { amount: string; from: string; to: string; datedOn: string; explain: string; explanation?: Explanation };

/** A legacy item that ends with the migration: the package, a periodic add-on, the retention tier. */
export type EndingFigure = {
  kind: 'PACKAGE' | 'ADDON' | 'RETENTION';
  edition: LegacyEdition;
  addon?: AddonCode;
  retentionDays?: number;
  /** The prepaid cycle running on E-1. */
  cycle?: { from: string; to: string };
  /** A stop already requested: the last day it is held. */
  stopsAfter?: string;
  /** The credit the migration produces (cycles running over E), dated E-1. */
  credit?: CreditFigure;
};

export type PreviewAppFigures = {
  sdkAppId: string;
  name: string;
  dataCenter: string;
  /** The legacy edition held on E-1. */
  heldEdition: LegacyEdition;
  pendingDowngrade?: { edition: string; effectiveOn: string };
  defaultEdition: CurrentEdition;
  edition: CurrentEdition;
  legacy: MoneyColumn;
  current: MoneyColumn;
  /** Legacy apps usually report DAU, not MAU: then MAU overage cannot be estimated. */
  mauReported: boolean;
  fallingLimits: FallingLimitFigure[];
  ending: EndingFigure[];
};

/** What the preview shows and stores on the ticket (previewFigures): plain JSON, amounts as strings. */
export type PreviewFigures = {
  version: 1;
  computedOn: string;
  /** E if executed in the month of `computedOn`. */
  effectiveOn: string;
  lastLegacyDay: string;
  months: string[];
  apps: PreviewAppFigures[];
  account: { legacy: MoneyColumn; current: MoneyColumn };
  /** Credits of the cut cycles, all dated E-1, on the last legacy invoice. */
  credits: { month: string; total: string; currency: 'CNY' };
  tokenParts: TokenParts;
};

export type ComputedPreview = { figures: PreviewFigures; token: string; editions: Record<string, CurrentEdition> };

export type ComputePreviewOptions = {
  accountId: number;
  monthCount: number;
  /** The manager's choices; apps left out get the default mapping. */
  chosen?: Readonly<Record<string, CurrentEdition>>;
  today: string;
};

type AppMeta = { sdkAppId: bigint; name: string; dataCenter: string; createdOn: string };

function ruleConflict(error: unknown, what: string): never {
  if (error instanceof BillingRuleError) {
    throw new DomainError('conflict', 'error.engine.ruleConflict', { params: { what, detail: error.describe() }, field: error.field });
  }
  throw error;
}

function column(currency: 'CNY' | 'USD', byMonth: readonly Decimal[], total: Decimal): MoneyColumn {
  return { currency, byMonth: byMonth.map((d) => d.toFixed(2)), total: total.toFixed(2) };
}

function invoicesColumn(invoices: readonly Invoice[], currency: 'CNY' | 'USD'): MoneyColumn {
  const byMonth = invoices.map((inv) => new Decimal(inv.total.toString()));
  return column(currency, byMonth, byMonth.reduce((a, b) => a.plus(b), new Decimal(0)));
}

async function loadAppMeta(q: Queryable, accountId: number): Promise<AppMeta[]> {
  return q.$queryRaw<AppMeta[]>`
    SELECT "sdkAppId", "name", "dataCenter"::text AS "dataCenter",
           to_char("createdAt" AT TIME ZONE ${BILLING_TIME_ZONE}, 'YYYY-MM-DD') AS "createdOn"
      FROM "App" WHERE "accountId" = ${accountId} ORDER BY "sdkAppId"`;
}

type Loaded = {
  account: LoadedAccount;
  apps: AppMeta[];
  priceBooks: PriceBook[];
  currency: string;
  months: string[];
  effectiveOn: string;
  lastLegacyDay: string;
};

async function loadBasis(q: Queryable, { accountId, monthCount, today }: ComputePreviewOptions): Promise<Loaded> {
  const months = previewMonths(today, monthCount);
  const { effectiveOn, lastLegacyDay } = migrationDates(today);
  const from = monthBounds(months[0] as string).from;
  const to = monthBounds(months[months.length - 1] as string).to;
  const [account, apps, priceBooks, currencyRows] = await Promise.all([
    loadAccountInput(accountId, from, to, q),
    loadAppMeta(q, accountId),
    loadPriceBooks(q),
    q.$queryRaw<{ currency: string }[]>`SELECT "currency"::text AS "currency" FROM "Account" WHERE "id" = ${accountId}`,
  ]);
  if (!account) throw new DomainError('not_found', 'error.account.notFound', { params: { accountId }, field: 'accountId' });
  if (account.scheme !== 'LEGACY' || account.migration !== null) {
    throw new DomainError('conflict', 'error.ticket.alreadyCurrent', { params: { accountId } });
  }
  return { account, apps, priceBooks, currency: currencyRows[0]?.currency ?? '', months, effectiveOn, lastLegacyDay };
}

function basisOf(loaded: Loaded, editions: Record<string, CurrentEdition>): PreviewBasis {
  const { account, apps } = loaded;
  return {
    account: { id: account.accountId, scheme: account.scheme, currency: loaded.currency },
    apps: apps.map((a) => ({ sdkAppId: a.sdkAppId, createdOn: a.createdOn })),
    events: account.input.apps.map((a) => ({ sdkAppId: a.sdkAppId, events: a.events })),
    usage: account.input.apps.map((a) => ({ sdkAppId: a.sdkAppId, usage: a.usage })),
    editions,
    months: loaded.months,
    priceBooks: loaded.priceBooks.map((b) => ({ id: b.id, scheme: b.scheme, version: b.version, effectiveFrom: b.effectiveFrom, prices: b.prices })),
    effectiveOn: loaded.effectiveOn,
  };
}

function heldStates(loaded: Loaded): Map<number, AppState> {
  const states = new Map<number, AppState>();
  loaded.account.input.apps.forEach((app, i) => {
    try {
      states.set(app.sdkAppId, appStateOn({ scheme: 'LEGACY', sdkAppId: app.sdkAppId, events: app.events }, loaded.lastLegacyDay));
    } catch (error) {
      ruleConflict(error, `App ${app.sdkAppId} (apps[${i}])`);
    }
  });
  return states;
}

function resolveEditions(states: Map<number, AppState>, chosen: Readonly<Record<string, CurrentEdition>>): Record<string, CurrentEdition> {
  const held = new Map<number, LegacyEdition>();
  for (const [id, state] of states) held.set(id, state.edition as LegacyEdition);
  const editions = defaultEditions(held);
  for (const [key, edition] of Object.entries(chosen)) {
    if (!(key in editions)) throw new DomainError('invalid', 'error.ticket.noSuchApp', { params: { sdkAppId: key }, field: `edition.${key}` });
    editions[key] = edition;
  }
  return editions;
}

function endingItems(state: AppState, credits: readonly CreditLine[]): EndingFigure[] {
  const items: EndingFigure[] = [];
  const creditOf = (match: (c: CreditLine) => boolean): CreditFigure | undefined => {
    const line = credits.find(match);
    return line === undefined ? undefined : { amount: line.amount, from: line.from, to: line.to, datedOn: line.datedOn, explain: line.explain, explanation: line.explanation };
  };
  const edition = state.edition as LegacyEdition;
  if (EDITIONS[edition].paid) {
    const item: EndingFigure = { kind: 'PACKAGE', edition };
    if (state.currentCycle) item.cycle = state.currentCycle;
    const credit = creditOf((c) => c.code === 'PACKAGE_CREDIT');
    if (credit) item.credit = credit;
    items.push(item);
  }
  for (const addon of state.addons) {
    const item: EndingFigure = { kind: 'ADDON', edition: addon.edition as LegacyEdition, addon: addon.code, cycle: addon.cycle };
    if (addon.stopsAfter) item.stopsAfter = addon.stopsAfter;
    const credit = creditOf((c) => c.code === 'ADDON_CREDIT' && c.addon === addon.code);
    if (credit) item.credit = credit;
    items.push(item);
  }
  if (state.retention) items.push({ kind: 'RETENTION', edition, addon: 'HISTORY_RETENTION', retentionDays: state.retention.days });
  return items;
}

type CreditLine = { sdkAppId: number; code: string; addon?: AddonCode; amount: string; from: string; to: string; datedOn: string; explain: string; explanation: Explanation };

/**
 * Re-rates the account's last `monthCount` full months under both schemes with the real usage,
 * through the engine: legacy = the account as it is; current = the same usage on the chosen
 * current editions. Also rates the month of E-1 with the migration applied for the credits, and
 * compares effective limits before/after. Reads only; the caller stores the result.
 */
export async function computePreview(q: Queryable, options: ComputePreviewOptions): Promise<ComputedPreview> {
  const loaded = await loadBasis(q, options);
  const { account, months, priceBooks, lastLegacyDay, effectiveOn } = loaded;
  const states = heldStates(loaded);
  const editions = resolveEditions(states, options.chosen ?? {});
  const ids = account.input.apps.map((a) => a.sdkAppId);

  let legacy: Invoice[];
  try {
    legacy = rateAccount(account.input, months, priceBooks);
  } catch (error) {
    ruleConflict(error, 'The legacy re-rating failed');
  }
  const createdOn = new Map(loaded.apps.map((a) => [Number(a.sdkAppId), a.createdOn]));
  const currentInput = buildCurrentPreviewInput({
    apps: account.input.apps.map((input) => ({ input, createdOn: createdOn.get(input.sdkAppId) })),
    editions,
    from: monthBounds(months[0] as string).from,
  });
  let current: Invoice[];
  try {
    current = rateAccount(currentInput, months, priceBooks);
  } catch (error) {
    ruleConflict(error, 'The current-scheme re-rating failed');
  }

  // The migration itself: the month of E-1 without and with it; what it adds are the credits.
  const eveMonth = monthOf(lastLegacyDay);
  let credits: CreditLine[];
  try {
    const [before] = rateAccount(account.input, [eveMonth], priceBooks);
    const after = rateAccount({ ...account.input, migration: { executedOn: options.today, editions } }, [eveMonth, monthOf(effectiveOn)], priceBooks);
    const diff = diffInvoices([before as Invoice], [after[0] as Invoice])[0];
    credits = (diff?.added ?? [])
      .filter((line) => line.amount.isNegative())
      .map((line) => {
        const json = lineData(line);
        const credit: CreditLine = {
          sdkAppId: json.sdkAppId,
          code: json.code,
          amount: json.amount,
          from: json.from,
          to: json.to,
          datedOn: lastLegacyDay,
          explain: json.explain,
          explanation: json.explanation,
        };
        if (json.addon) credit.addon = json.addon;
        return credit;
      });
  } catch (error) {
    ruleConflict(error, 'This migration breaks a billing rule');
  }

  const legacyByApp = totalsByApp(legacy, ids);
  const currentByApp = totalsByApp(current, ids);
  const meta = new Map(loaded.apps.map((a) => [Number(a.sdkAppId), a]));
  const apps = account.input.apps.map((app): PreviewAppFigures => {
    const state = states.get(app.sdkAppId) as AppState;
    const held = state.edition as LegacyEdition;
    const edition = editions[String(app.sdkAppId)] as CurrentEdition;
    const before = effectiveLimits({ scheme: 'LEGACY', edition: held, addons: state.addons, retention: state.retention ?? null });
    const after = effectiveLimits({ scheme: 'CURRENT', edition });
    const falling = fallingLimits(before, after).map((f): FallingLimitFigure => {
      const figure: FallingLimitFigure = { key: f.key, labelEn: f.labelEn, labelZh: f.labelZh, before: f.before, after: f.after };
      if (f.raisedBy) figure.raisedBy = f.raisedBy;
      return figure;
    });
    const lt = legacyByApp.get(app.sdkAppId);
    const ct = currentByApp.get(app.sdkAppId);
    const figures: PreviewAppFigures = {
      sdkAppId: String(app.sdkAppId),
      name: meta.get(app.sdkAppId)?.name ?? '',
      dataCenter: meta.get(app.sdkAppId)?.dataCenter ?? '',
      heldEdition: held,
      defaultEdition: defaultEditions(new Map([[app.sdkAppId, held]]))[String(app.sdkAppId)] as CurrentEdition,
      edition,
      legacy: column('CNY', lt?.byMonth ?? [], lt?.total ?? new Decimal(0)),
      current: column('USD', ct?.byMonth ?? [], ct?.total ?? new Decimal(0)),
      mauReported: reportsMau(app, months),
      fallingLimits: falling,
      ending: endingItems(state, credits.filter((c) => c.sdkAppId === app.sdkAppId)),
    };
    if (state.pendingDowngrade) figures.pendingDowngrade = state.pendingDowngrade;
    return figures;
  });

  const { token, parts } = previewToken(basisOf(loaded, editions));
  const creditTotal = credits.reduce((sum, c) => sum.plus(c.amount), new Decimal(0));
  return {
    token,
    editions,
    figures: {
      version: 1,
      computedOn: options.today,
      effectiveOn,
      lastLegacyDay,
      months,
      apps,
      account: { legacy: invoicesColumn(legacy, 'CNY'), current: invoicesColumn(current, 'USD') },
      credits: { month: eveMonth, total: creditTotal.toFixed(2), currency: 'CNY' },
      tokenParts: parts,
    },
  };
}

/**
 * The token of what a preview with these settings would use now (no rating): execution and the
 * ticket page compare it with the stored one.
 */
export async function currentPreviewToken(
  q: Queryable,
  options: { accountId: number; monthCount: number; editions: Record<string, CurrentEdition>; today: string },
): Promise<{ token: string; parts: TokenParts }> {
  const loaded = await loadBasis(q, { ...options, chosen: options.editions });
  return previewToken(basisOf(loaded, options.editions));
}
