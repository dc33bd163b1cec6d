import 'server-only';
import { appStateOn, type AppState } from '../billing/state';
import { effectiveLimits, type EffectiveLimit } from '../billing/limits';
import { billingDay } from '../clock';
import { db } from '../db/client';
import { loadAccountInput } from '../rating/inputs';

export type AppView = {
  sdkAppId: string;
  accountId: number;
  name: string;
  dataCenter: string;
  createdAt: string;
  trtcEnabled: boolean;
  state: AppState;
  limits: EffectiveLimit[];
};

/**
 * Every app of an account as it stands on `date`: what it holds (edition, pending downgrade,
 * add-on cycles, retention) and its effective limits, both computed by the billing engine from
 * the plan-event log, so the screens and the invoices can never disagree.
 */
export async function listAccountApps(accountId: number, date: string): Promise<AppView[]> {
  const [apps, loaded] = await Promise.all([
    db.app.findMany({ where: { accountId }, orderBy: { sdkAppId: 'asc' } }),
    loadAccountInput(accountId, date, date),
  ]);
  if (!loaded) return [];
  const eventsByApp = new Map(loaded.input.apps.map((app) => [app.sdkAppId, app.events]));
  return apps.map((app) => {
    // Its first day in the billing calendar (an app created at 01:00 in Shanghai is 17:00 UTC the day before).
    const created = billingDay(app.createdAt);
    // An app created after `date` is shown as it will start.
    const state = appStateOn(
      { scheme: loaded.input.scheme, migration: loaded.input.migration, sdkAppId: Number(app.sdkAppId), events: eventsByApp.get(Number(app.sdkAppId)) ?? [] },
      date < created ? created : date,
    );
    return {
      sdkAppId: app.sdkAppId.toString(),
      accountId: app.accountId,
      name: app.name,
      dataCenter: app.dataCenter,
      createdAt: app.createdAt.toISOString(),
      trtcEnabled: app.trtcEnabled,
      state,
      limits: effectiveLimits({ scheme: state.scheme, edition: state.edition, addons: state.addons, retention: state.retention ?? null }),
    };
  });
}

export async function getAccountApp(accountId: number, sdkAppId: bigint, date: string): Promise<AppView | null> {
  const apps = await listAccountApps(accountId, date);
  return apps.find((app) => app.sdkAppId === sdkAppId.toString()) ?? null;
}
