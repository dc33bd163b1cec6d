import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { runBillingMonth } from '../../lib/billing-runs/commands';
import { getOpsDashboard } from '../../lib/dashboard/queries';
import { issueMonthDrafts } from '../../lib/invoices/commands';
import { createAccount, createUser, daysOf, insertPriceBooks, seedUsage } from './billing-helpers';
import { useTestDatabase } from './db';

const getDb = useTestDatabase();
const TODAY = '2026-11-23';

describe('ops dashboard', () => {
  it('sums issued invoices per month, currency and scheme in SQL, splits prepaid from overage, and reports the month', async () => {
    const db = getDb();
    await insertPriceBooks(db);
    const ops = await createUser(db, 'OPS');
    const legacy = await createAccount(db, { scheme: 'LEGACY', apps: [{ events: [{ date: '2026-09-01', edition: 'PROFESSIONAL' }] }] });
    await createAccount(db, { scheme: 'CURRENT', apps: [{ events: [{ date: '2026-09-01', edition: 'STANDARD' }] }] });
    await seedUsage(db, legacy.apps[0]!, daysOf('2026-10', () => ({ dau: 15_000 })));
    await runBillingMonth('2026-10', { id: ops.id, label: ops.email }, { today: TODAY });

    const before = await getOpsDashboard('2026-10');
    expect(before.billed).toEqual([]);
    expect(before.status.run?.status).toBe('SUCCEEDED');
    expect(before.status.invoices.every((i) => i.status === 'DRAFT')).toBe(true);

    await db.prisma.$transaction((tx) => issueMonthDrafts(tx, ops, { month: '2026-10' }, { today: TODAY }));
    const data = await getOpsDashboard('2026-10');
    expect(data.months).toHaveLength(12);
    expect(data.months[0]).toBe('2025-11');
    expect(data.months[11]).toBe('2026-10');

    const invoices = await db.prisma.invoice.findMany({ where: { month: '2026-10', status: 'ISSUED' } });
    for (const invoice of invoices) {
      const point = data.billed.find((p) => p.currency === invoice.currency && p.scheme === invoice.scheme);
      expect(point?.total).toBe(invoice.total.toFixed(2));
      const mix = data.mix.find((m) => m.currency === invoice.currency)!;
      expect(new Decimal(mix.prepaid).plus(mix.overage).toFixed(2)).toBe(invoice.total.toFixed(2));
    }
    const legacyMix = data.mix.find((m) => m.currency === 'CNY')!;
    expect(new Decimal(legacyMix.overage).greaterThan(0)).toBe(true);
    expect(data.top.map((r) => r.accountId)).toContain(legacy.id);
    expect(data.legacyLeft).toBe(1);
  });
});
