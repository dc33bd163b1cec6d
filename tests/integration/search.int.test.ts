import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/guard';
import { issueInvoice } from '../../lib/invoices/commands';
import { searchEverything } from '../../lib/search/queries';
import { createAccount, createUser } from './billing-helpers';
import { useTestDatabase } from './db';

const getDb = useTestDatabase();

let ops: Actor;
let manager: Actor;
let customer: Actor;
let mine: { id: number; apps: bigint[] };
let theirs: { id: number; apps: bigint[] };
const numbers: string[] = [];

beforeAll(async () => {
  const db = getDb();
  ops = await createUser(db, 'OPS');
  manager = await createUser(db, 'ACCOUNT_MANAGER');
  mine = await createAccount(db, { scheme: 'LEGACY', name: 'Zephyr Alpha Games', managerId: manager.id });
  theirs = await createAccount(db, { scheme: 'LEGACY', name: 'Zephyr Beta Studio' });
  customer = await createUser(db, 'CUSTOMER', mine.id);
  for (const account of [mine, theirs]) {
    const draft = await db.prisma.invoice.create({ data: { accountId: account.id, month: '2026-09', scheme: 'LEGACY', currency: 'CNY', total: '0' } as never });
    numbers.push((await db.prisma.$transaction((tx) => issueInvoice(tx, ops, { id: draft.id }, { today: '2026-11-23' }))).number);
  }
  await db.prisma.migrationTicket.create({ data: { accountId: theirs.id, requestRef: 'REQ-ZEPHYR-9' } });
});

const titles = async (actor: Actor, text: string) => (await searchEverything(actor, text)).map((h) => `${h.kind}:${h.title}`);

describe('global search', () => {
  it('finds accounts by part of the name, apps by SDKAppID prefix, invoices by number, tickets by reference (ops: everything)', async () => {
    expect(await titles(ops, 'zephyr')).toEqual(expect.arrayContaining(['account:Zephyr Alpha Games', 'account:Zephyr Beta Studio']));
    const hits = await searchEverything(ops, 'zephyr');
    expect(hits.find((h) => h.kind === 'ticket')?.href).toMatch(/^\/migrations\/\d+$/);
    expect(await titles(ops, 'INV-2026')).toEqual(expect.arrayContaining(numbers.map((n) => `invoice:${n}`)));
    const app = String(mine.apps[0]);
    const byApp = await searchEverything(ops, app.slice(0, 9));
    expect(byApp.find((h) => h.kind === 'app' && h.title.startsWith(app))?.href).toBe(`/accounts/${mine.id}/apps/${app}`);
    expect((await searchEverything(ops, String(mine.id))).some((h) => h.kind === 'account' && h.title === 'Zephyr Alpha Games')).toBe(true);
  });

  it('keeps an account manager to their accounts and a customer to their own (portal links)', async () => {
    const managed = await titles(manager, 'zephyr');
    expect(managed).toContain('account:Zephyr Alpha Games');
    expect(managed.join()).not.toContain('Beta');
    expect(managed.some((t) => t.startsWith('ticket:'))).toBe(false);
    expect(await titles(manager, 'INV-2026')).toEqual([`invoice:${numbers[0]}`]);

    const own = await searchEverything(customer, 'zephyr');
    expect(own.map((h) => h.title)).toEqual(['Zephyr Alpha Games']);
    expect(own[0]!.href).toBe('/portal');
    const invoices = await searchEverything(customer, 'INV-2026');
    expect(invoices.map((h) => h.title)).toEqual([numbers[0]]);
    expect(invoices[0]!.href).toMatch(/^\/portal\/invoices\//);
  });
});
