import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/guard';
import { listAuditActions, listAuditEntries } from '../../lib/audit/queries';
import { parseAuditSearch } from '../../lib/audit/schemas';
import { auditActor, writeAudit } from '../../lib/db/audit';
import { applyPlanChange } from '../../lib/plans/commands';
import { grantTrial } from '../../lib/trials/commands';
import { addPlanEvent, createAccount, createApp } from '../../prisma/seed/factories';
import { useTestDatabase } from './db';
import { insertShippedPriceBooks, staff } from './plans-helpers';

const getDb = useTestDatabase();
let ops: Actor;
let other: Actor;
let accountId: number;

beforeAll(async () => {
  const { prisma } = getDb();
  await insertShippedPriceBooks(prisma);
  ({ ops, manager: other } = await staff(prisma));
  const account = await createAccount(prisma, { scheme: 'LEGACY' });
  accountId = account.id;
  const app = await createApp(prisma, { accountId });
  await addPlanEvent(prisma, { sdkAppId: app.sdkAppId, edition: 'PROFESSIONAL', date: '2026-10-15' });
  await prisma.$transaction((tx) => applyPlanChange(tx, ops, { kind: 'edition', sdkAppId: app.sdkAppId.toString(), edition: 'FLAGSHIP' }, '2026-11-23'));
  await prisma.$transaction((tx) => grantTrial(tx, ops, { sdkAppId: app.sdkAppId.toString() }, '2026-11-23'));
  // An entry by someone else, on another day, for no account.
  await prisma.$transaction(async (tx) => {
    await writeAudit(tx, auditActor(other), { action: 'usage.import', entityType: 'UsageImport', entityId: 'x' });
  });
  await prisma.$executeRaw`INSERT INTO "AuditLog" ("at", "actorLabel", "action", "entityType", "entityId") VALUES ('2026-10-31 23:30:00+08', 'api-key:abc123', 'usage.ingest', 'UsageDaily', 'batch-1')`;
});

const search = (params: Record<string, string>) => listAuditEntries(parseAuditSearch(params));

describe('audit log queries', () => {
  it('filters by account, actor, action and Shanghai days, server-side', async () => {
    const byAccount = await search({ account: String(accountId) });
    expect(byAccount.rows.map((r) => r.action).sort()).toEqual(['plan.edition.change', 'trial.grant']);
    expect(byAccount.rows[0]!.accountName).toMatch(/Factory Legacy/);

    expect((await search({ actor: ops.email.slice(0, 12) })).rows.every((r) => r.actorLabel === ops.email)).toBe(true);
    expect((await search({ action: 'plan.edition.change' })).rows).toHaveLength(1);
    expect((await search({ action: 'plan.*' })).rows.map((r) => r.action)).toEqual(['plan.edition.change']);
    const october = await search({ from: '2026-10-31', to: '2026-10-31' });
    expect(october.rows.map((r) => r.actorLabel)).toEqual(['api-key:abc123']);
    expect((await search({ from: '2026-11-01', to: '2026-11-01' })).rowCount).toBe(0);
    expect(await listAuditActions()).toEqual(expect.arrayContaining(['plan.edition.change', 'trial.grant', 'usage.ingest']));
  });

  it('pages and sorts with whitelisted keys; bad URL values fall back to defaults', async () => {
    const page = await search({ perPage: '10', sort: 'action.asc' });
    expect(page.rows.map((r) => r.action)).toEqual([...page.rows.map((r) => r.action)].sort());
    const bad = parseAuditSearch({ sort: 'before.asc', page: '-3', account: 'abc', action: "x'; drop", from: '2026-02-30' });
    expect(bad).toMatchObject({ sort: { id: 'at', desc: true }, page: 1, account: undefined, action: undefined, from: undefined });
    const first = await search({ perPage: '10' });
    expect(first.rowCount).toBe(4);
    expect(new Date(first.rows[0]!.at) >= new Date(first.rows[1]!.at)).toBe(true);
  });
});
