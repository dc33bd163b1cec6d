import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/guard';
import type { Tx } from '../../lib/db/client';
import { decideApplication, submitApplication } from '../../lib/features/commands';
import { getFeatureStates } from '../../lib/features/queries';
import { applyPlanChange } from '../../lib/plans/commands';
import { addPlanEvent, createAccount, createApp } from '../../prisma/seed/factories';
import { useTestDatabase } from './db';
import { insertShippedPriceBooks, staff } from './plans-helpers';

const getDb = useTestDatabase();
let ops: Actor;
let manager: Actor;
let customer: Actor;

beforeAll(async () => {
  await insertShippedPriceBooks(getDb().prisma);
  ({ ops, manager, customer } = await staff(getDb().prisma));
});

function tx<T>(fn: (t: Tx) => Promise<T>): Promise<T> {
  return getDb().prisma.$transaction(fn);
}

async function proApp(dataCenter: 'USA' | 'GERMANY' = 'USA') {
  const { prisma } = getDb();
  const account = await createAccount(prisma, { scheme: 'CURRENT' });
  const app = await createApp(prisma, { accountId: account.id, dataCenter });
  await addPlanEvent(prisma, { sdkAppId: app.sdkAppId, edition: 'PRO', date: '2026-10-01' });
  return { account, app, sdkAppId: app.sdkAppId.toString() };
}

describe('broadcast push applications (DOMAIN C3)', () => {
  it('ops file, approve; it switches on 48 hours after approval; a downgrade to Standard switches it off', async () => {
    const { prisma } = getDb();
    const { account, app, sdkAppId } = await proApp();
    const t0 = new Date('2026-11-23T10:00:00+08:00');
    expect((await getFeatureStates(account.id, app.sdkAppId, '2026-11-23', t0))!.broadcastPush).toEqual({ status: 'available' });

    const filed = await tx((t) => submitApplication(t, ops, { sdkAppId, note: 'Weekly news to everyone' }, '2026-11-23', t0));
    expect((await getFeatureStates(account.id, app.sdkAppId, '2026-11-23', t0))!.broadcastPush).toMatchObject({ status: 'pending' });
    await expect(tx((t) => submitApplication(t, ops, { sdkAppId, note: '' }, '2026-11-23', t0))).rejects.toThrow(/already applied for/);

    const approvedAt = new Date('2026-11-23T11:00:00+08:00');
    const decided = await tx((t) => decideApplication(t, ops, { decision: 'approve', applicationId: filed.id }, '2026-11-23', approvedAt));
    expect(decided.enablesAt).toBe(new Date('2026-11-25T11:00:00+08:00').toISOString());
    const justBefore = await getFeatureStates(account.id, app.sdkAppId, '2026-11-25', new Date('2026-11-25T10:59:59+08:00'));
    expect(justBefore!.broadcastPush).toMatchObject({ status: 'scheduled', enablesAt: decided.enablesAt });
    const after = await getFeatureStates(account.id, app.sdkAppId, '2026-11-25', new Date('2026-11-25T11:00:00+08:00'));
    expect(after!.broadcastPush).toMatchObject({ status: 'on', reason: 'approved' });
    expect(after!.applications[0]).toMatchObject({ status: 'APPROVED', decidedBy: ops.email, note: 'Weekly news to everyone' });
    await expect(tx((t) => decideApplication(t, ops, { decision: 'reject', applicationId: filed.id, reason: 'changed my mind' }, '2026-11-25'))).rejects.toThrow(/already approved/);

    await tx((t) => applyPlanChange(t, ops, { kind: 'edition', sdkAppId, edition: 'STANDARD', date: '2026-12-01' }, '2026-11-25'));
    const standard = await getFeatureStates(account.id, app.sdkAppId, '2026-12-01', new Date('2026-12-01T10:00:00+08:00'));
    expect(standard!.broadcastPush).toEqual({ status: 'off', reason: 'standard' });
    await tx((t) => applyPlanChange(t, ops, { kind: 'edition', sdkAppId, edition: 'PRO', date: '2026-12-10' }, '2026-12-01'));
    const backOnPro = await getFeatureStates(account.id, app.sdkAppId, '2026-12-10', new Date('2026-12-10T10:00:00+08:00'));
    expect(backOnPro!.broadcastPush).toEqual({ status: 'available' });

    const actions = (await prisma.auditLog.findMany({ where: { entityType: 'FeatureApplication', entityId: String(filed.id) }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['feature.apply', 'feature.approve']);
  });

  it('refuses applications off Pro, rejections without a reason, and the wrong role', async () => {
    const { prisma } = getDb();
    const account = await createAccount(prisma, { scheme: 'CURRENT' });
    const standard = await createApp(prisma, { accountId: account.id });
    await addPlanEvent(prisma, { sdkAppId: standard.sdkAppId, edition: 'STANDARD', date: '2026-10-01' });
    await expect(tx((t) => submitApplication(t, ops, { sdkAppId: standard.sdkAppId.toString(), note: '' }, '2026-11-23'))).rejects.toThrow(/Pro 进阶版 only; the app holds Standard/);

    const { sdkAppId } = await proApp();
    const filed = await tx((t) => submitApplication(t, ops, { sdkAppId, note: '' }, '2026-11-23'));
    for (const actor of [manager, customer]) {
      await expect(tx((t) => decideApplication(t, actor, { decision: 'approve', applicationId: filed.id }, '2026-11-23'))).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(tx((t) => submitApplication(t, manager, { sdkAppId, note: '' }, '2026-11-23'))).rejects.toMatchObject({ code: 'forbidden' });
    // A customer applies for their own apps only (self-service, DOMAIN.md 13).
    await expect(tx((t) => submitApplication(t, customer, { sdkAppId, note: '' }, '2026-11-23'))).rejects.toMatchObject({ code: 'not_found' });
    const rejected = await tx((t) => decideApplication(t, ops, { decision: 'reject', applicationId: filed.id, reason: 'No opt-out flow' }, '2026-11-23'));
    expect(rejected.status).toBe('REJECTED');
    expect(await prisma.featureApplication.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({ status: 'REJECTED', reason: 'No opt-out flow', decidedById: ops.id });
  });

  it('shows communities off in GERMANY even on Pro', async () => {
    const { account, app } = await proApp('GERMANY');
    expect((await getFeatureStates(account.id, app.sdkAppId, '2026-11-23'))!.community).toEqual({ status: 'off', reason: 'dataCenter' });
  });
});
