/**
 * Feature states derived, never stored (DOMAIN C3): broadcast push and communities follow from
 * the edition the app holds, its data center and its applications, so a downgrade switches a
 * feature off without anyone having to remember to clear a flag.
 *
 * Rules chosen where DOMAIN.md is silent:
 * - An approval belongs to the Pro run it was requested in: an app that leaves Pro (to Standard,
 *   or Developer) and comes back needs a new application.
 * - Legacy editions have no broadcast push or community rows in their matrix: not offered.
 */
import { billingDay } from '../clock';
import { BROADCAST_PUSH_ACTIVATION_HOURS, COMMUNITY_UNAVAILABLE_DATA_CENTERS, type DataCenter, type Edition, type Scheme } from '../billing/catalog';

export type ApplicationFacts = {
  id: number;
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
  requestedAt: string;
  decidedAt: string | null;
  enablesAt: string | null;
};

export type BroadcastPushState =
  | { status: 'on'; reason: 'developer' }
  | { status: 'on'; reason: 'approved'; applicationId: number; since: string }
  | { status: 'scheduled'; applicationId: number; enablesAt: string }
  | { status: 'pending'; applicationId: number; requestedAt: string }
  | { status: 'available' }
  | { status: 'off'; reason: 'standard' | 'legacy' };

export type CommunityState = { status: 'on' } | { status: 'off'; reason: 'edition' | 'dataCenter' | 'legacy' };

export function enablesAtFor(approvedAt: Date): Date {
  return new Date(approvedAt.getTime() + BROADCAST_PUSH_ACTIVATION_HOURS * 3_600_000);
}

/**
 * The application that speaks for the app's current Pro run: the latest one requested on or after
 * the day the run began (`editionSince`, null when the edition is the one the app started on).
 */
export function relevantApplication(applications: readonly ApplicationFacts[], editionSince: string | null): ApplicationFacts | null {
  const sorted = [...applications].sort((a, b) => (a.requestedAt < b.requestedAt ? 1 : a.requestedAt > b.requestedAt ? -1 : b.id - a.id));
  return sorted.find((a) => editionSince === null || billingDay(new Date(a.requestedAt)) >= editionSince) ?? null;
}

export function broadcastPushState(options: {
  scheme: Scheme;
  edition: Edition;
  editionSince: string | null;
  applications: readonly ApplicationFacts[];
  now: Date;
}): BroadcastPushState {
  const { scheme, edition, editionSince, applications, now } = options;
  if (scheme === 'LEGACY') return { status: 'off', reason: 'legacy' };
  if (edition === 'DEVELOPER') return { status: 'on', reason: 'developer' };
  if (edition !== 'PRO') return { status: 'off', reason: 'standard' };
  const app = relevantApplication(applications, editionSince);
  if (!app || app.status === 'REJECTED') return { status: 'available' };
  if (app.status === 'PENDING') return { status: 'pending', applicationId: app.id, requestedAt: app.requestedAt };
  const enablesAt = app.enablesAt ?? app.decidedAt ?? app.requestedAt;
  return new Date(enablesAt) <= now
    ? { status: 'on', reason: 'approved', applicationId: app.id, since: enablesAt }
    : { status: 'scheduled', applicationId: app.id, enablesAt };
}

export function communityState(scheme: Scheme, edition: Edition, dataCenter: DataCenter): CommunityState {
  if (scheme === 'LEGACY') return { status: 'off', reason: 'legacy' };
  if (edition !== 'DEVELOPER' && edition !== 'PRO') return { status: 'off', reason: 'edition' };
  if (COMMUNITY_UNAVAILABLE_DATA_CENTERS.includes(dataCenter)) return { status: 'off', reason: 'dataCenter' };
  return { status: 'on' };
}
