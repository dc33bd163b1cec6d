import { randomUUID } from 'node:crypto';
import type { Actor } from '../../lib/auth/guard';
import { SHIPPED_PRICE_BOOKS } from '../../lib/billing/catalog';
import type { Database } from '../../lib/db/client';

/** Small factories for the usage / billing-run / invoice integration tests. */

let nextAppId = 1400500000;

export async function insertPriceBooks(db: Database): Promise<void> {
  const { prisma } = db;
  if ((await prisma.priceBook.count()) > 0) return;
  for (const book of SHIPPED_PRICE_BOOKS) {
    await prisma.priceBook.create({
      data: {
        scheme: book.scheme,
        currency: book.currency,
        version: book.version,
        effectiveFrom: new Date(book.effectiveFrom),
        source: book.source,
        prices: { create: Object.entries(book.prices).map(([key, amount]) => ({ key, amount: amount! })) },
      },
    });
  }
}

export async function createUser(db: Database, role: Actor['role'], accountId: number | null = null): Promise<Actor> {
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@test.example`;
  const user = await db.prisma.user.create({
    data: { email, name: `${role} user`, passwordHash: 'x', role, accountId },
    select: { id: true, email: true, name: true, role: true, accountId: true },
  });
  return user;
}

export type EventSpec =
  | { date: string; edition: string }
  | { date: string; addon: string; action: 'START' | 'STOP'; retentionDays?: number };

export async function createAccount(
  db: Database,
  options: { scheme: 'LEGACY' | 'CURRENT'; name?: string; managerId?: string | null; apps?: { events?: EventSpec[]; dataCenter?: string }[] },
): Promise<{ id: number; apps: bigint[] }> {
  const { prisma } = db;
  const legacy = options.scheme === 'LEGACY';
  const account = await prisma.account.create({
    data: {
      name: options.name ?? `${options.scheme} Co ${randomUUID().slice(0, 6)}`,
      contactEmail: 'billing@test.example',
      scheme: options.scheme,
      currency: legacy ? 'CNY' : 'USD',
      currentFrom: legacy ? null : new Date('2024-01-01'),
      createdAt: new Date(legacy ? '2021-03-01T00:00:00Z' : '2024-01-01T00:00:00Z'),
      managerId: options.managerId ?? null,
    },
  });
  const apps: bigint[] = [];
  for (const spec of options.apps ?? [{}]) {
    const sdkAppId = BigInt(nextAppId++);
    await prisma.app.create({
      data: {
        sdkAppId,
        accountId: account.id,
        name: `app ${sdkAppId}`,
        dataCenter: (spec.dataCenter ?? (legacy ? 'CHINA' : 'USA')) as never,
        createdAt: new Date(legacy ? '2021-03-02T00:00:00Z' : '2024-01-02T00:00:00Z'),
      },
    });
    for (const e of spec.events ?? []) {
      if ('edition' in e) {
        await prisma.planEvent.create({ data: { sdkAppId, date: new Date(e.date), type: 'EDITION', edition: e.edition as never } });
      } else {
        await prisma.planEvent.create({
          data: { sdkAppId, date: new Date(e.date), type: 'ADDON', addon: e.addon as never, action: e.action, retentionDays: e.retentionDays ?? null },
        });
      }
    }
    apps.push(sdkAppId);
  }
  return { id: account.id, apps };
}

/** Daily rows written straight to the table (source SEED), bypassing the ingestion command. */
export async function seedUsage(
  db: Database,
  sdkAppId: bigint,
  rows: { date: string; dau?: number; peakGroups?: number; mau?: number; barrageDomesticMbps?: string }[],
): Promise<void> {
  await db.prisma.usageDaily.createMany({
    data: rows.map((r) => ({
      sdkAppId,
      date: new Date(r.date),
      dau: r.dau ?? null,
      peakGroups: r.peakGroups ?? null,
      mau: r.mau ?? null,
      barrageDomesticMbps: r.barrageDomesticMbps ?? null,
      source: 'SEED' as const,
      sentBy: 'test',
    })),
  });
}

export function daysOf(month: string, f: (day: string, i: number) => Record<string, unknown>) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => {
    const date = `${month}-${String(i + 1).padStart(2, '0')}`;
    return { date, ...f(date, i) };
  });
}
