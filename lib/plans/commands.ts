import 'server-only';
import type { Actor } from '../auth/guard';
import { DEFAULT_EDITION } from '../billing/catalog';
import { auditActor, writeAudit } from '../db/audit';
import type { Tx } from '../db/client';
import { DomainError } from '../errors';
import { assertNotHeldByOverdue, isPaidStart } from '../self-service/rules';
import { assertOwnAccount, assertOwnApp, assertRole } from './guard';
import { PLAN_AUDIT_ACTION, previewPlanChange, type PlanApp, type PlanPreview } from './preview';
import type { CreateAppInput, PlanChangeInput } from './schemas';

export const FIRST_SDK_APP_ID = 1_400_000_001n;
const LAST_SDK_APP_ID = 9_999_999_999n;
/** pg_advisory_xact_lock key serializing SDKAppID allocation. */
const APP_ID_LOCK = 7_140_000_001;

function dateValue(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Locks the app's row for the rest of the transaction: plan changes of one app apply one at a time. */
export async function lockApp(tx: Tx, sdkAppId: bigint): Promise<PlanApp> {
  const rows = await tx.$queryRaw<{ sdkAppId: bigint; accountId: number; name: string; dataCenter: string }[]>`
    SELECT "sdkAppId", "accountId", "name", "dataCenter"::text AS "dataCenter" FROM "App" WHERE "sdkAppId" = ${sdkAppId} FOR UPDATE`;
  const app = rows[0];
  if (!app) throw new DomainError('not_found', 'error.app.notFound', { params: { sdkAppId: String(sdkAppId) }, field: 'sdkAppId' });
  return { ...app, sdkAppId: BigInt(app.sdkAppId) };
}

export type PlanChangeResult = { eventId: string; preview: PlanPreview };

/**
 * Applies one plan change: the confirmation is recomputed under the app's lock (so what is written
 * is what the engine just validated), compared with the one the user confirmed, then the request
 * is appended to the plan-event log and audited in the same transaction.
 */
export async function applyPlanChange(tx: Tx, actor: Actor, input: PlanChangeInput, today: string): Promise<PlanChangeResult> {
  assertRole(actor, 'OPS', 'CUSTOMER');
  const app = await lockApp(tx, BigInt(input.sdkAppId));
  assertOwnApp(actor, app);
  // A customer confirms what they saw: no digest, no write.
  if (actor.role === 'CUSTOMER' && input.digest === undefined) {
    throw new DomainError('invalid', 'error.plan.confirm', { field: 'digest' });
  }
  const preview = await previewPlanChange(tx, app, input, today);
  if (input.digest !== undefined && input.digest !== preview.digest) {
    throw new DomainError('conflict', 'error.plan.changed');
  }
  if (isPaidStart(preview)) await assertNotHeldByOverdue(tx, actor, app.accountId, today);
  const e = preview.event;
  const created = await tx.planEvent.create({
    data: {
      sdkAppId: app.sdkAppId,
      date: dateValue(e.date),
      type: e.type === 'edition' ? 'EDITION' : 'ADDON',
      edition: e.type === 'edition' ? e.edition : null,
      addon: e.type === 'addon' ? e.addon : null,
      action: e.type === 'addon' ? (e.action === 'start' ? 'START' : 'STOP') : null,
      retentionDays: e.type === 'addon' && e.addon === 'HISTORY_RETENTION' && e.action === 'start' ? e.days : null,
      actorId: actor.id,
    },
  });
  await writeAudit(tx, auditActor(actor), {
    action: PLAN_AUDIT_ACTION[preview.kind],
    entityType: 'App',
    entityId: app.sdkAppId,
    accountId: app.accountId,
    before: preview.before,
    after: {
      ...preview.after,
      request: e,
      effectiveOn: preview.effectiveOn,
      planEventId: created.id,
      billing: preview.months.map((m) => ({
        month: m.month,
        currency: m.currency,
        totalBefore: m.totalBefore,
        totalAfter: m.totalAfter,
        added: m.added.map((l) => ({ code: l.code, from: l.from, to: l.to, amount: l.amount })),
        removed: m.removed.map((l) => ({ code: l.code, from: l.from, to: l.to, amount: l.amount })),
      })),
    },
  });
  return { eventId: created.id.toString(), preview };
}

export function changeEdition(tx: Tx, actor: Actor, input: Omit<Extract<PlanChangeInput, { kind: 'edition' }>, 'kind'>, today: string) {
  return applyPlanChange(tx, actor, { ...input, kind: 'edition' }, today);
}

export function startAddon(tx: Tx, actor: Actor, input: Omit<Extract<PlanChangeInput, { kind: 'addonStart' }>, 'kind'>, today: string) {
  return applyPlanChange(tx, actor, { ...input, kind: 'addonStart' }, today);
}

export function stopAddon(tx: Tx, actor: Actor, input: Omit<Extract<PlanChangeInput, { kind: 'addonStop' }>, 'kind'>, today: string) {
  return applyPlanChange(tx, actor, { ...input, kind: 'addonStop' }, today);
}

/**
 * A new app for an account: the next free SDKAppID (one above the highest ever given, allocated
 * under a transaction-scoped lock so two creations never pick the same number). It starts on
 * Trial or Developer by the account's scheme, implicitly: no plan event is needed.
 */
export async function createApp(tx: Tx, actor: Actor, input: CreateAppInput): Promise<{ sdkAppId: string; accountId: number }> {
  assertRole(actor, 'OPS', 'CUSTOMER');
  assertOwnAccount(actor, input.accountId);
  const accounts = await tx.$queryRaw<{ id: number; scheme: 'LEGACY' | 'CURRENT' }[]>`
    SELECT "id", "scheme"::text AS "scheme" FROM "Account" WHERE "id" = ${input.accountId} FOR UPDATE`;
  const account = accounts[0];
  if (!account) throw new DomainError('not_found', 'error.account.notFound', { params: { accountId: input.accountId }, field: 'accountId' });
  await tx.$queryRaw`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(${APP_ID_LOCK}::bigint)`;
  const [row] = await tx.$queryRaw<{ next: bigint }[]>`
    SELECT GREATEST(COALESCE(MAX("sdkAppId"), 0) + 1, ${FIRST_SDK_APP_ID}::bigint)::bigint AS "next" FROM "App"`;
  const sdkAppId = BigInt(row!.next);
  if (sdkAppId > LAST_SDK_APP_ID) throw new DomainError('conflict', 'error.plan.noSdkAppIdLeft');
  const app = await tx.app.create({
    data: { sdkAppId, accountId: account.id, name: input.name, dataCenter: input.dataCenter, createdAt: new Date() },
  });
  await writeAudit(tx, auditActor(actor), {
    action: 'app.create',
    entityType: 'App',
    entityId: sdkAppId,
    accountId: account.id,
    after: { sdkAppId, name: app.name, dataCenter: app.dataCenter, scheme: account.scheme, startsOn: DEFAULT_EDITION[account.scheme] },
  });
  return { sdkAppId: sdkAppId.toString(), accountId: account.id };
}
