import 'server-only';
import type { Role } from '../generated/prisma/enums';
import { AV_CALL_TRIAL } from '../billing/catalog';
import { db } from '../db/client';

export type TrialGrantView = {
  id: number;
  grantNo: number;
  accountGrantNo: number;
  startOn: string;
  endOn: string;
  status: 'active' | 'ended';
  grantedBy: string | null;
  grantedByRole: Role | null;
};

export type TrialSummary = {
  appUsed: number;
  appMax: number;
  accountUsed: number;
  accountMax: number;
  days: number;
  trtcEnabled: boolean;
  grants: TrialGrantView[];
  /** Why no grant can be made now, or null when one can. */
  blocked: { reason: 'active'; until: string } | { reason: 'appQuota' } | { reason: 'accountQuota' } | null;
};

const dateOf = (d: Date) => d.toISOString().slice(0, 10);

export async function getTrialSummary(accountId: number, sdkAppId: bigint, today: string): Promise<TrialSummary> {
  const [app, accountUsed, grants] = await Promise.all([
    db.app.findUnique({ where: { sdkAppId }, select: { trtcEnabled: true } }),
    db.trialGrant.count({ where: { accountId } }),
    db.trialGrant.findMany({ where: { sdkAppId }, orderBy: { grantNo: 'asc' }, include: { actor: { select: { email: true, role: true } } } }),
  ]);
  const views = grants.map((g) => ({
    id: g.id,
    grantNo: g.grantNo,
    accountGrantNo: g.accountGrantNo,
    startOn: dateOf(g.startOn),
    endOn: dateOf(g.endOn),
    status: dateOf(g.endOn) >= today ? ('active' as const) : ('ended' as const),
    grantedBy: g.actor?.email ?? null,
    grantedByRole: g.actor?.role ?? null,
  }));
  const active = views.find((g) => g.status === 'active');
  return {
    appUsed: views.length,
    appMax: AV_CALL_TRIAL.maxGrantsPerApp,
    accountUsed,
    accountMax: AV_CALL_TRIAL.maxGrantsPerAccount,
    days: AV_CALL_TRIAL.days,
    trtcEnabled: app?.trtcEnabled ?? false,
    grants: views,
    blocked: active
      ? { reason: 'active', until: active.endOn }
      : views.length >= AV_CALL_TRIAL.maxGrantsPerApp
        ? { reason: 'appQuota' }
        : accountUsed >= AV_CALL_TRIAL.maxGrantsPerAccount
          ? { reason: 'accountQuota' }
          : null,
  };
}
