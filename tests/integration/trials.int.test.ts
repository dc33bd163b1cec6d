import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/guard';
import { grantTrial } from '../../lib/trials/commands';
import { getTrialSummary } from '../../lib/trials/queries';
import { createAccount, createApp } from '../../prisma/seed/factories';
import { onPostgres, useTestDatabase } from './db';
import { staff } from './plans-helpers';

const getDb = useTestDatabase();
let ops: Actor;
let manager: Actor;
let customer: Actor;

beforeAll(async () => {
  ({ ops, manager, customer } = await staff(getDb().prisma));
});

function grant(actor: Actor, sdkAppId: bigint, today: string) {
  return getDb().prisma.$transaction((tx) => grantTrial(tx, actor, { sdkAppId: sdkAppId.toString() }, today), { maxWait: 30_000, timeout: 30_000 });
}

async function accountWithApps(count: number) {
  const { prisma } = getDb();
  const account = await createAccount(prisma, { scheme: 'CURRENT' });
  const apps = [];
  for (let i = 0; i < count; i++) apps.push(await createApp(prisma, { accountId: account.id }));
  return { account, apps };
}

describe('audio/video call trials (DOMAIN section 6)', () => {
  it('grants 60 days, switches TRTC on with the first grant, one at a time, two per app', async () => {
    const { prisma } = getDb();
    const { account, apps } = await accountWithApps(1);
    const app = apps[0]!;
    const first = await grant(ops, app.sdkAppId, '2026-01-10');
    expect(first).toMatchObject({ grantNo: 1, accountGrantNo: 1, startOn: '2026-01-10', endOn: '2026-03-10' });
    expect((await prisma.app.findUniqueOrThrow({ where: { sdkAppId: app.sdkAppId } })).trtcEnabled).toBe(true);

    await expect(grant(ops, app.sdkAppId, '2026-03-10')).rejects.toThrow(/already holds an audio\/video call trial \(2026-01-10 to 2026-03-10\): one at a time/);
    const second = await grant(ops, app.sdkAppId, '2026-03-11');
    expect(second).toMatchObject({ grantNo: 2, accountGrantNo: 2, endOn: '2026-05-09' });
    await expect(grant(ops, app.sdkAppId, '2026-06-01')).rejects.toThrow(/has had its 2 audio\/video call trials/);

    const summary = await getTrialSummary(account.id, app.sdkAppId, '2026-06-01');
    expect(summary).toMatchObject({ appUsed: 2, appMax: 2, accountUsed: 2, accountMax: 10, trtcEnabled: true, blocked: { reason: 'appQuota' } });
    expect(summary.grants.map((g) => [g.startOn, g.endOn, g.status, g.grantedBy])).toEqual([
      ['2026-01-10', '2026-03-10', 'ended', ops.email],
      ['2026-03-11', '2026-05-09', 'ended', ops.email],
    ]);
    const audit = await prisma.auditLog.findMany({ where: { action: 'trial.grant', accountId: account.id }, orderBy: { id: 'asc' } });
    expect(audit).toHaveLength(2);
    expect(audit[0]!.after).toMatchObject({ grantNo: 1, startOn: '2026-01-10', endOn: '2026-03-10', trtcEnabled: true });
    expect(audit[0]!.before).toMatchObject({ trtcEnabled: false });
  });

  it('refuses the wrong role on the server', async () => {
    const { apps } = await accountWithApps(1);
    await expect(grant(manager, apps[0]!.sdkAppId, '2026-11-23')).rejects.toMatchObject({ code: 'forbidden' });
    // A customer of another account: the app is not theirs (self-service, DOMAIN.md 13).
    await expect(grant(customer, apps[0]!.sdkAppId, '2026-11-23')).rejects.toMatchObject({ code: 'not_found' });
    expect(await getDb().prisma.trialGrant.count({ where: { sdkAppId: apps[0]!.sdkAppId } })).toBe(0);
  });

  it(`holds the limits under 20 parallel requests at an account with 12 apps (${onPostgres ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const { prisma } = getDb();
    const { account, apps } = await accountWithApps(12);
    // 20 requests over the 12 apps: 8 apps are asked twice at once.
    const targets = Array.from({ length: 20 }, (_, i) => apps[i % apps.length]!.sdkAppId);
    const results = await Promise.allSettled(targets.map((id) => grant(ops, id, '2026-11-23')));
    const granted = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(granted).toHaveLength(10);
    expect(refused).toHaveLength(10);
    for (const r of refused) {
      expect(r.reason).toMatchObject({ code: 'conflict' });
      expect(String(r.reason.message)).toMatch(/has used all 10 audio\/video call trial grants|already holds an audio\/video call trial/);
    }
    const rows = await prisma.trialGrant.findMany({ where: { accountId: account.id }, orderBy: { accountGrantNo: 'asc' } });
    expect(rows.map((r) => r.accountGrantNo)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(rows.map((r) => r.sdkAppId)).size).toBe(10);
    expect(rows.every((r) => r.grantNo === 1)).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: 'trial.grant', accountId: account.id } })).toBe(10);
    const untouched = apps.filter((a) => !rows.some((r) => r.sdkAppId === a.sdkAppId));
    await expect(grant(ops, untouched[0]!.sdkAppId, '2026-11-24')).rejects.toThrow(/has used all 10/);
    const summary = await getTrialSummary(account.id, untouched[0]!.sdkAppId, '2026-11-24');
    expect(summary).toMatchObject({ appUsed: 0, accountUsed: 10, blocked: { reason: 'accountQuota' } });
  });

  it('is still refused by the database when the application check is bypassed', async () => {
    const { prisma } = getDb();
    const { account, apps } = await accountWithApps(1);
    await grant(ops, apps[0]!.sdkAppId, '2026-11-23');
    await expect(
      prisma.trialGrant.create({
        data: { sdkAppId: apps[0]!.sdkAppId, accountId: account.id, grantNo: 2, accountGrantNo: 2, startOn: new Date('2026-12-01'), endOn: new Date('2027-01-29') },
      }),
    ).rejects.toThrow(/one at a time/);
  });
});
