import 'server-only';
import type { DataCenter, Edition, Scheme } from '../billing/catalog';
import { appStateOn, type AppState } from '../billing/state';
import { db } from '../db/client';
import { loadAccountInput, type Queryable } from '../rating/inputs';
import { broadcastPushState, communityState, type ApplicationFacts, type BroadcastPushState, type CommunityState } from './state';

export type ApplicationView = ApplicationFacts & {
  feature: 'BROADCAST_PUSH';
  note: string;
  reason: string | null;
  decidedBy: string | null;
};

export type FeatureStates = {
  scheme: Scheme;
  edition: Edition;
  broadcastPush: BroadcastPushState;
  community: CommunityState;
  applications: ApplicationView[];
};

/** What the app holds on `today`, by the engine. */
export async function appStateToday(q: Queryable, accountId: number, sdkAppId: bigint, today: string): Promise<AppState | null> {
  const loaded = await loadAccountInput(accountId, today, today, q);
  const app = loaded?.input.apps.find((a) => a.sdkAppId === Number(sdkAppId));
  if (!loaded || !app) return null;
  return appStateOn({ scheme: loaded.input.scheme, migration: loaded.input.migration, sdkAppId: Number(sdkAppId), events: app.events }, today);
}

export function toFacts(row: { id: number; status: ApplicationFacts['status']; requestedAt: Date; decidedAt: Date | null; enablesAt: Date | null }): ApplicationFacts {
  return {
    id: row.id,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    enablesAt: row.enablesAt?.toISOString() ?? null,
  };
}

export async function getFeatureStates(accountId: number, sdkAppId: bigint, today: string, now: Date = new Date()): Promise<FeatureStates | null> {
  const [app, state, applications] = await Promise.all([
    db.app.findUnique({ where: { sdkAppId }, select: { accountId: true, dataCenter: true } }),
    appStateToday(db, accountId, sdkAppId, today),
    db.featureApplication.findMany({
      where: { sdkAppId, feature: 'BROADCAST_PUSH' },
      orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
      include: { decidedBy: { select: { email: true } } },
    }),
  ]);
  if (!app || app.accountId !== accountId || !state) return null;
  const facts = applications.map(toFacts);
  return {
    scheme: state.scheme,
    edition: state.edition,
    broadcastPush: broadcastPushState({ scheme: state.scheme, edition: state.edition, editionSince: state.since, applications: facts, now }),
    community: communityState(state.scheme, state.edition, app.dataCenter as DataCenter),
    applications: applications.map((a, i) => ({
      ...facts[i]!,
      feature: 'BROADCAST_PUSH',
      note: a.note,
      reason: a.reason,
      decidedBy: a.decidedBy?.email ?? null,
    })),
  };
}
