import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/guard';
import { recordPayment } from '../../lib/balances/commands';
import { submitApplication } from '../../lib/features/commands';
import { issueInvoice } from '../../lib/invoices/commands';
import { hasInvoiceOverdueOver30Days } from '../../lib/invoices/overdue';
import { requestMigration } from '../../lib/migrations/commands';
import { applyPlanChange, createApp } from '../../lib/plans/commands';
import { previewPlanChange } from '../../lib/plans/preview';
import type { PlanChangeInput } from '../../lib/plans/schemas';
import { grantTrial } from '../../lib/trials/commands';
import { addPlanEvent, createAccount, createApp as createAppRow, createUser } from '../../prisma/seed/factories';
import { useTestDatabase } from './db';
import { actorOf, insertShippedPriceBooks } from './plans-helpers';

const getDb = useTestDatabase();
const TODAY = '2026-11-23';
const TX = { maxWait: 30_000, timeout: 30_000 };

let ops: Actor;

beforeAll(async () => {
  const { prisma } = getDb();
  await insertShippedPriceBooks(prisma);
  ops = actorOf(await createUser(prisma, { role: 'OPS' }));
});

/** A LEGACY account with a Professional app and a Trial app, and a CURRENT account with a Pro app; each with its customer. */
async function customers() {
  const { prisma } = getDb();
  const legacy = await createAccount(prisma, { scheme: 'LEGACY' });
  const professional = await createAppRow(prisma, { accountId: legacy.id, dataCenter: 'CHINA' });
  await addPlanEvent(prisma, { sdkAppId: professional.sdkAppId, edition: 'PROFESSIONAL', date: '2026-10-15' });
  await addPlanEvent(prisma, { sdkAppId: professional.sdkAppId, addon: 'SECURITY_STRIKE', date: '2026-10-15' });
  await addPlanEvent(prisma, { sdkAppId: professional.sdkAppId, addon: 'HISTORY_RETENTION', retentionDays: 90, date: '2026-10-15' });
  const trial = await createAppRow(prisma, { accountId: legacy.id, dataCenter: 'CHINA' });
  const current = await createAccount(prisma, { scheme: 'CURRENT' });
  const pro = await createAppRow(prisma, { accountId: current.id, dataCenter: 'USA' });
  await addPlanEvent(prisma, { sdkAppId: pro.sdkAppId, edition: 'PRO', date: '2026-10-01' });
  const legacyCustomer = actorOf(await createUser(prisma, { role: 'CUSTOMER', accountId: legacy.id }));
  const currentCustomer = actorOf(await createUser(prisma, { role: 'CUSTOMER', accountId: current.id }));
  return { legacy, professional, trial, current, pro, legacyCustomer, currentCustomer };
}

/** Everything a self-service action could write, for one account. */
async function footprint(accountId: number) {
  const { prisma } = getDb();
  const apps = await prisma.app.findMany({ where: { accountId }, select: { sdkAppId: true, trtcEnabled: true }, orderBy: { sdkAppId: 'asc' } });
  const ids = apps.map((a) => a.sdkAppId);
  return {
    apps: apps.map((a) => `${a.sdkAppId}:${a.trtcEnabled}`),
    planEvents: await prisma.planEvent.count({ where: { sdkAppId: { in: ids } } }),
    trials: await prisma.trialGrant.count({ where: { accountId } }),
    applications: await prisma.featureApplication.count({ where: { sdkAppId: { in: ids } } }),
    tickets: await prisma.migrationTicket.count({ where: { accountId } }),
    audit: await prisma.auditLog.count({ where: { accountId } }),
  };
}

async function digestFor(input: PlanChangeInput, app: { sdkAppId: bigint; accountId: number; name: string; dataCenter: string }) {
  return (await previewPlanChange(getDb().prisma, app, input, TODAY)).digest;
}

function apply(actor: Actor, input: PlanChangeInput, today = TODAY) {
  return getDb().prisma.$transaction((tx) => applyPlanChange(tx, actor, input, today), TX);
}

describe('self-service: a customer never acts on another account (DOMAIN.md 13)', () => {
  it('refuses every action on another account\'s app, and writes nothing', async () => {
    const { prisma } = getDb();
    const victim = await customers();
    const intruder = (await customers()).legacyCustomer;
    const prof = victim.professional.sdkAppId.toString();
    const profApp = { sdkAppId: victim.professional.sdkAppId, accountId: victim.legacy.id, name: victim.professional.name, dataCenter: 'CHINA' };
    const changes: PlanChangeInput[] = [
      { kind: 'edition', sdkAppId: prof, edition: 'FLAGSHIP' },
      { kind: 'addonStart', sdkAppId: prof, addon: 'GROUP_MEMBER_CAP' },
      { kind: 'addonStop', sdkAppId: prof, addon: 'SECURITY_STRIKE' },
      { kind: 'addonStart', sdkAppId: prof, addon: 'HISTORY_RETENTION', days: 180 },
      { kind: 'addonStop', sdkAppId: prof, addon: 'HISTORY_RETENTION' },
      { kind: 'edition', sdkAppId: victim.pro.sdkAppId.toString(), edition: 'STANDARD', date: TODAY },
    ];
    const before = [await footprint(victim.legacy.id), await footprint(victim.current.id)];
    for (const change of changes) {
      // Even with the right digest (the intruder could not have it, but the server must not care).
      const digest = change.sdkAppId === prof ? await digestFor(change, profApp) : 'x';
      await expect(apply(intruder, { ...change, digest }), change.kind).rejects.toMatchObject({ code: 'not_found' });
    }
    await expect(prisma.$transaction((tx) => grantTrial(tx, intruder, { sdkAppId: victim.trial.sdkAppId.toString() }, TODAY), TX)).rejects.toMatchObject({ code: 'not_found' });
    await expect(prisma.$transaction((tx) => submitApplication(tx, intruder, { sdkAppId: victim.pro.sdkAppId.toString(), note: 'please' }, TODAY), TX)).rejects.toMatchObject({ code: 'not_found' });
    await expect(prisma.$transaction((tx) => createApp(tx, intruder, { accountId: victim.legacy.id, name: 'Not mine', dataCenter: 'CHINA' }), TX)).rejects.toMatchObject({ code: 'not_found' });
    await expect(prisma.$transaction((tx) => requestMigration(tx, intruder, { accountId: victim.legacy.id, wish: 'Move them to Pro' }), TX)).rejects.toMatchObject({ code: 'not_found' });
    expect([await footprint(victim.legacy.id), await footprint(victim.current.id)]).toEqual(before);
  });

  it('lets a customer act on their own apps, after the confirmation, audited under their name', async () => {
    const { prisma } = getDb();
    const own = await customers();
    const me = own.legacyCustomer;
    const app = { sdkAppId: own.professional.sdkAppId, accountId: own.legacy.id, name: own.professional.name, dataCenter: 'CHINA' };
    const upgrade: PlanChangeInput = { kind: 'edition', sdkAppId: app.sdkAppId.toString(), edition: 'FLAGSHIP' };
    await expect(apply(me, upgrade)).rejects.toMatchObject({ code: 'invalid', field: 'digest' });
    await expect(apply(me, { ...upgrade, digest: 'stale' })).rejects.toMatchObject({ code: 'conflict' });
    const done = await apply(me, { ...upgrade, digest: await digestFor(upgrade, app) });
    expect(done.preview.kind).toBe('edition-change');
    const trial = await prisma.$transaction((tx) => grantTrial(tx, me, { sdkAppId: own.trial.sdkAppId.toString() }, TODAY), TX);
    expect(trial).toMatchObject({ startOn: TODAY, grantNo: 1 });
    const created = await prisma.$transaction((tx) => createApp(tx, me, { accountId: own.legacy.id, name: 'Second game', dataCenter: 'SINGAPORE' }), TX);
    expect(created.accountId).toBe(own.legacy.id);
    const ticket = await prisma.$transaction((tx) => requestMigration(tx, me, { accountId: own.legacy.id, wish: 'Flagship app to Pro, please' }), TX);
    expect(await prisma.migrationTicket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({ status: 'OPEN', requestRef: 'PORTAL', notes: 'Flagship app to Pro, please', createdById: me.id });
    await expect(prisma.$transaction((tx) => requestMigration(tx, me, { accountId: own.legacy.id, wish: 'again' }), TX)).rejects.toMatchObject({ code: 'conflict' });
    const push = await prisma.$transaction((tx) => submitApplication(tx, own.currentCustomer, { sdkAppId: own.pro.sdkAppId.toString(), note: 'Newsletter' }, TODAY), TX);
    expect(push.accountId).toBe(own.current.id);

    const audit = await prisma.auditLog.findMany({ where: { accountId: { in: [own.legacy.id, own.current.id] } }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([
      ['plan.edition.change', me.email],
      ['trial.grant', me.email],
      ['app.create', me.email],
      ['migration.request', me.email],
      ['feature.apply', own.currentCustomer.email],
    ]);
  });
});

describe('self-service: the overdue rule (DOMAIN.md 13)', () => {
  async function overdueAccount() {
    const { prisma } = getDb();
    const own = await customers();
    // An issued invoice, unpaid: issued today (the machine's clock), so overdue by more than 30 days from 46 days on.
    const draft = await prisma.$transaction((tx) =>
      tx.invoice.create({
        data: {
          accountId: own.legacy.id,
          month: '2026-10',
          scheme: 'LEGACY',
          currency: 'CNY',
          total: '999.00',
          lines: {
            create: [{ position: 0, sdkAppId: own.professional.sdkAppId, code: 'PACKAGE', edition: 'PROFESSIONAL', fromDate: new Date('2026-10-15'), toDate: new Date('2026-11-14'), quantity: '1', unitPrice: '999', amount: '999.00', explain: 'Professional cycle' }],
          },
        },
      }),
    );
    await prisma.$transaction((tx) => issueInvoice(tx, ops, { id: draft.id }), TX);
    const issuedOn = (await prisma.invoice.findUniqueOrThrow({ where: { id: draft.id } })).issuedAt!;
    const day = (offset: number) => new Date(issuedOn.getTime() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    return { own, draft, day };
  }

  it('is overdue by more than 30 days only after the 15-day term and 30 more days', async () => {
    const { prisma } = getDb();
    const { own, draft, day } = await overdueAccount();
    expect(await hasInvoiceOverdueOver30Days(prisma, own.legacy.id, day(45))).toBe(false);
    expect(await hasInvoiceOverdueOver30Days(prisma, own.legacy.id, day(46))).toBe(true);
    expect(await hasInvoiceOverdueOver30Days(prisma, own.current.id, day(46))).toBe(false);
    await prisma.$transaction((tx) => recordPayment(tx, ops, { invoiceId: draft.id, amount: '999.00', reference: 'Bank transfer 2026-12' }), TX);
    expect(await hasInvoiceOverdueOver30Days(prisma, own.legacy.id, day(46))).toBe(false);
  });

  it('refuses a customer\'s upgrade and paid starts, keeps free requests and stops open, and lets ops act', async () => {
    const { prisma } = getDb();
    const { own, day } = await overdueAccount();
    const today = day(50);
    const me = own.legacyCustomer;
    const app = { sdkAppId: own.professional.sdkAppId, accountId: own.legacy.id, name: own.professional.name, dataCenter: 'CHINA' };
    const sdkAppId = app.sdkAppId.toString();
    const digest = async (input: PlanChangeInput) => (await previewPlanChange(prisma, app, input, today)).digest;
    const before = await footprint(own.legacy.id);
    for (const change of [
      { kind: 'edition', sdkAppId, edition: 'FLAGSHIP' },
      { kind: 'addonStart', sdkAppId, addon: 'GROUP_JOIN_CAP' },
      { kind: 'addonStart', sdkAppId, addon: 'HISTORY_RETENTION', days: 180 },
    ] satisfies PlanChangeInput[]) {
      await expect(apply(me, { ...change, digest: await digest(change) }, today), change.kind).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/overdue by more than 30 days/) });
    }
    expect(await footprint(own.legacy.id)).toEqual(before);
    // Stopping something paid, a free trial, a new app, a migration request: still open.
    const stop: PlanChangeInput = { kind: 'addonStop', sdkAppId, addon: 'SECURITY_STRIKE' };
    await apply(me, { ...stop, digest: await digest(stop) }, today);
    await prisma.$transaction((tx) => grantTrial(tx, me, { sdkAppId: own.trial.sdkAppId.toString() }, today), TX);
    // Ops can still upgrade the account.
    const upgrade: PlanChangeInput = { kind: 'edition', sdkAppId, edition: 'FLAGSHIP' };
    await apply(ops, { ...upgrade, digest: await digest(upgrade) }, today);
  });
});
