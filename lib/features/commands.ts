import 'server-only';
import type { Actor } from '../auth/guard';
import { EDITIONS } from '../billing/catalog';
import { auditActor, writeAudit } from '../db/audit';
import type { Tx } from '../db/client';
import { DomainError } from '../errors';
import { assertOwnApp, assertRole } from '../plans/guard';
import { appStateToday, toFacts } from './queries';
import type { DecideApplicationInput, SubmitApplicationInput } from './schemas';
import { broadcastPushState, enablesAtFor } from './state';

function editionName(edition: keyof typeof EDITIONS): string {
  return `${EDITIONS[edition].nameEn} ${EDITIONS[edition].nameZh}`;
}

/** Records a customer's application for broadcast push on a Pro app (from the portal, or filed by ops on their behalf). */
export async function submitApplication(tx: Tx, actor: Actor, input: SubmitApplicationInput, today: string, now: Date = new Date()) {
  assertRole(actor, 'OPS', 'CUSTOMER');
  const sdkAppId = BigInt(input.sdkAppId);
  const apps = await tx.$queryRaw<{ accountId: number }[]>`SELECT "accountId" FROM "App" WHERE "sdkAppId" = ${sdkAppId} FOR UPDATE`;
  const app = apps[0];
  if (!app) throw new DomainError('not_found', 'error.app.notFound', { params: { sdkAppId: String(input.sdkAppId) }, field: 'sdkAppId' });
  assertOwnApp(actor, { sdkAppId, accountId: app.accountId });
  const state = await appStateToday(tx, app.accountId, sdkAppId, today);
  if (!state || state.edition !== 'PRO') {
    const held = state ? editionName(state.edition) : 'no edition';
    throw new DomainError('conflict', 'error.feature.proOnly', { params: { edition: held }, field: 'sdkAppId' });
  }
  const existing = await tx.featureApplication.findMany({ where: { sdkAppId, feature: 'BROADCAST_PUSH' } });
  const current = broadcastPushState({ scheme: state.scheme, edition: state.edition, editionSince: state.since, applications: existing.map(toFacts), now });
  if (current.status === 'pending' || current.status === 'scheduled' || current.status === 'on') {
    throw new DomainError('conflict', 'error.feature.already', { params: { state: current.status === 'pending' ? 'applied for (pending)' : current.status === 'scheduled' ? 'approved' : 'on' }, field: 'sdkAppId' });
  }
  const created = await tx.featureApplication.create({ data: { sdkAppId, feature: 'BROADCAST_PUSH', note: input.note, requestedAt: now } });
  await writeAudit(tx, auditActor(actor), {
    action: 'feature.apply',
    entityType: 'FeatureApplication',
    entityId: created.id,
    accountId: app.accountId,
    after: { sdkAppId: input.sdkAppId, feature: 'BROADCAST_PUSH', status: 'PENDING', note: input.note },
  });
  return { id: created.id, accountId: app.accountId, sdkAppId: input.sdkAppId };
}

/** Approves (switched on 48 hours later) or rejects a pending application. */
export async function decideApplication(tx: Tx, actor: Actor, input: DecideApplicationInput, today: string, now: Date = new Date()) {
  assertRole(actor, 'OPS');
  const rows = await tx.$queryRaw<{ id: number; sdkAppId: bigint; status: string; accountId: number }[]>`
    SELECT f."id", f."sdkAppId", f."status"::text AS "status", p."accountId"
      FROM "FeatureApplication" f JOIN "App" p ON p."sdkAppId" = f."sdkAppId"
     WHERE f."id" = ${input.applicationId} FOR UPDATE OF f`;
  const application = rows[0];
  if (!application) throw new DomainError('not_found', 'error.application.notFound', { params: { applicationId: input.applicationId }, field: 'applicationId' });
  if (application.status !== 'PENDING') {
    throw new DomainError('conflict', 'error.feature.alreadyDecided', { params: { applicationId: input.applicationId, status: application.status.toLowerCase() }, field: 'applicationId' });
  }
  const sdkAppId = BigInt(application.sdkAppId);
  let data;
  if (input.decision === 'approve') {
    const state = await appStateToday(tx, application.accountId, sdkAppId, today);
    if (!state || state.edition !== 'PRO') {
      throw new DomainError('conflict', 'error.feature.approveProOnly', { params: { edition: state ? editionName(state.edition) : 'no edition' }, field: 'applicationId' });
    }
    data = { status: 'APPROVED' as const, decidedAt: now, decidedById: actor.id, enablesAt: enablesAtFor(now) };
  } else {
    data = { status: 'REJECTED' as const, decidedAt: now, decidedById: actor.id, reason: input.reason };
  }
  const updated = await tx.featureApplication.update({ where: { id: application.id }, data });
  await writeAudit(tx, auditActor(actor), {
    action: input.decision === 'approve' ? 'feature.approve' : 'feature.reject',
    entityType: 'FeatureApplication',
    entityId: application.id,
    accountId: application.accountId,
    before: { status: 'PENDING' },
    after: {
      sdkAppId: sdkAppId.toString(),
      feature: updated.feature,
      status: updated.status,
      decidedAt: updated.decidedAt,
      enablesAt: updated.enablesAt,
      reason: updated.reason,
    },
  });
  return { id: updated.id, status: updated.status, enablesAt: updated.enablesAt?.toISOString() ?? null, accountId: application.accountId, sdkAppId: sdkAppId.toString() };
}
