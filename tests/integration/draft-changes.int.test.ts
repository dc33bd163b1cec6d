import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/guard';
import { runBillingMonth } from '../../lib/billing-runs/commands';
import { driverTransaction } from '../../lib/db/sql';
import { issueInvoice } from '../../lib/invoices/commands';
import { getDraftChanges } from '../../lib/invoices/queries';
import { ingestUsage } from '../../lib/usage/commands';
import type { UsageRowInput } from '../../lib/usage/schemas';
import { createAccount, createUser, daysOf, insertPriceBooks, seedUsage } from './billing-helpers';
import { useTestDatabase } from './db';

const getDb = useTestDatabase();
const TODAY = '2026-11-23';

let ops: Actor;
let account: { id: number; apps: bigint[] };

function row(date: string, dau: number): UsageRowInput {
  return { sdkAppId: String(account.apps[0]), date, dau, peakGroups: 1_000, mau: null, pcc: null, barrageDomesticMbps: null, barrageIntlMbps: null };
}

function ingest(rows: UsageRowInput[]) {
  return driverTransaction((sql) => ingestUsage(sql, { source: 'CSV', sentBy: ops.id, audit: { id: ops.id, label: ops.email } }, rows));
}

async function draft() {
  const invoice = await getDb().prisma.invoice.findFirstOrThrow({ where: { accountId: account.id, month: '2026-10', status: 'DRAFT' } });
  return { id: invoice.id, status: invoice.status, month: invoice.month };
}

async function run() {
  expect(await runBillingMonth('2026-10', { id: ops.id, label: ops.email }, { today: TODAY })).toMatchObject({ status: 'SUCCEEDED', failedAccounts: 0 });
}

beforeAll(async () => {
  const db = getDb();
  await insertPriceBooks(db);
  ops = await createUser(db, 'OPS');
  account = await createAccount(db, { scheme: 'LEGACY', apps: [{ events: [{ date: '2026-10-15', edition: 'PROFESSIONAL' }] }] });
  await seedUsage(db, account.apps[0]!, daysOf('2026-10', () => ({ dau: 8_000, peakGroups: 1_000 })));
  await run();
});

describe("a draft's inputs changing after it was rated", () => {
  it('reports nothing for a fresh draft', async () => {
    expect(await getDraftChanges(await draft())).toBeNull();
  });

  it('reports usage recorded or replaced since, not usage re-sent unchanged, and plan changes', async () => {
    await ingest([row('2026-10-01', 8_000)]);
    expect(await getDraftChanges(await draft())).toBeNull();
    await ingest([row('2026-10-20', 25_310)]);
    const afterUsage = await getDraftChanges(await draft());
    expect(afterUsage).toMatchObject({ usageRows: 1, planChanges: 0, migrated: false });
    expect(Date.parse(afterUsage!.lastUsageAt!)).toBeGreaterThan(Date.parse(afterUsage!.ratedAt));
    await getDb().prisma.planEvent.create({ data: { sdkAppId: account.apps[0]!, date: new Date('2026-10-25'), type: 'EDITION', edition: 'FLAGSHIP' } });
    expect(await getDraftChanges(await draft())).toMatchObject({ usageRows: 1, planChanges: 1 });
  });

  it('reports nothing once a re-run has replaced the draft, nor for an issued invoice', async () => {
    await run();
    const fresh = await draft();
    expect(await getDraftChanges(fresh)).toBeNull();
    await ingest([row('2026-10-21', 30_000)]);
    expect(await getDraftChanges(fresh)).toMatchObject({ usageRows: 1 });
    await getDb().prisma.$transaction((tx) => issueInvoice(tx, ops, { id: fresh.id }, { today: TODAY }));
    expect(await getDraftChanges({ ...fresh, status: 'ISSUED' })).toBeNull();
  });
});
