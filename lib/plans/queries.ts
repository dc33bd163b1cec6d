import 'server-only';
import type { Role } from '../generated/prisma/enums';
import {
  EDITIONS,
  HISTORY_RETENTION,
  PERIODIC_ADDONS,
  RETENTION_TIERS,
  SCHEME_EDITIONS,
  addonOffered,
  type AddonCode,
  type Edition,
  type PeriodicAddon,
} from '../billing/catalog';
import { appStateOn } from '../billing/state';
import { db } from '../db/client';
import { getFeatureStates, type FeatureStates } from '../features/queries';
import { getTrialSummary, type TrialSummary } from '../trials/queries';
import { loadAccountInput } from '../rating/inputs';
import { summarizeState, type PlanStateSummary } from './preview';

export type PlanEventRow = {
  id: string;
  date: string;
  type: 'EDITION' | 'ADDON';
  edition: Edition | null;
  addon: AddonCode | null;
  action: 'START' | 'STOP' | null;
  retentionDays: number | null;
  actorEmail: string | null;
  actorRole: Role | null;
  createdAt: string;
  /** Dated after today: a scheduled change (current scheme). */
  upcoming: boolean;
};

export type AddonOption = {
  code: AddonCode;
  /** running: held with no stop; stopping: a stop is pending; off: not held. */
  status: 'running' | 'stopping' | 'off';
  stopsAfter: string | null;
  cycle: { from: string; to: string } | null;
};

export type AppPlan = {
  sdkAppId: string;
  accountId: number;
  today: string;
  /** The scheme changes are requested under (CURRENT for a migrated account). */
  scheme: 'LEGACY' | 'CURRENT';
  currency: 'CNY' | 'USD';
  state: PlanStateSummary;
  /** Editions a request can name (the held one only when it cancels a pending downgrade). */
  editionOptions: Edition[];
  /** Current scheme: the first day a change can take effect. */
  minDate: string;
  /** Legacy paid editions: the periodic add-ons the held edition offers, with their state. */
  addons: AddonOption[];
  retentionTiers: number[];
  retentionOffered: boolean;
  history: PlanEventRow[];
};

const dateOf = (d: Date) => d.toISOString().slice(0, 10);

/** What the plan panel needs: the engine's state today, what can be requested, the request log. */
export async function getAppPlan(accountId: number, sdkAppId: bigint, today: string): Promise<AppPlan | null> {
  const [app, loaded, events] = await Promise.all([
    db.app.findUnique({ where: { sdkAppId }, select: { accountId: true } }),
    loadAccountInput(accountId, today, today),
    db.planEvent.findMany({
      where: { sdkAppId },
      orderBy: [{ date: 'desc' }, { id: 'desc' }],
      include: { actor: { select: { email: true, role: true } } },
    }),
  ]);
  if (!app || app.accountId !== accountId || !loaded) return null;
  const appInput = loaded.input.apps.find((a) => a.sdkAppId === Number(sdkAppId));
  if (!appInput) return null;
  const migrationOn = loaded.migration?.effectiveOn ?? null;
  const minDate = migrationOn !== null && migrationOn > today ? migrationOn : today;
  const state = summarizeState(
    appStateOn({ scheme: loaded.input.scheme, migration: loaded.input.migration, sdkAppId: Number(sdkAppId), events: appInput.events }, today),
  );

  const scheme = loaded.scheme;
  let editionOptions: Edition[];
  if (scheme === 'LEGACY') {
    // Paid -> Trial is refused (DOMAIN L2); the held edition is offered only to cancel a pending downgrade.
    editionOptions = SCHEME_EDITIONS.LEGACY.filter((e) => e !== 'TRIAL' && (state.pendingDowngrade ? e === state.edition : e !== state.edition));
  } else {
    editionOptions = [...SCHEME_EDITIONS.CURRENT];
  }

  const paidLegacy = scheme === 'LEGACY' && EDITIONS[state.edition].paid;
  const addons: AddonOption[] = paidLegacy
    ? PERIODIC_ADDONS.filter((code: PeriodicAddon) => addonOffered(code, state.edition) || state.addons.some((a) => a.code === code)).map((code) => {
        const held = state.addons.find((a) => a.code === code);
        return {
          code,
          status: held ? (held.stopsAfter ? 'stopping' : 'running') : 'off',
          stopsAfter: held?.stopsAfter ?? null,
          cycle: held?.cycle ?? null,
        };
      })
    : [];

  return {
    sdkAppId: sdkAppId.toString(),
    accountId,
    today,
    scheme,
    currency: scheme === 'LEGACY' ? 'CNY' : 'USD',
    state,
    editionOptions,
    minDate,
    addons,
    retentionTiers: [...RETENTION_TIERS],
    retentionOffered: paidLegacy && (HISTORY_RETENTION.editions as readonly string[]).includes(state.edition),
    history: events.map((e) => ({
      id: e.id.toString(),
      date: dateOf(e.date),
      type: e.type,
      edition: e.edition,
      addon: e.addon,
      action: e.action,
      retentionDays: e.retentionDays,
      actorEmail: e.actor?.email ?? null,
      actorRole: e.actor?.role ?? null,
      createdAt: e.createdAt.toISOString(),
      upcoming: dateOf(e.date) > today,
    })),
  };
}

/** What the app page's plan panel shows, loaded by the page (components do not query). */
export type AppPlanPanelData = { accountId: number; plan: AppPlan; trials: TrialSummary; features: FeatureStates; day: string };

export async function getAppPlanPanel(accountId: number, sdkAppId: bigint, day: string): Promise<AppPlanPanelData | null> {
  const [plan, trials, features] = await Promise.all([
    getAppPlan(accountId, sdkAppId, day),
    getTrialSummary(accountId, sdkAppId, day),
    getFeatureStates(accountId, sdkAppId, day),
  ]);
  return plan && features ? { accountId, plan, trials, features, day } : null;
}
