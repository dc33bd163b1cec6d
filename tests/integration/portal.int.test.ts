import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../lib/auth/guard';
import { listNotifications } from '../../lib/notifications/queries';
import { requestMigration } from '../../lib/migrations/commands';
import { getMonthToDate } from '../../lib/self-service/month';
import { grantTrial } from '../../lib/trials/commands';
import { addPlanEvent, addUsage, createAccount, createApp, createUser } from '../../prisma/seed/factories';
import { useTestDatabase } from './db';
import { actorOf, insertShippedPriceBooks } from './plans-helpers';

// The server action reads the session through next-auth; the test plays the signed-in user.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('next-auth', () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId, sessionVersion: 0 } } : null) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const getDb = useTestDatabase();
const TODAY = '2026-11-23';
const TX = { maxWait: 30_000, timeout: 30_000 };

beforeAll(async () => {
  await insertShippedPriceBooks(getDb().prisma);
});

async function legacyCustomer() {
  const { prisma } = getDb();
  const account = await createAccount(prisma, { scheme: 'LEGACY' });
  const app = await createApp(prisma, { accountId: account.id, dataCenter: 'CHINA' });
  await addPlanEvent(prisma, { sdkAppId: app.sdkAppId, edition: 'PROFESSIONAL', date: '2026-10-15' });
  await addPlanEvent(prisma, { sdkAppId: app.sdkAppId, addon: 'SECURITY_STRIKE', date: '2026-11-10' });
  await addUsage(prisma, [
    { sdkAppId: app.sdkAppId, date: '2026-11-02', dau: 25_310, peakGroups: 90_000, barrageDomesticMbps: '3.5', barrageIntlMbps: '0' },
    { sdkAppId: app.sdkAppId, date: '2026-11-05', dau: 9_000, peakGroups: 120_000, barrageDomesticMbps: '1', barrageIntlMbps: '0.25' },
  ]);
  const customer: Actor = actorOf(await createUser(prisma, { role: 'CUSTOMER', accountId: account.id }));
  return { account, app, customer };
}

describe('this month (portal)', () => {
  it('rates the month so far with the engine and lists the prepaid renewals of the next 30 days', async () => {
    const { account, app } = await legacyCustomer();
    const view = (await getMonthToDate(account.id, TODAY))!;
    expect(view.month).toBe('2026-11');
    expect(view.apps[0]!.days.map((d) => [d.date, d.dau, d.barrageDomesticMbps])).toEqual([
      ['2026-11-02', 25_310, '3.500'],
      ['2026-11-05', 9_000, '1.000'],
    ]);
    expect(view.estimate.ok).toBe(true);
    if (!view.estimate.ok) return;
    const codes = view.estimate.invoice.lines.map((l) => l.code).sort();
    // Package cycle 11-15..12-14 starts this month; the add-on from 11-10; DAU 25,310 -> 2 units; groups 120,000 -> 1 unit; barrage.
    expect(codes).toEqual(['ADDON', 'BARRAGE_BANDWIDTH', 'BARRAGE_BANDWIDTH', 'DAU_OVERAGE', 'GROUP_OVERAGE', 'PACKAGE']);
    expect(view.estimate.invoice.currency).toBe('CNY');
    expect(view.renewals).toEqual([
      { sdkAppId: String(app.sdkAppId), name: app.name, on: '2026-12-10', kind: 'ADDON', addon: 'SECURITY_STRIKE', edition: 'PROFESSIONAL' },
      { sdkAppId: String(app.sdkAppId), name: app.name, on: '2026-12-15', kind: 'PACKAGE', edition: 'PROFESSIONAL' },
    ]);
  });
});

describe('notifications (portal)', () => {
  it('derives a trial ending within 7 days and the migration ticket, and stores read per user', async () => {
    const { prisma } = getDb();
    const { account, app, customer } = await legacyCustomer();
    await prisma.$transaction((tx) => grantTrial(tx, customer, { sdkAppId: String(app.sdkAppId) }, '2026-10-01'), TX);
    const { id: ticketId } = await prisma.$transaction((tx) => requestMigration(tx, customer, { accountId: account.id, wish: 'Please migrate' }), TX);
    const user = { id: customer.id, accountId: account.id };
    // The grant runs 2026-10-01..2026-11-29: within 7 days of 2026-11-23, not of 2026-11-21.
    expect((await listNotifications(user, '2026-11-21')).items.map((n) => n.kind)).toEqual(['ticketMoved']);
    const list = await listNotifications(user, TODAY);
    expect(list.items.map((n) => n.key).sort()).toEqual([`ticket:${ticketId}:OPEN`, expect.stringMatching(/^trial:\d+:ending$/)]);
    expect(list.unread).toBe(2);

    session.userId = customer.id;
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
    const { markNotificationsReadAction } = await import('../../lib/notifications/actions');
    expect(await markNotificationsReadAction({ keys: ['drop table'] })).toMatchObject({ ok: false });
    expect(await markNotificationsReadAction({ keys: [`ticket:${ticketId}:OPEN`] })).toEqual({ ok: true });
    expect(await markNotificationsReadAction({ keys: [`ticket:${ticketId}:OPEN`] })).toEqual({ ok: true });
    expect((await listNotifications(user, TODAY)).unread).toBe(1);
    // Another user of the account has their own read state.
    const colleague = await createUser(prisma, { role: 'CUSTOMER', accountId: account.id });
    expect((await listNotifications({ id: colleague.id, accountId: account.id }, TODAY)).unread).toBe(2);
    // A new state of the ticket is a new notification.
    await prisma.migrationTicket.update({ where: { id: ticketId }, data: { status: 'REJECTED', rejectedReason: 'not now' } });
    const after = await listNotifications(user, TODAY);
    expect(after.items.find((n) => n.key === `ticket:${ticketId}:REJECTED`)?.read).toBe(false);
  });
});
