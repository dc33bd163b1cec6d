import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/guard';
import { createApiKey, revokeApiKey } from '../../lib/api-keys/commands';
import { describeCsvErrors, validateUsageCsv } from '../../lib/usage/csv';
import { handleUsagePost } from '../../lib/usage/api';
import { driverSql, driverTransaction } from '../../lib/db/sql';
import { checkUsageRows, ingestUsage } from '../../lib/usage/commands';
import { listUsage } from '../../lib/usage/queries';
import { parseUsageRows, parseUsageSearch } from '../../lib/usage/schemas';
import { createAccount, createUser, seedUsage } from './billing-helpers';
import { useTestDatabase } from './db';

const getDb = useTestDatabase();
const TODAY = '2026-11-23';

let ops: Actor;
let secret: string;
let keyId: string;
let legacy: { id: number; apps: bigint[] };
let current: { id: number; apps: bigint[] };

function post(body: unknown, authorization: string | null = `Bearer ${secret}`): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  return handleUsagePost(new Request('http://localhost/api/v1/usage', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }));
}

async function usageOf(sdkAppId: bigint) {
  return getDb().prisma.usageDaily.findMany({ where: { sdkAppId }, orderBy: { date: 'asc' } });
}

beforeAll(async () => {
  process.env.CONSOLE_TODAY = TODAY;
  const db = getDb();
  ops = await createUser(db, 'OPS');
  legacy = await createAccount(db, { scheme: 'LEGACY', apps: [{ events: [{ date: '2026-09-01', edition: 'PROFESSIONAL' }] }, {}] });
  current = await createAccount(db, { scheme: 'CURRENT' });
  const key = await db.prisma.$transaction((tx) => createApiKey(tx, ops, { name: 'collector' }));
  secret = key.secret;
  keyId = key.id;
});

describe('POST /api/v1/usage', () => {
  it('writes a good batch and records who sent it', async () => {
    const [a, b] = legacy.apps as [bigint, bigint];
    const response = await post({
      rows: [
        { sdkAppId: Number(a), date: '2026-10-01', dau: 12000, peakGroups: 150000, barrageDomesticMbps: '3.5', barrageIntlMbps: 0.25 },
        { sdkAppId: String(a), date: '2026-10-02', dau: 13000 },
        { sdkAppId: Number(b), date: '2026-10-01', dau: 50 },
        { sdkAppId: Number(current.apps[0]), date: '2026-10-31', mau: 13000, pcc: 40 },
      ],
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ ok: true, rows: 4, inserted: 4, updated: 0, unchanged: 0, apps: 3, months: ['2026-10'] });
    const rows = await usageOf(a);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ dau: 12000, peakGroups: 150000, source: 'API', sentBy: keyId });
    expect(rows[0]!.barrageDomesticMbps?.toString()).toBe('3.5');
    expect(rows[0]!.barrageIntlMbps?.toString()).toBe('0.25');
    const audit = await getDb().prisma.auditLog.findFirst({ where: { action: 'usage.import' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ actorLabel: expect.stringMatching(/^api-key:imk_/), entityType: 'UsageBatch', actorId: null });
    const key = await getDb().prisma.apiKey.findUnique({ where: { id: keyId } });
    expect(key?.lastUsedAt).not.toBeNull();
  });

  it('replaces a row for an app and day, and a re-sent batch changes nothing', async () => {
    const [a] = legacy.apps as [bigint];
    const batch = [
      { sdkAppId: Number(a), date: '2026-10-01', dau: 12500 },
      { sdkAppId: Number(a), date: '2026-10-03', dau: 9000 },
    ];
    const first = await (await post(batch)).json();
    expect(first).toMatchObject({ inserted: 1, updated: 1, unchanged: 0 });
    const before = await usageOf(a);
    // The whole row is replaced: measures left out are "not reported" now.
    expect(before[0]).toMatchObject({ dau: 12500, peakGroups: null, barrageDomesticMbps: null });
    const again = await (await post(batch)).json();
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const after = await usageOf(a);
    expect(after.map((r) => r.updatedAt.getTime())).toEqual(before.map((r) => r.updatedAt.getTime()));
  });

  it('refuses a bad batch whole, listing every bad row with its field and reason', async () => {
    const [a] = legacy.apps as [bigint];
    const countBefore = await getDb().prisma.usageDaily.count();
    const response = await post([
      { sdkAppId: Number(a), date: '2026-10-10', dau: 100 },
      { sdkAppId: Number(a), date: '2026-02-30', dau: 100 },
      { sdkAppId: Number(a), date: '2026-10-11', dau: -5 },
      { sdkAppId: Number(a), date: '2026-10-12', dau: 1.5, peak_groups: 3 },
      { sdkAppId: 9999999999, date: '2026-10-12', dau: 1 },
      { sdkAppId: 123, date: '2026-10-12', dau: 1 },
      { sdkAppId: Number(a), date: '2026-10-10', dau: 7 },
      { sdkAppId: Number(a), date: '2026-12-01', dau: 7 },
      { sdkAppId: Number(a), date: '2026-10-13' },
      { sdkAppId: Number(a), date: '2026-10-14', barrageDomesticMbps: '1.2345' },
      { sdkAppId: Number(a), date: '2020-01-01', dau: 3 },
    ]);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid');
    expect(body.error.message).toMatch(/10 of 11 rows are invalid, nothing was written/);
    const details = body.error.details as { index: number; field: string; reason: string }[];
    const by = (index: number) => details.filter((d) => d.index === index).map((d) => `${d.field}: ${d.reason}`);
    expect(by(0)).toEqual([]);
    expect(by(1)).toEqual(['date: must be a calendar date YYYY-MM-DD']);
    expect(by(2)).toEqual(['dau: must not be negative']);
    expect(by(3)).toEqual(expect.arrayContaining(['dau: must be a whole number', expect.stringMatching(/^peak_groups: is not a usage field/)]));
    expect(by(4)).toEqual(['sdkAppId: no app 9999999999 exists']);
    expect(by(5)).toEqual([expect.stringMatching(/^sdkAppId: must be a 10-digit SDKAppID/)]);
    expect(by(6)).toEqual(['date: a second row for app ' + a + ' on 2026-10-10 (the first is row 0)']);
    expect(by(7)).toEqual([`date: 2026-12-01 is in the future (today is ${TODAY})`]);
    expect(by(8)).toEqual([expect.stringMatching(/^row: has no measure/)]);
    expect(by(9)).toEqual([expect.stringMatching(/^barrageDomesticMbps: must be a non-negative decimal with at most 3 decimals/)]);
    expect(by(10)).toEqual([expect.stringMatching(/^date: 2020-01-01 is before app .* was created \(2021-03-02\)/)]);
    expect(await getDb().prisma.usageDaily.count()).toBe(countBefore);
  });

  it('reports an unknown SDKAppID with its row index even when the rest is valid', async () => {
    const response = await post([
      { sdkAppId: Number(legacy.apps[0]), date: '2026-10-20', dau: 1 },
      { sdkAppId: 1499999999, date: '2026-10-20', dau: 1 },
    ]);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.details).toEqual([{ index: 1, field: 'sdkAppId', key: 'field.usage.noApp', reason: 'no app 1499999999 exists' }]);
    expect(await getDb().prisma.usageDaily.count({ where: { date: new Date('2026-10-20') } })).toBe(0);
  });

  it('refuses bodies that are not a batch', async () => {
    expect((await post('not json')).status).toBe(400);
    expect((await post({ nope: 1 })).status).toBe(400);
    expect((await post([])).status).toBe(400);
    const tooMany = Array.from({ length: 10_001 }, () => ({ sdkAppId: 1400000001, date: '2026-10-01', dau: 1 }));
    const response = await post(tooMany);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/at most 10,000 rows/);
  });

  it('needs a valid, unrevoked key: no session involved', async () => {
    const row = [{ sdkAppId: Number(legacy.apps[0]), date: '2026-10-21', dau: 1 }];
    expect((await post(row, null)).status).toBe(401);
    expect((await post(row, 'Bearer imk_wrong')).status).toBe(401);
    expect((await post(row, `Basic ${secret}`)).status).toBe(401);
    const other = await getDb().prisma.$transaction((tx) => createApiKey(tx, ops, { name: 'temporary' }));
    expect((await post(row, `Bearer ${other.secret}`)).status).toBe(200);
    await getDb().prisma.$transaction((tx) => revokeApiKey(tx, ops, { id: other.id }));
    const revoked = await post(row, `Bearer ${other.secret}`);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toMatch(/Bearer/);
    // Only the hash is stored.
    const stored = await getDb().prisma.apiKey.findUnique({ where: { id: other.id } });
    expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(other.secret);
  });

  it('answers 409 for a month whose invoice is issued, and the database refuses it too', async () => {
    const db = getDb();
    const account = await createAccount(db, { scheme: 'CURRENT' });
    const app = account.apps[0]!;
    const invoice = await db.prisma.invoice.create({
      data: { accountId: account.id, month: '2026-09', scheme: 'CURRENT', currency: 'USD', total: '0' },
    });
    await db.prisma.invoice.update({ where: { id: invoice.id }, data: { status: 'ISSUED', number: 'INV-2026-999999', issuedAt: new Date() } });
    const response = await post([
      { sdkAppId: Number(app), date: '2026-10-01', mau: 5 },
      { sdkAppId: Number(app), date: '2026-09-30', mau: 5 },
    ]);
    expect(response.status).toBe(409);
    const body = await response.json();
    expect(body.error.message).toMatch(/INV-2026-999999.*needs the invoice voided and a new invoice/);
    expect(body.error.details[0]).toMatchObject({ sdkAppId: String(app), month: '2026-09', rows: [1] });
    expect(await db.prisma.usageDaily.count({ where: { sdkAppId: app } })).toBe(0);
    // The trigger is the last line: a direct write is refused as well.
    await expect(
      db.prisma.usageDaily.create({ data: { sdkAppId: app, date: new Date('2026-09-15'), mau: 1, source: 'SEED', sentBy: 'x' } }),
    ).rejects.toThrow(/billed on invoice INV-2026-999999/);
    // October is still open.
    expect((await post([{ sdkAppId: Number(app), date: '2026-10-01', mau: 5 }])).status).toBe(200);
  });
});

describe('the usage lookup', () => {
  it('counts rows up to a cap and says when there are more', async () => {
    const db = getDb();
    const account = await createAccount(db, { scheme: 'CURRENT' });
    const app = account.apps[0]!;
    await seedUsage(db, app, [1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2026-05-0${d}`, mau: d })));
    const search = parseUsageSearch({ app: app.toString(), perPage: '20', sort: 'date.desc' });
    const capped = await listUsage(search, 5);
    expect(capped).toMatchObject({ rowCount: 5, pageCount: 1, rowCountCapped: true });
    expect(capped.rows.map((r) => r.date)).toEqual(['2026-05-07', '2026-05-06', '2026-05-05', '2026-05-04', '2026-05-03', '2026-05-02', '2026-05-01']);
    expect(await listUsage(search, 7)).toMatchObject({ rowCount: 7, rowCountCapped: false });
    expect(await listUsage(parseUsageSearch({ app: app.toString(), month: '2026-05', source: 'API' }), 5)).toMatchObject({ rowCount: 0, rowCountCapped: false });
  });
});

describe('usage and issuing at the same time', () => {
  /** A connection of the pool, or the driver itself on PGlite. */
  type Runner = { query: (text: string, params: unknown[]) => Promise<unknown> };
  const write = (sql: Runner, sdkAppId: bigint, date: string) =>
    sql.query(`INSERT INTO "UsageDaily" ("sdkAppId", "date", "mau", "source", "sentBy") VALUES ($1, $2::date, 7, 'SEED', 'race')`, [sdkAppId.toString(), date]);
  const issue = (sql: Runner, invoiceId: number, number: string) =>
    sql.query(`UPDATE "Invoice" SET "status" = 'ISSUED', "number" = $2, "issuedAt" = now() WHERE "id" = $1`, [invoiceId, number]);
  /** Whether `promise` is still pending after a while (it waits for a lock). */
  const stillWaiting = async (promise: Promise<unknown>) => {
    let settled = false;
    void promise.then(() => (settled = true), () => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 400));
    return !settled;
  };

  /**
   * A DRAFT invoice of `month` for a new account, and two connections of the pool (released
   * after `fn`). PGlite has one connection, so the two cannot meet there: it checks instead that
   * issuing (which takes the lock) works and closes the month.
   */
  async function withDraft(month: string, fn: (draft: { app: bigint; invoiceId: number; a: pg.PoolClient; b: pg.PoolClient }) => Promise<void>) {
    const db = getDb();
    const account = await createAccount(db, { scheme: 'CURRENT' });
    if (db.driver.kind !== 'postgres') {
      const sql = { query: driverSql() };
      await write(sql, account.apps[0]!, `${month}-10`);
      const invoice = await db.prisma.invoice.create({ data: { accountId: account.id, month, scheme: 'CURRENT', currency: 'USD', total: '0' } });
      const number = `INV-2026-9999${month.slice(5)}`;
      await issue(sql, invoice.id, number);
      await expect(write(sql, account.apps[0]!, `${month}-11`)).rejects.toThrow(new RegExp(`billed on invoice ${number}`));
      return;
    }
    const invoice = await db.prisma.invoice.create({ data: { accountId: account.id, month, scheme: 'CURRENT', currency: 'USD', total: '0' } });
    const [a, b] = [await db.driver.pool.connect(), await db.driver.pool.connect()];
    try {
      await fn({ app: account.apps[0]!, invoiceId: invoice.id, a, b });
    } finally {
      a.release();
      b.release();
    }
  }

  it('an issue waits for usage of its month being written, and the usage lands before it', async () => {
    await withDraft('2026-07', async ({ app, invoiceId, a, b }) => {
      await a.query('BEGIN');
      await write(a, app, '2026-07-10');
      const issuing = issue(b, invoiceId, 'INV-2026-999990');
      expect(await stillWaiting(issuing)).toBe(true);
      await a.query('COMMIT');
      await issuing;
      // Issued now: the month takes no more usage, and what it took came before the issue.
      await expect(write(a, app, '2026-07-11')).rejects.toThrow(/billed on invoice INV-2026-999990/);
      const rows = await getDb().prisma.usageDaily.findMany({ where: { sdkAppId: app } });
      expect(rows.map((r) => r.date.toISOString().slice(0, 10))).toEqual(['2026-07-10']);
    });
  });

  it('usage written while its month is being issued waits for the issue, then is refused', async () => {
    await withDraft('2026-06', async ({ app, invoiceId, a, b }) => {
      await b.query('BEGIN');
      await issue(b, invoiceId, 'INV-2026-999991');
      const writing = write(a, app, '2026-06-10');
      writing.catch(() => undefined);
      expect(await stillWaiting(writing)).toBe(true);
      await b.query('COMMIT');
      await expect(writing).rejects.toThrow(/billed on invoice INV-2026-999991/);
      expect(await getDb().prisma.usageDaily.count({ where: { sdkAppId: app } })).toBe(0);
    });
  });
});

describe('ingestUsage (the command the API and the CSV import share)', () => {
  it('reports stale drafts so ops know to re-run the month', async () => {
    const db = getDb();
    const account = await createAccount(db, { scheme: 'CURRENT' });
    await db.prisma.invoice.create({ data: { accountId: account.id, month: '2026-10', scheme: 'CURRENT', currency: 'USD', total: '0' } });
    const parsed = parseUsageRows([{ sdkAppId: String(account.apps[0]), date: '2026-10-05', mau: 10 }], { today: TODAY });
    if (!parsed.ok) throw new Error(parsed.message);
    const check = await checkUsageRows(driverSql(), parsed.rows);
    expect(check.staleDrafts).toHaveLength(1);
    const result = await driverTransaction((sql) => ingestUsage(sql, { source: 'CSV', sentBy: ops.id, audit: { id: ops.id, label: ops.email } }, parsed.rows));
    expect(result).toMatchObject({ inserted: 1, staleDrafts: 1 });
    const row = await db.prisma.usageDaily.findFirst({ where: { sdkAppId: account.apps[0] } });
    expect(row).toMatchObject({ source: 'CSV', sentBy: ops.id });
  });
});

describe('the database keeps usage to existing apps (checked per statement, not by a foreign key)', () => {
  it('refuses a statement with one unknown app among known ones, and a row moved to an unknown app', async () => {
    const db = getDb();
    const account = await createAccount(db, { scheme: 'CURRENT' });
    const app = account.apps[0]!;
    const insert = (apps: string) =>
      driverTransaction((sql) =>
        sql(
          `INSERT INTO "UsageDaily" ("sdkAppId", "date", "mau", "source", "sentBy")
           SELECT a, DATE '2026-10-07', 1, 'SEED', 'x' FROM unnest($1::bigint[]) a`,
          [apps],
        ),
      );
    await expect(insert(`{${app},1499999998}`)).rejects.toThrow(/usage names app 1499999998, which does not exist/);
    expect(await db.prisma.usageDaily.count({ where: { sdkAppId: app } })).toBe(0);
    await insert(`{${app}}`);
    await expect(
      driverTransaction((sql) => sql(`UPDATE "UsageDaily" SET "sdkAppId" = 1499999998 WHERE "sdkAppId" = $1::bigint`, [String(app)])),
    ).rejects.toThrow(/usage names app 1499999998, which does not exist/);
    // Moving a row to another existing app is allowed, as the key allowed it.
    const other = (await createAccount(db, { scheme: 'CURRENT' })).apps[0]!;
    await driverTransaction((sql) => sql(`UPDATE "UsageDaily" SET "sdkAppId" = $2::bigint WHERE "sdkAppId" = $1::bigint`, [String(app), String(other)]));
    expect(await db.prisma.usageDaily.count({ where: { sdkAppId: other } })).toBe(1);
  });
});

describe('CSV import', () => {
  it('parses a good file with quoted cells, CRLF and columns in any order', () => {
    const csv = '\uFEFFdate,sdkAppId,dau,barrageDomesticMbps\r\n2026-10-01,1400000001,12000,"3.5"\r\n\r\n"2026-10-02",1400000001,,1\r\n';
    const result = validateUsageCsv(csv, { today: TODAY });
    expect(result).toEqual({
      ok: true,
      lines: 2,
      rowLines: [2, 4],
      rows: [
        { sdkAppId: '1400000001', date: '2026-10-01', dau: 12000, peakGroups: null, mau: null, pcc: null, barrageDomesticMbps: '3.5', barrageIntlMbps: null },
        { sdkAppId: '1400000001', date: '2026-10-02', dau: null, peakGroups: null, mau: null, pcc: null, barrageDomesticMbps: '1', barrageIntlMbps: null },
      ],
    });
  });

  it('reports every error by file line, field and reason', () => {
    const csv = [
      'sdkAppId,date,dau,mau',
      '1400000001,2026-10-01,12000,',
      '1400000001,2026-10-32,abc,',
      '1400000001,2026-10-03,5',
      '1400000001,2026-10-01,7,',
      '14000,2026-10-04,-1,',
    ].join('\n');
    const result = validateUsageCsv(csv, { today: TODAY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => ({ line: e.line, field: e.field, key: e.key, reason: e.reason }))).toEqual([
      { line: 3, field: 'date', key: 'field.usage.calendarDate', reason: 'must be a calendar date YYYY-MM-DD' },
      { line: 3, field: 'dau', key: 'field.usage.wholeNumber', reason: 'must be a whole number' },
      { line: 4, field: 'row', key: 'field.csv.cells', reason: 'has 3 cells, the header has 4' },
      { line: 5, field: 'date', key: 'field.usage.duplicate', reason: 'a second row for app 1400000001 on 2026-10-01 (the first is line 2)' },
      { line: 6, field: 'sdkAppId', key: 'field.usage.sdkAppIdExample', reason: 'must be a 10-digit SDKAppID such as 1400000001' },
      { line: 6, field: 'dau', key: 'field.usage.negative', reason: 'must not be negative' },
    ]);
    expect(result.message).toMatch(/4 of 5 rows have errors/);
  });

  it('reports header problems', () => {
    const result = validateUsageCsv('sdkAppId,day,dau\n1400000001,2026-10-01,1\n', { today: TODAY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { line: 1, field: 'day', key: 'field.csv.unknownColumn', params: { fields: expect.any(String) }, reason: expect.stringMatching(/is not a usage column/) },
      { line: 1, field: 'date', key: 'field.csv.missing', params: {}, reason: 'column is missing from the header' },
    ]);
    // The same refusal, for a Chinese reader.
    expect(describeCsvErrors(result.errors, result.rows, 'zh')).toBe('1 行中有 1 行有错误；修正之前无法导入任何数据');
  });
});
