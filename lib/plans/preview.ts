import 'server-only';
import { createHash } from 'node:crypto';
import {
  ADDON_NAMES,
  EDITIONS,
  isCurrentEdition,
  isLegacyEdition,
  type AddonCode,
  type Currency,
  type Edition,
  type LimitKey,
  type LimitValue,
  type RetentionDays,
  type Scheme,
} from '../billing/catalog';
import { addDays, monthBounds, monthOf, nextMonth } from '../billing/dates';
import { isBillingRuleError } from '../billing/errors';
import { effectiveLimits } from '../billing/limits';
import { diffInvoices, rateAccount, validateNewEvent } from '../billing/rate';
import { lineData, type InvoiceLineData } from '../billing/serialize';
import { appStateOn, type AppState } from '../billing/state';
import type { AccountInput, AppEvent } from '../billing/types';
import { DomainError } from '../errors';
import { loadAccountInput, loadPriceBooks, type LoadedAccount, type Queryable } from '../rating/inputs';
import type { PlanChangeInput } from './schemas';

/**
 * The confirmation of a plan change: the engine rates the account's affected months with and
 * without the new event (the same loader and engine the billing run uses), and the lines that
 * appear or disappear are what the change costs. Nothing here knows a billing rule: validity comes
 * from `validateNewEvent`, what the app holds from `appStateOn`, limits from `effectiveLimits`.
 */

export type PlanChangeKind =
  | 'edition-change'
  | 'downgrade-schedule'
  | 'downgrade-cancel'
  | 'addon-start'
  | 'addon-stop'
  | 'addon-stop-cancel'
  | 'retention-start'
  | 'retention-stop';

/** Audit action per kind of change. */
export const PLAN_AUDIT_ACTION: Record<PlanChangeKind, string> = {
  'edition-change': 'plan.edition.change',
  'downgrade-schedule': 'plan.downgrade.schedule',
  'downgrade-cancel': 'plan.downgrade.cancel',
  'addon-start': 'plan.addon.start',
  'addon-stop': 'plan.addon.stop',
  'addon-stop-cancel': 'plan.addon.stopCancel',
  'retention-start': 'plan.retention.start',
  'retention-stop': 'plan.retention.stop',
};

export type PlanStateSummary = {
  scheme: Scheme;
  edition: Edition;
  since: string | null;
  pendingDowngrade: { edition: Edition; effectiveOn: string } | null;
  currentCycle: { from: string; to: string } | null;
  addons: { code: AddonCode; since: string; cycle: { from: string; to: string }; stopsAfter: string | null }[];
  retention: { days: number; since: string } | null;
};

export type LimitChange = {
  key: LimitKey;
  labelEn: string;
  labelZh: string;
  unitEn: string;
  unitZh: string;
  raisable: boolean;
  noteEn?: string;
  noteZh?: string;
  before: LimitValue;
  after: LimitValue;
  raisedByBefore: AddonCode | null;
  raisedByAfter: AddonCode | null;
  changed: boolean;
};

export type MonthEffect = {
  month: string;
  currency: Currency;
  added: InvoiceLineData[];
  removed: InvoiceLineData[];
  totalBefore: string;
  totalAfter: string;
  /** The app's lines on the month's invoice once the change is made. */
  appLinesAfter: InvoiceLineData[];
};

export type PlanPreview = {
  sdkAppId: string;
  accountId: number;
  kind: PlanChangeKind;
  /** The request as the engine reads it, dated the day it is made (or chosen, current scheme). */
  event: AppEvent;
  /** The day the change shows in what the app holds (a downgrade: after the Flagship cycle). */
  effectiveOn: string;
  before: PlanStateSummary;
  after: PlanStateSummary;
  months: MonthEffect[];
  limits: LimitChange[];
  /** Fingerprint of the app's history, the request and its billing effect. */
  digest: string;
};

export type PlanApp = { sdkAppId: bigint; accountId: number; name: string; dataCenter: string };

export function summarizeState(state: AppState): PlanStateSummary {
  return {
    scheme: state.scheme,
    edition: state.edition,
    since: state.since,
    pendingDowngrade: state.pendingDowngrade ?? null,
    currentCycle: state.currentCycle ?? null,
    addons: state.addons.map((a) => ({ code: a.code, since: a.since, cycle: a.cycle, stopsAfter: a.stopsAfter ?? null })),
    retention: state.retention ?? null,
  };
}

/** The engine's field path (`event.addon`) becomes the form's field (`addon`). */
function fieldOf(path: string): string {
  if (path.startsWith('event.')) return path.slice('event.'.length);
  if (path === 'event') return 'kind';
  return path;
}

function ruleError(error: unknown): never {
  if (isBillingRuleError(error)) {
    const field = fieldOf(error.field);
    // Engine paths into the app's stored history mean the history itself is broken: not the form's fault.
    throw new DomainError('invalid', 'error.engine.rule', { params: { detail: error.message }, ...(field.startsWith('events[') ? {} : { field: field === 'date' ? 'date' : field }) });
  }
  throw error;
}

function stateOn(loaded: LoadedAccount, sdkAppId: number, events: readonly AppEvent[], date: string): AppState {
  try {
    return appStateOn({ scheme: loaded.input.scheme, migration: loaded.input.migration, sdkAppId, events }, date);
  } catch (error) {
    return ruleError(error);
  }
}

function limitsOf(state: AppState) {
  return effectiveLimits({ scheme: state.scheme, edition: state.edition, addons: state.addons, retention: state.retention ?? null });
}

function compareLimits(before: AppState, after: AppState): LimitChange[] {
  const afterRows = new Map(limitsOf(after).map((l) => [l.key, l]));
  const rows: LimitChange[] = [];
  const seen = new Set<LimitKey>();
  for (const b of limitsOf(before)) {
    const a = afterRows.get(b.key);
    seen.add(b.key);
    rows.push({
      key: b.key,
      labelEn: b.labelEn,
      labelZh: b.labelZh,
      unitEn: b.unitEn,
      unitZh: b.unitZh,
      raisable: b.raisable,
      ...(b.noteEn === undefined ? {} : { noteEn: b.noteEn }),
      ...(b.noteZh === undefined ? {} : { noteZh: b.noteZh }),
      before: b.effective,
      after: a ? a.effective : b.effective,
      raisedByBefore: b.raisedBy ?? null,
      raisedByAfter: a?.raisedBy ?? null,
      changed: a !== undefined && JSON.stringify(a.effective) !== JSON.stringify(b.effective),
    });
  }
  // A change of scheme can bring rows the old edition did not list.
  for (const a of afterRows.values()) {
    if (seen.has(a.key)) continue;
    rows.push({
      key: a.key,
      labelEn: a.labelEn,
      labelZh: a.labelZh,
      unitEn: a.unitEn,
      unitZh: a.unitZh,
      raisable: a.raisable,
      before: a.effective,
      after: a.effective,
      raisedByBefore: null,
      raisedByAfter: a.raisedBy ?? null,
      changed: false,
    });
  }
  return rows;
}

function editionName(edition: Edition): string {
  return `${EDITIONS[edition].nameEn} ${EDITIONS[edition].nameZh}`;
}

function addonName(code: AddonCode): string {
  return `${ADDON_NAMES[code].nameEn} ${ADDON_NAMES[code].nameZh}`;
}

/** Builds the engine event for a request, checking what only the console knows (today, the scheme). */
export function buildEvent(change: PlanChangeInput, loaded: LoadedAccount, today: string): AppEvent {
  const scheme = loaded.scheme;
  const effectiveOn = loaded.migration?.effectiveOn ?? null;
  if (change.kind === 'edition') {
    if (scheme === 'LEGACY') {
      if (!isLegacyEdition(change.edition)) {
        throw new DomainError('invalid', 'error.plan.notLegacyEdition', { params: { edition: change.edition }, field: 'edition' });
      }
      // DOMAIN L2: upgrades are immediate and a downgrade is scheduled by the engine from the
      // request date, so a legacy request is always dated the day it is made.
      if (change.date !== undefined && change.date !== today) {
        throw new DomainError('invalid', 'error.plan.legacyToday', { params: { today }, field: 'date' });
      }
      return { date: today, type: 'edition', edition: change.edition };
    }
    if (!isCurrentEdition(change.edition)) {
      throw new DomainError('invalid', 'error.plan.notCurrentEdition', { params: { edition: change.edition }, field: 'edition' });
    }
    const date = change.date ?? (effectiveOn !== null && effectiveOn > today ? effectiveOn : today);
    if (date < today) {
      throw new DomainError('invalid', 'error.plan.pastDate', { params: { today, date }, field: 'date' });
    }
    if (effectiveOn !== null && date < effectiveOn) {
      throw new DomainError('invalid', 'error.plan.beforeMigration', { params: { effectiveOn }, field: 'date' });
    }
    return { date, type: 'edition', edition: change.edition };
  }
  if (scheme !== 'LEGACY') {
    throw new DomainError('invalid', 'error.plan.addonsLegacyOnly', { field: 'addon' });
  }
  if (change.kind === 'addonStart') {
    if (change.addon === 'HISTORY_RETENTION') {
      if (change.days === undefined) throw new DomainError('invalid', 'error.plan.chooseTier', { field: 'days' });
      return { date: today, type: 'addon', addon: 'HISTORY_RETENTION', action: 'start', days: change.days as RetentionDays };
    }
    if (change.days !== undefined) throw new DomainError('invalid', 'error.plan.tierOnlyRetention', { field: 'days' });
    return { date: today, type: 'addon', addon: change.addon, action: 'start' };
  }
  if (change.addon === 'HISTORY_RETENTION') return { date: today, type: 'addon', addon: 'HISTORY_RETENTION', action: 'stop' };
  return { date: today, type: 'addon', addon: change.addon, action: 'stop' };
}

/** What kind of change the event is, from the engine's states before and after; refuses a request that changes nothing. */
function classify(event: AppEvent, before: AppState, after: AppState): { kind: PlanChangeKind; effectiveOn: string } {
  const date = event.date;
  if (event.type === 'edition') {
    if (after.pendingDowngrade && !before.pendingDowngrade) return { kind: 'downgrade-schedule', effectiveOn: after.pendingDowngrade.effectiveOn };
    if (before.pendingDowngrade && !after.pendingDowngrade && after.edition === before.edition) return { kind: 'downgrade-cancel', effectiveOn: date };
    if (after.edition !== before.edition) return { kind: 'edition-change', effectiveOn: date };
    if (before.pendingDowngrade) {
      throw new DomainError('conflict', 'error.plan.downgradeScheduled', { params: { edition: editionName(before.pendingDowngrade.edition), date: before.pendingDowngrade.effectiveOn }, field: 'edition' });
    }
    throw new DomainError('conflict', 'error.plan.sameEdition', { params: { edition: editionName(before.edition), date }, field: 'edition' });
  }
  if (event.addon === 'HISTORY_RETENTION') {
    if (event.action === 'start') {
      if (before.retention?.days === event.days) {
        throw new DomainError('conflict', 'error.plan.sameRetention', { params: { days: event.days, since: before.retention.since }, field: 'days' });
      }
      return { kind: 'retention-start', effectiveOn: date };
    }
    return { kind: 'retention-stop', effectiveOn: date };
  }
  const held = before.addons.find((a) => a.code === event.addon);
  if (event.action === 'start') {
    if (held && !held.stopsAfter) {
      throw new DomainError('conflict', 'error.plan.addonRunning', { params: { addon: addonName(event.addon), from: held.cycle.from, to: held.cycle.to }, field: 'addon' });
    }
    if (held?.stopsAfter) return { kind: 'addon-stop-cancel', effectiveOn: date };
    return { kind: 'addon-start', effectiveOn: date };
  }
  if (held?.stopsAfter) {
    throw new DomainError('conflict', 'error.plan.addonStopping', { params: { addon: addonName(event.addon), date: held.stopsAfter }, field: 'addon' });
  }
  const stopping = after.addons.find((a) => a.code === event.addon);
  return { kind: 'addon-stop', effectiveOn: stopping?.stopsAfter ? addDays(stopping.stopsAfter, 1) : date };
}

function withEvent(input: AccountInput, sdkAppId: number, event: AppEvent): AccountInput {
  return {
    ...input,
    apps: input.apps.map((app) => (app.sdkAppId === sdkAppId ? { ...app, events: [...app.events, event] } : app)),
  };
}

/**
 * The confirmation of `change` on `today`: validated by the engine, classified, rated. Reads
 * through `q` (a transaction when the command recomputes it under the app's row lock).
 */
export async function previewPlanChange(q: Queryable, app: PlanApp, change: PlanChangeInput, today: string): Promise<PlanPreview> {
  const sdkAppId = Number(app.sdkAppId);
  const probe = await loadAccountInput(app.accountId, today, today, q);
  if (!probe) throw new DomainError('not_found', 'error.account.notFound', { params: { accountId: app.accountId }, field: 'accountId' });
  const event = buildEvent(change, probe, today);

  // The affected months: the request's month and the next (a scheduled downgrade or a stop takes
  // effect at the latest at the end of the cycle holding the request, within the next month).
  const first = monthOf(event.date);
  const months = [first, nextMonth(first)];
  const loaded = (await loadAccountInput(app.accountId, monthBounds(first).from, monthBounds(months[1]!).to, q)) ?? probe;
  const appInput = loaded.input.apps.find((a) => a.sdkAppId === sdkAppId);
  if (!appInput) throw new DomainError('not_found', 'error.app.notInAccount', { params: { sdkAppId: String(app.sdkAppId), accountId: app.accountId }, field: 'sdkAppId' });

  try {
    validateNewEvent({ scheme: loaded.input.scheme, migration: loaded.input.migration, sdkAppId, events: appInput.events, event });
  } catch (error) {
    ruleError(error);
  }
  const eventsAfter = [...appInput.events, event];
  const stateBefore = stateOn(loaded, sdkAppId, appInput.events, event.date);
  const stateAfter = stateOn(loaded, sdkAppId, eventsAfter, event.date);
  const { kind, effectiveOn } = classify(event, stateBefore, stateAfter);

  const books = await loadPriceBooks(q);
  let invoicesBefore, invoicesAfter;
  try {
    invoicesBefore = rateAccount(loaded.input, months, books);
    invoicesAfter = rateAccount(withEvent(loaded.input, sdkAppId, event), months, books);
  } catch (error) {
    ruleError(error);
  }
  const diffs = diffInvoices(invoicesBefore, invoicesAfter);
  const monthEffects: MonthEffect[] = diffs.map((diff, i) => {
    const after = invoicesAfter[i]!;
    return {
      month: diff.month,
      currency: after.currency,
      added: diff.added.map(lineData),
      removed: diff.removed.map(lineData),
      totalBefore: diff.totalBefore,
      totalAfter: diff.totalAfter,
      appLinesAfter: after.lines.filter((l) => l.sdkAppId === sdkAppId).map(lineData),
    };
  });

  const limitsBefore = stateOn(loaded, sdkAppId, appInput.events, effectiveOn);
  const limitsAfter = stateOn(loaded, sdkAppId, eventsAfter, effectiveOn);
  const preview: Omit<PlanPreview, 'digest'> = {
    sdkAppId: app.sdkAppId.toString(),
    accountId: app.accountId,
    kind,
    event,
    effectiveOn,
    before: summarizeState(stateBefore),
    after: summarizeState(stateAfter),
    months: monthEffects,
    limits: compareLimits(limitsBefore, limitsAfter),
  };
  const digest = createHash('sha256')
    .update(JSON.stringify({ history: appInput.events, event, months: monthEffects.map(({ month, added, removed, totalBefore, totalAfter }) => ({ month, added, removed, totalBefore, totalAfter })), books: books.map((b) => [b.scheme, b.version]) }))
    .digest('hex');
  return { ...preview, digest };
}
