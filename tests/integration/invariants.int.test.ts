import { describe, expect, it } from 'vitest';
import { Prisma } from '../../lib/generated/prisma/client';
import { useTestDatabase } from './db';

/**
 * The database keeps the invariants on its own: each test writes straight through Prisma, with
 * none of the application's checks in the way, and expects PostgreSQL to refuse.
 */
const getDb = useTestDatabase();

let nextAppId = 1400100000n;

async function legacyAccount() {
  const { prisma } = getDb();
  const account = await prisma.account.create({
    data: { name: 'Old Co', contactEmail: 'old@example.com', scheme: 'LEGACY', currency: 'CNY', createdAt: new Date('2021-03-01T00:00:00Z') },
  });
  const app = await prisma.app.create({
    data: { sdkAppId: nextAppId++, accountId: account.id, name: 'old app', dataCenter: 'CHINA', createdAt: new Date('2021-03-02T00:00:00Z') },
  });
  return { account, app };
}

async function currentAccount() {
  const { prisma } = getDb();
  const account = await prisma.account.create({
    data: { name: 'New Co', contactEmail: 'new@example.com', scheme: 'CURRENT', currency: 'USD', currentFrom: new Date('2024-01-01'), createdAt: new Date('2024-01-01T00:00:00Z') },
  });
  const app = await prisma.app.create({
    data: { sdkAppId: nextAppId++, accountId: account.id, name: 'new app', dataCenter: 'USA', createdAt: new Date('2024-01-02T00:00:00Z') },
  });
  return { account, app };
}

const refused = /violates|append-only|can never|refused|only|must|not allowed|Unique constraint|legacy|current|already holds/i;

describe('database invariants', () => {
  it('refuses a LEGACY account created after the legacy scheme closed', async () => {
    const { prisma } = getDb();
    await expect(
      prisma.account.create({ data: { name: 'x', contactEmail: 'x@x.com', scheme: 'LEGACY', currency: 'CNY', createdAt: new Date('2023-01-05T00:00:00Z') } }),
    ).rejects.toThrow(refused);
  });

  it('refuses SDKAppIDs that are not 10 digits and negative usage', async () => {
    const { prisma } = getDb();
    const { account, app } = await currentAccount();
    await expect(
      prisma.app.create({ data: { sdkAppId: 123n, accountId: account.id, name: 'short', dataCenter: 'USA', createdAt: new Date() } }),
    ).rejects.toThrow(refused);
    await expect(
      prisma.usageDaily.create({ data: { sdkAppId: app.sdkAppId, date: new Date('2026-10-01'), dau: -1, source: 'API', sentBy: 'test' } }),
    ).rejects.toThrow(refused);
  });

  it('keeps plan events in the account scheme and append-only', async () => {
    const { prisma } = getDb();
    const legacy = await legacyAccount();
    const current = await currentAccount();
    await expect(
      prisma.planEvent.create({ data: { sdkAppId: current.app.sdkAppId, date: new Date('2026-10-01'), type: 'EDITION', edition: 'PROFESSIONAL' } }),
    ).rejects.toThrow(refused);
    await expect(
      prisma.planEvent.create({ data: { sdkAppId: legacy.app.sdkAppId, date: new Date('2026-10-01'), type: 'EDITION', edition: 'PRO' } }),
    ).rejects.toThrow(refused);
    const event = await prisma.planEvent.create({
      data: { sdkAppId: legacy.app.sdkAppId, date: new Date('2026-10-01'), type: 'EDITION', edition: 'PROFESSIONAL' },
    });
    await expect(prisma.planEvent.update({ where: { id: event.id }, data: { edition: 'FLAGSHIP' } })).rejects.toThrow(refused);
    await expect(prisma.planEvent.delete({ where: { id: event.id } })).rejects.toThrow(refused);
  });

  it('moves an account to CURRENT only through an executed ticket, and never back', async () => {
    const { prisma } = getDb();
    const { account, app } = await legacyAccount();
    await expect(
      prisma.account.update({ where: { id: account.id }, data: { scheme: 'CURRENT', currency: 'USD', currentFrom: new Date('2026-12-01') } }),
    ).rejects.toThrow(refused);
    const ticket = await prisma.migrationTicket.create({ data: { accountId: account.id, requestRef: 'T-1' } });
    await expect(
      prisma.migrationTicket.update({ where: { id: ticket.id }, data: { status: 'EXECUTED', executedOn: new Date('2026-11-12'), effectiveOn: new Date('2026-12-01'), executedAt: new Date(), editions: {} } }),
    ).rejects.toThrow(refused); // not previewed yet
    await prisma.migrationTicket.update({ where: { id: ticket.id }, data: { status: 'PREVIEWED', editions: {} } });
    await prisma.migrationTicket.update({
      where: { id: ticket.id },
      data: { status: 'EXECUTED', executedOn: new Date('2026-11-12'), effectiveOn: new Date('2026-12-01'), executedAt: new Date(), editions: {} },
    });
    await prisma.account.update({ where: { id: account.id }, data: { scheme: 'CURRENT', currency: 'USD', currentFrom: new Date('2026-12-01') } });

    await expect(
      prisma.account.update({ where: { id: account.id }, data: { scheme: 'LEGACY', currency: 'CNY', currentFrom: null } }),
    ).rejects.toThrow(refused);
    await expect(prisma.migrationTicket.update({ where: { id: ticket.id }, data: { notes: 'undo' } })).rejects.toThrow(refused);
    await expect(prisma.migrationTicket.create({ data: { accountId: account.id, requestRef: 'T-2' } })).rejects.toThrow(refused);
    // No legacy edition or add-on after it; current editions only from the effective date.
    await expect(
      prisma.planEvent.create({ data: { sdkAppId: app.sdkAppId, date: new Date('2027-01-01'), type: 'EDITION', edition: 'FLAGSHIP' } }),
    ).rejects.toThrow(refused);
    await expect(
      prisma.planEvent.create({ data: { sdkAppId: app.sdkAppId, date: new Date('2026-11-20'), type: 'EDITION', edition: 'PRO' } }),
    ).rejects.toThrow(refused);
    await prisma.planEvent.create({ data: { sdkAppId: app.sdkAppId, date: new Date('2026-12-05'), type: 'EDITION', edition: 'PRO' } });
  });

  it('a legacy plan event racing a migration execution waits for it and is refused', async () => {
    const { prisma } = getDb();
    const { account, app } = await legacyAccount();
    const ticket = await prisma.migrationTicket.create({ data: { accountId: account.id, requestRef: 'T-race', status: 'OPEN' } });
    await prisma.migrationTicket.update({ where: { id: ticket.id }, data: { status: 'PREVIEWED', editions: {} } });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let executed!: () => void;
    const inside = new Promise<void>((resolve) => (executed = resolve));
    const execution = prisma.$transaction(async (tx) => {
      await tx.migrationTicket.update({
        where: { id: ticket.id },
        data: { status: 'EXECUTED', executedOn: new Date('2026-11-12'), effectiveOn: new Date('2026-12-01'), executedAt: new Date(), editions: {} },
      });
      await tx.account.update({ where: { id: account.id }, data: { scheme: 'CURRENT', currency: 'USD', currentFrom: new Date('2026-12-01') } });
      executed();
      await gate;
    }, { timeout: 20_000 });
    await inside;
    const event = prisma.planEvent.create({ data: { sdkAppId: app.sdkAppId, date: new Date('2026-11-20'), type: 'EDITION', edition: 'FLAGSHIP' } });
    const settled = event.then(() => 'inserted', (error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await execution;
    expect(await settled).toMatch(/migrated account: no legacy edition or add-on/);
  });

  it('holds the trial quotas: 2 per app, one at a time, 10 per account', async () => {
    const { prisma } = getDb();
    const { account, app } = await currentAccount();
    const grant = (grantNo: number, accountGrantNo: number, start: string, sdkAppId = app.sdkAppId) => {
      const startOn = new Date(start);
      const endOn = new Date(startOn.getTime() + 59 * 86_400_000);
      return prisma.trialGrant.create({ data: { sdkAppId, accountId: account.id, grantNo, accountGrantNo, startOn, endOn } });
    };
    await grant(1, 1, '2026-01-01');
    await expect(grant(2, 2, '2026-02-01')).rejects.toThrow(refused); // overlaps the first
    await grant(2, 2, '2026-03-02');
    await expect(grant(3, 3, '2026-06-01')).rejects.toThrow(refused); // a third grant for one app
    await expect(grant(1, 1, '2026-06-01')).rejects.toThrow(refused); // duplicate number
    const others = [];
    for (let i = 0; i < 9; i++) {
      others.push(await prisma.app.create({ data: { sdkAppId: nextAppId++, accountId: account.id, name: `a${i}`, dataCenter: 'USA', createdAt: new Date() } }));
    }
    for (let i = 0; i < 8; i++) await grant(1, 3 + i, '2026-06-01', others[i]!.sdkAppId);
    await expect(grant(1, 11, '2026-06-01', others[8]!.sdkAppId)).rejects.toThrow(refused); // the 11th for the account
  });

  it('one invoice per account and month; issued invoices and their lines never change', async () => {
    const { prisma } = getDb();
    const { account, app } = await legacyAccount();
    const invoice = await prisma.invoice.create({
      data: {
        accountId: account.id, month: '2026-10', scheme: 'LEGACY', currency: 'CNY', total: new Prisma.Decimal('999.00'),
        lines: { create: [{ position: 1, sdkAppId: app.sdkAppId, code: 'PACKAGE', edition: 'PROFESSIONAL', fromDate: new Date('2026-10-15'), toDate: new Date('2026-11-14'), quantity: 1, unitPrice: 999, amount: new Prisma.Decimal('999.00'), explain: 'x' }] },
      },
    });
    await expect(
      prisma.invoice.create({ data: { accountId: account.id, month: '2026-10', scheme: 'LEGACY', currency: 'CNY', total: 0 } }),
    ).rejects.toThrow(refused);
    await expect(
      prisma.invoice.update({ where: { id: invoice.id }, data: { status: 'ISSUED', number: 'INV-2026-000001', issuedAt: new Date(), total: new Prisma.Decimal('1.00') } }),
    ).rejects.toThrow(/sum of its lines/);
    await prisma.invoice.update({ where: { id: invoice.id }, data: { status: 'ISSUED', number: 'INV-2026-000001', issuedAt: new Date() } });
    await expect(prisma.invoice.update({ where: { id: invoice.id }, data: { total: new Prisma.Decimal('0.00') } })).rejects.toThrow(refused);
    await expect(prisma.invoiceLine.updateMany({ where: { invoiceId: invoice.id }, data: { amount: new Prisma.Decimal('1.00') } })).rejects.toThrow(refused);
    await expect(prisma.invoiceLine.deleteMany({ where: { invoiceId: invoice.id } })).rejects.toThrow(refused);
    await expect(prisma.invoice.delete({ where: { id: invoice.id } })).rejects.toThrow(refused);
    await expect(prisma.invoice.update({ where: { id: invoice.id }, data: { status: 'DRAFT', number: null, issuedAt: null } })).rejects.toThrow(refused);
    await prisma.invoice.update({ where: { id: invoice.id }, data: { status: 'VOID', voidedAt: new Date(), voidReason: 'wrong usage' } });
    // A correction names the void invoice and takes the month's place.
    await prisma.invoice.create({ data: { accountId: account.id, month: '2026-10', scheme: 'LEGACY', currency: 'CNY', total: 0, replacesId: invoice.id } });
  });

  it("an invoice line names its own draft, written with it, and an app of the invoice's account; deleting the draft deletes its lines", async () => {
    const { prisma } = getDb();
    const { account, app } = await legacyAccount();
    const other = await legacyAccount();
    const lineOfNew = (position: number, sdkAppId: bigint) => ({
      position, sdkAppId, code: 'PACKAGE' as const, edition: 'PROFESSIONAL' as const, fromDate: new Date('2026-10-15'), toDate: new Date('2026-11-14'),
      quantity: new Prisma.Decimal('1'), unitPrice: new Prisma.Decimal('999'), amount: new Prisma.Decimal('999.00'), explain: 'x',
    });
    const line = (invoiceId: number, position: number, sdkAppId: bigint) => ({ invoiceId, ...lineOfNew(position, sdkAppId) });
    const draft = (accountId: number) => ({ accountId, month: '2026-09', scheme: 'LEGACY' as const, currency: 'CNY' as const, total: new Prisma.Decimal('999.00') });
    // Each refused write leaves nothing behind: the invoice and its lines commit together or not at all.
    await expect(prisma.invoiceLine.create({ data: line(999_999, 1, app.sdkAppId) })).rejects.toThrow(/names no existing invoice/);
    await expect(
      prisma.$transaction(async (tx) => {
        const invoice = await tx.invoice.create({ data: draft(account.id) });
        await tx.invoiceLine.create({ data: line(invoice.id, 1, other.app.sdkAppId) });
      }),
    ).rejects.toThrow(/not an app of the invoice's account/);
    expect(await prisma.invoice.count({ where: { accountId: account.id, month: '2026-09' } })).toBe(0);

    const invoice = await prisma.invoice.create({ data: { ...draft(account.id), lines: { create: [lineOfNew(1, app.sdkAppId)] } } });
    // Lines are never added to a draft later, nor moved to another invoice or app.
    await expect(prisma.invoiceLine.create({ data: line(invoice.id, 2, app.sdkAppId) })).rejects.toThrow(/written only with their invoice/);
    await expect(
      prisma.invoiceLine.update({ where: { invoiceId_position: { invoiceId: invoice.id, position: 1 } }, data: { sdkAppId: other.app.sdkAppId } }),
    ).rejects.toThrow(refused);
    await expect(prisma.invoice.update({ where: { id: invoice.id }, data: { accountId: other.account.id } })).rejects.toThrow(/never change/);
    // An app keeps its SDKAppID and account for good, and is never deleted.
    await expect(prisma.app.update({ where: { sdkAppId: app.sdkAppId }, data: { accountId: other.account.id } })).rejects.toThrow(/never change/);
    await expect(prisma.app.delete({ where: { sdkAppId: other.app.sdkAppId } })).rejects.toThrow(/never deleted/);

    await prisma.invoice.delete({ where: { id: invoice.id } });
    expect(await prisma.invoiceLine.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });

  it('refuses a second running billing run for one month and edits of the audit log', async () => {
    const { prisma } = getDb();
    await prisma.billingRun.create({ data: { month: '2026-10' } });
    await expect(prisma.billingRun.create({ data: { month: '2026-10' } })).rejects.toThrow(refused);
    const entry = await prisma.auditLog.create({ data: { actorLabel: 'test', action: 'test', entityType: 'x', entityId: '1' } });
    await expect(prisma.auditLog.update({ where: { id: entry.id }, data: { action: 'other' } })).rejects.toThrow(refused);
    await expect(prisma.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(refused);
  });
});
