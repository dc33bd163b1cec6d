import { beforeAll, describe, expect, it } from 'vitest';
import { parseAccountsSearch } from '../../lib/accounts/schemas';
import type { Actor } from '../../lib/auth/guard';
import { csvResponse, EXPORT_PAGE_ROWS } from '../../lib/export/csv-stream';
import { accountsExport, auditExport, invoicesExport } from '../../lib/export/lists';
import { parseAuditSearch } from '../../lib/audit/schemas';
import { holdSelectedAccounts, issueSelectedDrafts } from '../../lib/invoices/bulk';
import { parseInvoicesSearch } from '../../lib/invoices/schemas';
import { createAccount, createUser } from './billing-helpers';
import { useTestDatabase } from './db';

const getDb = useTestDatabase();
const TODAY = '2026-11-23';

let ops: Actor;
let manager: Actor;
const drafts: number[] = [];
let managed: { id: number };

async function draftFor(accountId: number, month: string): Promise<number> {
  const invoice = await getDb().prisma.invoice.create({ data: { accountId, month, scheme: 'LEGACY', currency: 'CNY', total: '0' } as never });
  return invoice.id;
}

async function read(response: Response): Promise<string[]> {
  const text = await response.text();
  return text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
}

beforeAll(async () => {
  process.env.CONSOLE_TODAY = TODAY;
  const db = getDb();
  ops = await createUser(db, 'OPS');
  manager = await createUser(db, 'ACCOUNT_MANAGER');
  managed = await createAccount(db, { scheme: 'LEGACY', name: '=HYPERLINK("http://evil")', managerId: manager.id });
  const other = await createAccount(db, { scheme: 'LEGACY', name: 'Other Co' });
  for (const month of ['2026-07', '2026-08', '2026-09']) drafts.push(await draftFor(managed.id, month));
  drafts.push(await draftFor(other.id, '2026-09'));
});

describe('bulk issue of selected drafts', () => {
  it('refuses the whole selection when one is not a draft, then issues three drafts with consecutive numbers', async () => {
    const { prisma } = getDb();
    const [a, b, c, d] = drafts as [number, number, number, number];
    await prisma.$transaction((tx) => issueSelectedDrafts(tx, ops, [d], { today: TODAY }));
    await expect(prisma.$transaction((tx) => issueSelectedDrafts(tx, ops, [a, d], { today: TODAY }))).rejects.toThrow(/already (ISSUED|PAID)/);
    expect((await prisma.invoice.findUnique({ where: { id: a } }))?.status).toBe('DRAFT');

    const result = await prisma.$transaction((tx) => issueSelectedDrafts(tx, ops, [c, a, b], { today: TODAY }));
    expect(result.issued).toBe(3);
    const serials = result.numbers.map((n) => Number(n.slice(-6)));
    expect(serials).toEqual([serials[0]!, serials[0]! + 1, serials[0]! + 2]);
    const issued = await prisma.invoice.findMany({ where: { id: { in: [a, b, c] } }, orderBy: { id: 'asc' } });
    expect(issued.map((i) => i.number)).toEqual(result.numbers);
    expect(await prisma.auditLog.count({ where: { action: 'invoice.issue', entityId: { in: [a, b, c].map(String) } } })).toBe(3);
  });
});

describe('CSV exports', () => {
  it('exports the invoices the filters and the actor scope select, formulas neutralised', async () => {
    const all = await read(csvResponse(invoicesExport(ops, parseInvoicesSearch({}))));
    expect(all[0]).toBe('id,number,account_id,account,month,scheme,currency,status,total,issued_at,paid_at,voided_at');
    expect(all).toHaveLength(1 + drafts.length);
    expect(all[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);

    const byManager = await read(csvResponse(invoicesExport(manager, parseInvoicesSearch({ month: '2026-09' }))));
    expect(byManager).toHaveLength(2);
    expect(byManager[1]).toContain('2026-09');

    const picked = await read(csvResponse(invoicesExport(ops, parseInvoicesSearch({}), [drafts[1]!])));
    expect(picked.slice(1).map((line) => Number(line.split(',')[0]))).toEqual([drafts[1]]);
  });

  it('streams a list longer than one page in key order, page by page', async () => {
    const { prisma } = getDb();
    const extra = EXPORT_PAGE_ROWS * 2 + 7;
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Account" ("name", "contactEmail", "scheme", "currency", "createdAt")
       SELECT 'Bulk ' || g, 'b@test.example', 'LEGACY', 'CNY', TIMESTAMPTZ '2021-01-01 00:00:00+08' FROM generate_series(1, $1::int) g`,
      extra,
    );
    const spec = accountsExport(ops, parseAccountsSearch({ q: 'Bulk' }));
    let pages = 0;
    const counted = { ...spec, page: (cursor: number | null) => ((pages += 1), spec.page(cursor)) };
    const lines = await read(csvResponse(counted));
    expect(lines).toHaveLength(1 + extra);
    expect(pages).toBe(3);
    const ids = lines.slice(1).map((line) => Number(line.split(',')[0]));
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
  });

  it('exports the audit log with its filters', async () => {
    const lines = await read(csvResponse(auditExport(parseAuditSearch({ action: 'invoice.issue' }))));
    expect(lines).toHaveLength(1 + 4);
    expect(lines.slice(1).every((line) => line.includes(',invoice.issue,'))).toBe(true);
  });
});

describe('bulk hold of the accounts of selected drafts', () => {
  it('refuses a selection with an issued invoice, then holds each account once with the reason, audited, counting one already held', async () => {
    const db = getDb();
    const { prisma } = db;
    const first = await createAccount(db, { scheme: 'LEGACY', name: 'Hold One' });
    const second = await createAccount(db, { scheme: 'LEGACY', name: 'Hold Two' });
    const third = await createAccount(db, { scheme: 'LEGACY', name: 'Hold Three' });
    const [x, y, z, w] = [await draftFor(first.id, '2026-10'), await draftFor(first.id, '2026-09'), await draftFor(second.id, '2026-10'), await draftFor(third.id, '2026-10')];
    await prisma.billingHold.create({ data: { accountId: third.id, reason: 'earlier hold', actorLabel: 'test' } });

    await expect(prisma.$transaction((tx) => holdSelectedAccounts(tx, ops, [x, drafts[0]!], 'dispute over usage'))).rejects.toThrow(/not a draft/);
    expect(await prisma.billingHold.count({ where: { accountId: first.id } })).toBe(0);

    const result = await prisma.$transaction((tx) => holdSelectedAccounts(tx, ops, [x, y, z, w], 'dispute over usage'));
    expect(result).toEqual({ held: 2, alreadyHeld: 1, months: ['2026-09', '2026-10'] });
    const holds = await prisma.billingHold.findMany({ where: { accountId: { in: [first.id, second.id, third.id] } }, orderBy: { accountId: 'asc' } });
    expect(holds.map((h) => h.reason)).toEqual(['dispute over usage', 'dispute over usage', 'earlier hold']);
    expect(await prisma.auditLog.count({ where: { action: 'calendar.hold', accountId: { in: [first.id, second.id] } } })).toBe(2);
    expect((await prisma.invoice.findMany({ where: { id: { in: [x, y, z, w] } } })).every((i) => i.status === 'DRAFT')).toBe(true);
  });
});
