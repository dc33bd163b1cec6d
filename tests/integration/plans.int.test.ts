import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../lib/auth/guard';
import { monthBounds } from '../../lib/billing/dates';
import { rateAccount } from '../../lib/billing/rate';
import { invoiceData } from '../../lib/billing/serialize';
import { runBillingMonth } from '../../lib/billing-runs/commands';
import { DomainError } from '../../lib/errors';
import { applyPlanChange, changeEdition, createApp, startAddon, stopAddon } from '../../lib/plans/commands';
import { previewPlanChange, type PlanPreview } from '../../lib/plans/preview';
import { getAppPlan } from '../../lib/plans/queries';
import type { PlanChangeInput } from '../../lib/plans/schemas';
import { loadAccountInputs, loadPriceBooks } from '../../lib/rating/inputs';
import { addPlanEvent, addUsage, createAccount, createApp as createAppRow } from '../../prisma/seed/factories';
import { useTestDatabase } from './db';
import { insertShippedPriceBooks, staff } from './plans-helpers';

// The server actions read the session through next-auth; the test plays the signed-in user.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('next-auth', () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId, sessionVersion: 0 } } : null) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const getDb = useTestDatabase();
let ops: Actor;
let manager: Actor;
let customer: Actor;

beforeAll(async () => {
  const { prisma } = getDb();
  await insertShippedPriceBooks(prisma);
  ({ ops, manager, customer } = await staff(prisma));
});

async function legacyApp(events: { edition: 'PROFESSIONAL' | 'FLAGSHIP'; date: string }[] = []) {
  const { prisma } = getDb();
  const account = await createAccount(prisma, { scheme: 'LEGACY' });
  const app = await createAppRow(prisma, { accountId: account.id, dataCenter: 'CHINA' });
  for (const e of events) await addPlanEvent(prisma, { ...e, sdkAppId: app.sdkAppId });
  return { account, app, planApp: { sdkAppId: app.sdkAppId, accountId: account.id, name: app.name, dataCenter: app.dataCenter } };
}

async function currentApp(dataCenter: 'USA' | 'GERMANY' = 'USA') {
  const { prisma } = getDb();
  const account = await createAccount(prisma, { scheme: 'CURRENT' });
  const app = await createAppRow(prisma, { accountId: account.id, dataCenter });
  return { account, app, planApp: { sdkAppId: app.sdkAppId, accountId: account.id, name: app.name, dataCenter: app.dataCenter } };
}

function preview(planApp: Parameters<typeof previewPlanChange>[1], change: PlanChangeInput, today: string): Promise<PlanPreview> {
  return previewPlanChange(getDb().prisma, planApp, change, today);
}

function apply(actor: Actor, change: PlanChangeInput, today: string) {
  return getDb().prisma.$transaction((tx) => applyPlanChange(tx, actor, change, today));
}

/** What the billing run charges: the same loader and engine, reading what the command wrote. */
async function billed(accountId: number, month: string) {
  const { prisma } = getDb();
  const loaded = await loadAccountInputs(prisma, { accountIds: [accountId], usageFrom: monthBounds(month).from, usageTo: monthBounds(month).to });
  const [invoice] = rateAccount(loaded.get(accountId)!.input, [month], await loadPriceBooks(prisma));
  return invoiceData(invoice!);
}

const line = (code: string, extra: Record<string, unknown>) => expect.objectContaining({ code, ...extra });

describe('plan changes: the confirmation equals what the billing run charges', () => {
  it('upgrades Professional -> Flagship (worked example 2): credit -322.26, Flagship 2,999.00 from today', async () => {
    const { account, app, planApp } = await legacyApp([{ edition: 'PROFESSIONAL', date: '2026-10-15' }]);
    await addUsage(getDb().prisma, { sdkAppId: app.sdkAppId, date: '2026-10-20', dau: 25_310, peakGroups: 100_000 });
    const change: PlanChangeInput = { kind: 'edition', sdkAppId: app.sdkAppId.toString(), edition: 'FLAGSHIP' };

    const confirmation = await preview(planApp, change, '2026-11-05');
    expect(confirmation.kind).toBe('edition-change');
    expect(confirmation.effectiveOn).toBe('2026-11-05');
    const november = confirmation.months.find((m) => m.month === '2026-11')!;
    expect(november.currency).toBe('CNY');
    expect(november.added).toEqual(
      expect.arrayContaining([
        line('PACKAGE_CREDIT', { edition: 'PROFESSIONAL', from: '2026-11-05', to: '2026-11-14', amount: '-322.26' }),
        line('PACKAGE', { edition: 'FLAGSHIP', from: '2026-11-05', to: '2026-12-04', amount: '2999.00' }),
      ]),
    );
    expect(november.removed).toEqual([line('PACKAGE', { edition: 'PROFESSIONAL', from: '2026-11-15', to: '2026-12-14', amount: '999.00' })]);
    expect(november.totalBefore).toBe('999.00');
    expect(november.totalAfter).toBe('2676.74');
    const rooms = confirmation.limits.find((l) => l.key === 'avChatRooms')!;
    expect(rooms).toMatchObject({ before: 50, after: 'unlimited', changed: true });
    expect(confirmation.limits.find((l) => l.key === 'friendsPerUser')).toMatchObject({ raisable: false, changed: false });

    const result = await getDb().prisma.$transaction((tx) =>
      changeEdition(tx, ops, { sdkAppId: change.sdkAppId, edition: 'FLAGSHIP', digest: confirmation.digest }, '2026-11-05'),
    );
    expect(result.preview.digest).toBe(confirmation.digest);

    const invoice = await billed(account.id, '2026-11');
    expect(invoice.lines).toEqual(november.appLinesAfter);
    expect(invoice.total).toBe(november.totalAfter);
    for (const added of november.added) expect(invoice.lines).toContainEqual(added);
    for (const removed of november.removed) expect(invoice.lines).not.toContainEqual(removed);

    const stored = await getDb().prisma.planEvent.findMany({ where: { sdkAppId: app.sdkAppId }, orderBy: { id: 'asc' } });
    expect(stored.at(-1)).toMatchObject({ type: 'EDITION', edition: 'FLAGSHIP', actorId: ops.id });
    expect(stored.at(-1)!.date.toISOString().slice(0, 10)).toBe('2026-11-05');
    const audit = await getDb().prisma.auditLog.findFirst({ where: { entityId: app.sdkAppId.toString(), action: 'plan.edition.change' } });
    expect(audit).toMatchObject({ actorId: ops.id, actorLabel: ops.email, accountId: account.id });
    expect(audit!.before).toMatchObject({ edition: 'PROFESSIONAL' });
    expect(audit!.after).toMatchObject({ edition: 'FLAGSHIP', request: { edition: 'FLAGSHIP', date: '2026-11-05' } });
  });

  it('the billing run later writes exactly the confirmed lines on the draft invoice', async () => {
    const { prisma } = getDb();
    const { account, app, planApp } = await legacyApp([{ edition: 'PROFESSIONAL', date: '2026-10-15' }]);
    const sdkAppId = app.sdkAppId.toString();
    const upgrade = await preview(planApp, { kind: 'edition', sdkAppId, edition: 'FLAGSHIP' }, '2026-11-05');
    await apply(ops, { kind: 'edition', sdkAppId, edition: 'FLAGSHIP', digest: upgrade.digest }, '2026-11-05');
    const addon = await preview(planApp, { kind: 'addonStart', sdkAppId, addon: 'GROUP_JOIN_CAP' }, '2026-11-12');
    await apply(ops, { kind: 'addonStart', sdkAppId, addon: 'GROUP_JOIN_CAP', digest: addon.digest }, '2026-11-12');

    const run = await runBillingMonth('2026-11', { id: null, label: 'test:billing-run' }, { today: '2026-12-01' });
    expect(run.status).toBe('SUCCEEDED');
    const invoice = await prisma.invoice.findFirstOrThrow({
      where: { accountId: account.id, month: '2026-11' },
      include: { lines: { orderBy: { position: 'asc' } } },
    });
    const written = invoice.lines.map((l) => ({
      code: l.code,
      from: l.fromDate.toISOString().slice(0, 10),
      to: l.toDate.toISOString().slice(0, 10),
      amount: l.amount.toFixed(2),
      explain: l.explain,
      explanation: { key: l.explainKey, params: l.explainParams },
    }));
    const confirmed = addon.months.find((m) => m.month === '2026-11')!;
    expect(written).toEqual(confirmed.appLinesAfter.map(({ code, from, to, amount, explain, explanation }) => ({ code, from, to, amount, explain, explanation })));
    expect(invoice.total.toFixed(2)).toBe(confirmed.totalAfter);
    expect(written).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'PACKAGE_CREDIT', amount: '-322.26' }),
        expect.objectContaining({ code: 'PACKAGE', amount: '2999.00', from: '2026-11-05', to: '2026-12-04' }),
        expect.objectContaining({ code: 'ADDON', amount: '900.00', from: '2026-11-12', to: '2026-12-11' }),
      ]),
    );
  });

  it('schedules a Flagship -> Professional downgrade after the cycle, shows it pending, and cancels it', async () => {
    const { account, app, planApp } = await legacyApp([{ edition: 'FLAGSHIP', date: '2026-09-05' }]);
    const sdkAppId = app.sdkAppId.toString();
    const today = '2026-11-23';

    const confirmation = await preview(planApp, { kind: 'edition', sdkAppId, edition: 'PROFESSIONAL' }, today);
    expect(confirmation.kind).toBe('downgrade-schedule');
    expect(confirmation.effectiveOn).toBe('2026-12-05');
    expect(confirmation.months.find((m) => m.month === '2026-11')!.added).toEqual([]);
    const december = confirmation.months.find((m) => m.month === '2026-12')!;
    expect(december.removed).toEqual([line('PACKAGE', { edition: 'FLAGSHIP', from: '2026-12-05', to: '2027-01-04', amount: '2999.00' })]);
    expect(december.added).toEqual([line('PACKAGE', { edition: 'PROFESSIONAL', from: '2026-12-05', to: '2027-01-04', amount: '999.00' })]);
    expect(confirmation.limits.find((l) => l.key === 'avChatRooms')).toMatchObject({ before: 'unlimited', after: 50, changed: true });

    await apply(ops, { kind: 'edition', sdkAppId, edition: 'PROFESSIONAL', digest: confirmation.digest }, today);
    const plan = await getAppPlan(account.id, app.sdkAppId, today);
    expect(plan!.state).toMatchObject({ edition: 'FLAGSHIP', pendingDowngrade: { edition: 'PROFESSIONAL', effectiveOn: '2026-12-05' } });
    expect(plan!.editionOptions).toEqual(['FLAGSHIP']);
    const december2 = await billed(account.id, '2026-12');
    expect(december2.lines).toEqual(december.appLinesAfter);

    await expect(apply(ops, { kind: 'edition', sdkAppId, edition: 'PROFESSIONAL' }, today)).rejects.toThrow(/already scheduled for 2026-12-05/);

    const cancel = await preview(planApp, { kind: 'edition', sdkAppId, edition: 'FLAGSHIP' }, today);
    expect(cancel.kind).toBe('downgrade-cancel');
    expect(cancel.months.find((m) => m.month === '2026-12')!.added).toEqual([line('PACKAGE', { edition: 'FLAGSHIP', amount: '2999.00' })]);
    await apply(ops, { kind: 'edition', sdkAppId, edition: 'FLAGSHIP', digest: cancel.digest }, today);
    const after = await getAppPlan(account.id, app.sdkAppId, today);
    expect(after!.state.pendingDowngrade).toBeNull();
    expect((await billed(account.id, '2026-12')).lines).toEqual([line('PACKAGE', { edition: 'FLAGSHIP', from: '2026-12-05', amount: '2999.00' })]);
    const actions = (await getDb().prisma.auditLog.findMany({ where: { entityId: sdkAppId }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['plan.downgrade.schedule', 'plan.downgrade.cancel']);
  });

  it('refuses paid -> Trial with the engine\'s message, and a request that changes nothing', async () => {
    const { app, planApp } = await legacyApp([{ edition: 'PROFESSIONAL', date: '2026-10-15' }]);
    const sdkAppId = app.sdkAppId.toString();
    const trial = preview(planApp, { kind: 'edition', sdkAppId, edition: 'TRIAL' }, '2026-11-23');
    await expect(trial).rejects.toThrow(/Paid -> Trial is refused: create a new app instead/);
    await expect(trial).rejects.toMatchObject({ field: 'edition', code: 'invalid' });
    await expect(preview(planApp, { kind: 'edition', sdkAppId, edition: 'PROFESSIONAL' }, '2026-11-23')).rejects.toThrow(/already holds Professional/);
    await expect(preview(planApp, { kind: 'edition', sdkAppId, edition: 'PRO' }, '2026-11-23')).rejects.toThrow(/not a legacy edition/);
    await expect(preview(planApp, { kind: 'edition', sdkAppId, edition: 'FLAGSHIP', date: '2026-11-30' }, '2026-11-23')).rejects.toMatchObject({ field: 'date' });
    expect(await getDb().prisma.planEvent.count({ where: { sdkAppId: app.sdkAppId } })).toBe(1);
  });

  it('starts and stops add-ons the edition offers, raising limits; the friends limit never moves', async () => {
    const { account, app, planApp } = await legacyApp([{ edition: 'PROFESSIONAL', date: '2026-10-15' }]);
    const sdkAppId = app.sdkAppId.toString();
    const today = '2026-11-10';

    const start = await preview(planApp, { kind: 'addonStart', sdkAppId, addon: 'GROUP_MEMBER_CAP' }, today);
    expect(start.kind).toBe('addon-start');
    expect(start.months[0]!.added).toEqual([line('ADDON', { addon: 'GROUP_MEMBER_CAP', from: '2026-11-10', to: '2026-12-09', amount: '500.00' })]);
    expect(start.limits.find((l) => l.key === 'membersPerGroup')).toMatchObject({ before: 200, after: 2000, changed: true, raisedByAfter: 'GROUP_MEMBER_CAP' });
    expect(start.limits.find((l) => l.key === 'friendsPerUser')).toMatchObject({ before: 3000, after: 3000, changed: false, raisable: false });
    await getDb().prisma.$transaction((tx) => startAddon(tx, ops, { sdkAppId, addon: 'GROUP_MEMBER_CAP', digest: start.digest }, today));
    expect((await billed(account.id, '2026-11')).lines).toEqual(start.months[0]!.appLinesAfter);
    await expect(apply(ops, { kind: 'addonStart', sdkAppId, addon: 'GROUP_MEMBER_CAP' }, today)).rejects.toThrow(/already running/);

    const retention = await preview(planApp, { kind: 'addonStart', sdkAppId, addon: 'HISTORY_RETENTION', days: 90 }, today);
    expect(retention.months[0]!.added).toEqual([line('HISTORY_RETENTION', { from: '2026-11-10', to: '2026-11-30', amount: '700.00' })]);
    expect(retention.limits.find((l) => l.key === 'freeHistoryDays')).toMatchObject({ before: 7, after: 90 });
    await expect(preview(planApp, { kind: 'addonStart', sdkAppId, addon: 'HISTORY_RETENTION' }, today)).rejects.toMatchObject({ field: 'days' });

    const stop = await preview(planApp, { kind: 'addonStop', sdkAppId, addon: 'GROUP_MEMBER_CAP' }, '2026-11-20');
    expect(stop.kind).toBe('addon-stop');
    expect(stop.effectiveOn).toBe('2026-12-10');
    expect(stop.months.find((m) => m.month === '2026-12')!.removed).toEqual([line('ADDON', { addon: 'GROUP_MEMBER_CAP', from: '2026-12-10', amount: '500.00' })]);
    expect(stop.limits.find((l) => l.key === 'membersPerGroup')).toMatchObject({ before: 2000, after: 200 });
    await getDb().prisma.$transaction((tx) => stopAddon(tx, ops, { sdkAppId, addon: 'GROUP_MEMBER_CAP' }, '2026-11-20'));
    await expect(apply(ops, { kind: 'addonStop', sdkAppId, addon: 'GROUP_MEMBER_CAP' }, '2026-11-21')).rejects.toThrow(/already requested; it ends after 2026-12-09/);
  });

  it('refuses add-ons the edition does not offer, on Trial and on the current scheme', async () => {
    const flagship = await legacyApp([{ edition: 'FLAGSHIP', date: '2026-10-01' }]);
    await expect(
      preview(flagship.planApp, { kind: 'addonStart', sdkAppId: flagship.app.sdkAppId.toString(), addon: 'AV_CHATROOM_UNLIMITED' }, '2026-11-23'),
    ).rejects.toMatchObject({ field: 'addon', message: expect.stringMatching(/not offered on Flagship: Flagship already has unlimited/) });
    const trial = await legacyApp();
    await expect(
      preview(trial.planApp, { kind: 'addonStart', sdkAppId: trial.app.sdkAppId.toString(), addon: 'SECURITY_STRIKE' }, '2026-11-23'),
    ).rejects.toThrow(/not offered on Trial/);
    const current = await currentApp();
    await expect(
      preview(current.planApp, { kind: 'addonStart', sdkAppId: current.app.sdkAppId.toString(), addon: 'SECURITY_STRIKE' }, '2026-11-23'),
    ).rejects.toThrow(/only on the legacy scheme/);
  });

  it('changes a current edition on the chosen date (worked example 3) and refuses the past', async () => {
    const { account, app, planApp } = await currentApp();
    const sdkAppId = app.sdkAppId.toString();
    await addUsage(getDb().prisma, { sdkAppId: app.sdkAppId, date: '2026-11-30', mau: 13_000 });
    await expect(preview(planApp, { kind: 'edition', sdkAppId, edition: 'STANDARD', date: '2026-11-10' }, '2026-11-11')).rejects.toMatchObject({ field: 'date' });
    await expect(preview(planApp, { kind: 'edition', sdkAppId, edition: 'FLAGSHIP' }, '2026-11-11')).rejects.toThrow(/not a current edition/);
    const confirmation = await preview(planApp, { kind: 'edition', sdkAppId, edition: 'STANDARD', date: '2026-11-11' }, '2026-11-05');
    const november = confirmation.months[0]!;
    expect(november.currency).toBe('USD');
    expect(november.added).toHaveLength(2);
    expect(november.added).toEqual(
      expect.arrayContaining([
        line('PACKAGE', { edition: 'STANDARD', from: '2026-11-11', to: '2026-11-30', amount: '266.00' }),
        line('MAU_OVERAGE', { amount: '45.00', quantity: '3000' }),
      ]),
    );
    expect(november.totalAfter).toBe('311.00');
    await apply(ops, { kind: 'edition', sdkAppId, edition: 'STANDARD', date: '2026-11-11', digest: confirmation.digest }, '2026-11-05');
    const invoice = await billed(account.id, '2026-11');
    expect(invoice.lines).toEqual(november.appLinesAfter);
    expect(invoice.total).toBe('311.00');
    const plan = await getAppPlan(account.id, app.sdkAppId, '2026-11-05');
    expect(plan!.history[0]).toMatchObject({ edition: 'STANDARD', date: '2026-11-11', upcoming: true, actorEmail: ops.email });
    await expect(apply(ops, { kind: 'edition', sdkAppId, edition: 'STANDARD', date: '2026-11-20' }, '2026-11-05')).rejects.toThrow(/already holds Standard/);
  });

  it('refuses a confirmation that went stale', async () => {
    const { app, planApp } = await legacyApp([{ edition: 'PROFESSIONAL', date: '2026-10-15' }]);
    const sdkAppId = app.sdkAppId.toString();
    const upgrade = await preview(planApp, { kind: 'edition', sdkAppId, edition: 'FLAGSHIP' }, '2026-11-23');
    await apply(ops, { kind: 'addonStart', sdkAppId, addon: 'SECURITY_STRIKE' }, '2026-11-23');
    const stale = apply(ops, { kind: 'edition', sdkAppId, edition: 'FLAGSHIP', digest: upgrade.digest }, '2026-11-23');
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
    await expect(stale).rejects.toThrow(/review it again/);
  });
});

describe('roles', () => {
  it('refuses plan commands to account managers and customers, writing nothing', async () => {
    const { prisma } = getDb();
    const { account, app } = await legacyApp([{ edition: 'PROFESSIONAL', date: '2026-10-15' }]);
    const sdkAppId = app.sdkAppId.toString();
    for (const actor of [manager, customer]) {
      await expect(apply(actor, { kind: 'edition', sdkAppId, edition: 'FLAGSHIP' }, '2026-11-23')).rejects.toBeInstanceOf(DomainError);
      await expect(apply(actor, { kind: 'addonStart', sdkAppId, addon: 'SECURITY_STRIKE' }, '2026-11-23')).rejects.toMatchObject({ code: 'forbidden' });
      await expect(prisma.$transaction((tx) => createApp(tx, actor, { accountId: account.id, name: 'x', dataCenter: 'USA' }))).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await prisma.planEvent.count({ where: { sdkAppId: app.sdkAppId } })).toBe(1);
  });

  it('refuses the server actions on the server for the wrong role (403), and runs them for ops', async () => {
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
    process.env.CONSOLE_TODAY = '2026-11-23';
    const { applyPlanChangeAction, previewPlanChangeAction } = await import('../../lib/plans/actions');
    const { app } = await legacyApp([{ edition: 'PROFESSIONAL', date: '2026-10-15' }]);
    const input = { kind: 'edition', sdkAppId: app.sdkAppId.toString(), edition: 'FLAGSHIP' };
    for (const actor of [manager, customer]) {
      session.userId = actor.id;
      await expect(applyPlanChangeAction(input)).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;403' });
      await expect(previewPlanChangeAction(input)).rejects.toMatchObject({ digest: 'NEXT_HTTP_ERROR_FALLBACK;403' });
    }
    session.userId = null;
    await expect(applyPlanChangeAction(input)).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/signin/) });
    expect(await getDb().prisma.planEvent.count({ where: { sdkAppId: app.sdkAppId } })).toBe(1);

    session.userId = ops.id;
    const invalid = await applyPlanChangeAction({ ...input, edition: 'GOLD' });
    expect(invalid).toMatchObject({ ok: false, fieldErrors: { edition: [expect.stringMatching(/edition must be one of/)] } });
    const done = await applyPlanChangeAction(input);
    expect(done).toMatchObject({ ok: true, data: { kind: 'edition-change' } });
    expect(await getDb().prisma.planEvent.count({ where: { sdkAppId: app.sdkAppId } })).toBe(2);
    session.userId = null;
  });
});

describe('creating apps', () => {
  it('gives the next free SDKAppID, one at a time even when asked in parallel', async () => {
    const { prisma } = getDb();
    const account = await createAccount(prisma, { scheme: 'LEGACY' });
    await createAppRow(prisma, { accountId: account.id });
    const max = (await prisma.app.aggregate({ _max: { sdkAppId: true } }))._max.sdkAppId!;
    const created = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        prisma.$transaction((tx) => createApp(tx, ops, { accountId: account.id, name: `Parallel ${i}`, dataCenter: 'CHINA' }), { maxWait: 15_000, timeout: 30_000 }),
      ),
    );
    expect(created.map((c) => BigInt(c.sdkAppId)).sort()).toEqual([1n, 2n, 3n, 4n, 5n].map((k) => max + k));
    const plan = await getAppPlan(account.id, BigInt(created[0]!.sdkAppId), '2026-11-23');
    expect(plan!.state.edition).toBe('TRIAL');
    expect(await prisma.auditLog.count({ where: { action: 'app.create', accountId: account.id } })).toBe(5);
    await expect(prisma.$transaction((tx) => createApp(tx, ops, { accountId: 999_999, name: 'x', dataCenter: 'USA' }))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('starts a current account\'s app on Developer', async () => {
    const { prisma } = getDb();
    const account = await createAccount(prisma, { scheme: 'CURRENT' });
    const created = await prisma.$transaction((tx) => createApp(tx, ops, { accountId: account.id, name: 'New', dataCenter: 'USA' }));
    expect(BigInt(created.sdkAppId)).toBeGreaterThanOrEqual(1_400_000_001n);
    expect((await getAppPlan(account.id, BigInt(created.sdkAppId), '2026-11-23'))!.state.edition).toBe('DEVELOPER');
  });
});
