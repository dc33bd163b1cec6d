import 'server-only';
import type { Actor } from '../auth/guard';
import { AV_CALL_TRIAL } from '../billing/catalog';
import { addDays } from '../billing/dates';
import { auditActor, writeAudit } from '../db/audit';
import type { Tx } from '../db/client';
import { DomainError } from '../errors';
import { assertOwnApp, assertRole } from '../plans/guard';
import type { GrantTrialInput } from './schemas';

type GrantRow = { sdkAppId: bigint; grantNo: number; accountGrantNo: number; startOn: string; endOn: string };

export type GrantedTrial = { id: number; sdkAppId: string; accountId: number; grantNo: number; accountGrantNo: number; startOn: string; endOn: string };

/**
 * Grants a 60-day audio/video call trial (DOMAIN section 6). The account's row is locked first, so
 * concurrent grants for one account count and number their grants one after the other; the unique
 * grant numbers, the CHECK on their range and the trigger stay the last line if anything slips.
 */
export async function grantTrial(tx: Tx, actor: Actor, input: GrantTrialInput, today: string): Promise<GrantedTrial> {
  assertRole(actor, 'OPS', 'CUSTOMER');
  const sdkAppId = BigInt(input.sdkAppId);
  const apps = await tx.$queryRaw<{ accountId: number; trtcEnabled: boolean }[]>`
    SELECT "accountId", "trtcEnabled" FROM "App" WHERE "sdkAppId" = ${sdkAppId}`;
  const app = apps[0];
  if (!app) throw new DomainError('not_found', 'error.app.notFound', { params: { sdkAppId: String(input.sdkAppId) }, field: 'sdkAppId' });
  assertOwnApp(actor, { sdkAppId, accountId: app.accountId });
  await tx.$queryRaw`SELECT "id" FROM "Account" WHERE "id" = ${app.accountId} FOR UPDATE`;

  const grants = await tx.$queryRaw<GrantRow[]>`
    SELECT "sdkAppId", "grantNo", "accountGrantNo", to_char("startOn", 'YYYY-MM-DD') AS "startOn", to_char("endOn", 'YYYY-MM-DD') AS "endOn"
      FROM "TrialGrant" WHERE "accountId" = ${app.accountId} ORDER BY "accountGrantNo"`;
  const own = grants.filter((g) => BigInt(g.sdkAppId) === sdkAppId);
  const running = own.find((g) => g.endOn >= today);
  if (running) {
    throw new DomainError('conflict', 'error.trial.running', { params: { sdkAppId: String(input.sdkAppId), from: running.startOn, to: running.endOn }, field: 'sdkAppId' });
  }
  if (own.length >= AV_CALL_TRIAL.maxGrantsPerApp) {
    throw new DomainError('conflict', 'error.trial.appQuota', { params: { sdkAppId: String(input.sdkAppId), max: AV_CALL_TRIAL.maxGrantsPerApp, grants: own.map((g) => `${g.startOn} – ${g.endOn}`).join(', ') }, field: 'sdkAppId' });
  }
  if (grants.length >= AV_CALL_TRIAL.maxGrantsPerAccount) {
    throw new DomainError('conflict', 'error.trial.accountQuota', { params: { accountId: app.accountId, max: AV_CALL_TRIAL.maxGrantsPerAccount }, field: 'sdkAppId' });
  }

  const startOn = today;
  const endOn = addDays(today, AV_CALL_TRIAL.days - 1);
  const grant = await tx.trialGrant.create({
    data: {
      sdkAppId,
      accountId: app.accountId,
      grantNo: own.length + 1,
      accountGrantNo: grants.length + 1,
      startOn: new Date(`${startOn}T00:00:00Z`),
      endOn: new Date(`${endOn}T00:00:00Z`),
      actorId: actor.id,
    },
  });
  // The first grant switches on the app's TRTC service (DOMAIN section 6).
  if (!app.trtcEnabled) await tx.app.update({ where: { sdkAppId }, data: { trtcEnabled: true } });
  const result: GrantedTrial = {
    id: grant.id,
    sdkAppId: input.sdkAppId,
    accountId: app.accountId,
    grantNo: grant.grantNo,
    accountGrantNo: grant.accountGrantNo,
    startOn,
    endOn,
  };
  await writeAudit(tx, auditActor(actor), {
    action: 'trial.grant',
    entityType: 'TrialGrant',
    entityId: grant.id,
    accountId: app.accountId,
    before: { appGrants: own.length, accountGrants: grants.length, trtcEnabled: app.trtcEnabled },
    after: { ...result, trtcEnabled: true },
  });
  return result;
}
