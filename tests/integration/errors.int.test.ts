import { beforeAll, describe, expect, it } from 'vitest';
import { actionError, invalidInput } from '../../lib/action-result';
import { adjustmentSchema } from '../../lib/balances/schemas';
import { createApiKey, revokeApiKey } from '../../lib/api-keys/commands';
import { holdAccount } from '../../lib/calendar/commands';
import type { Actor } from '../../lib/auth/guard';
import { auditActor } from '../../lib/db/audit';
import { driverTransaction } from '../../lib/db/sql';
import { constraintViolation, DomainError, renderError } from '../../lib/errors';
import { handleUsagePost } from '../../lib/usage/api';
import { createAccount, createUser } from './billing-helpers';
import { useTestDatabase } from './db';

const getDb = useTestDatabase();
let ops: Actor;

beforeAll(async () => {
  process.env.CONSOLE_TODAY = '2026-11-23';
  ops = await createUser(getDb(), 'OPS');
});

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('errors as data', () => {
  it('maps a trigger refusal to its SQLSTATE, key and parameters, whichever road it took, and renders it in Chinese', async () => {
    const { prisma } = getDb();
    const entry = await prisma.auditLog.create({ data: { actorLabel: 'test', action: 'test', entityType: 'x', entityId: '1' } });
    const viaPrisma = constraintViolation(await caught(prisma.auditLog.update({ where: { id: entry.id }, data: { action: 'changed' } })));
    expect(viaPrisma).toMatchObject({ code: 'IB001', key: 'error.db.appendOnly', params: { table: 'AuditLog', op: 'UPDATE' } });
    const viaDriver = constraintViolation(await caught(driverTransaction((sql) => sql(`DELETE FROM "AuditLog" WHERE "id" = $1`, [entry.id]))));
    expect(viaDriver).toMatchObject({ code: 'IB001', key: 'error.db.appendOnly', params: { table: 'AuditLog', op: 'DELETE' } });
    expect(renderError(viaDriver!, 'zh')).toBe('数据库拒绝：AuditLog 的行只能追加：不允许 DELETE');
    expect(renderError(viaDriver!, 'en')).toBe('Refused by the database: AuditLog rows are append-only: DELETE is refused');
    // An action shows it in the viewer's language.
    const result = actionError(await caught(prisma.auditLog.delete({ where: { id: entry.id } })), 'zh');
    expect(result).toMatchObject({ ok: false, code: 'conflict', key: 'error.db.appendOnly', message: '数据库拒绝：AuditLog 的行只能追加：不允许 DELETE' });
  });

  it('carries parameters out of a trigger as text (an invoice total keeps its decimals)', async () => {
    const account = await createAccount(getDb(), { scheme: 'LEGACY', apps: [{}] });
    const error = await caught(
      driverTransaction(async (sql) => {
        const [draft] = await sql<{ id: number }>(
          `INSERT INTO "Invoice" ("accountId", "month", "scheme", "currency", "total") VALUES ($1, '2026-10', 'LEGACY', 'CNY', 12.50) RETURNING "id"`,
          [account.id],
        );
        await sql(`UPDATE "Invoice" SET "status" = 'ISSUED', "number" = 'INV-2026-000001', "issuedAt" = now() WHERE "id" = $1`, [draft!.id]);
      }),
    );
    const refusal = constraintViolation(error);
    expect(refusal).toMatchObject({ code: 'IB019', key: 'error.db.invoiceTotal', params: { total: '12.50' } });
    expect(renderError(refusal!, 'zh')).toMatch(/^数据库拒绝：账单 \d+ 的总额 12\.50 不等于其明细之和$/);
  });

  it('renders a domain error of an action in the viewer\'s language, naming the field', async () => {
    const { prisma } = getDb();
    const error = await caught(prisma.$transaction((tx) => revokeApiKey(tx, ops, { id: '00000000-0000-4000-8000-000000000000' })));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toBe('id: no such API key');
    expect(actionError(error, 'zh')).toEqual({
      ok: false,
      code: 'not_found',
      key: 'error.apiKey.notFound',
      params: {},
      message: 'id：没有这个 API 密钥',
      fieldErrors: { id: ['id：没有这个 API 密钥'] },
    });
  });

  it('answers API errors with code, key and a message in the Accept-Language asked for', async () => {
    const { prisma } = getDb();
    const key = await prisma.$transaction((tx) => createApiKey(tx, ops, { name: 'errors' }));
    const post = (body: string, language?: string) =>
      handleUsagePost(
        new Request('http://localhost/api/v1/usage', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key.secret}`, ...(language ? { 'accept-language': language } : {}) },
          body,
        }),
      );
    const english = await post('{not json');
    expect(english.status).toBe(400);
    expect((await english.json()).error).toEqual({ code: 'invalid', key: 'error.api.bodyNotJson', message: 'body: must be JSON: an array of usage rows, or {"rows": [...]}', field: 'body' });
    const chinese = await post('{not json', 'zh-CN,zh;q=0.9');
    expect((await chinese.json()).error).toMatchObject({ code: 'invalid', key: 'error.api.bodyNotJson', message: 'body：必须是 JSON：用量行的数组，或 {"rows": [...]}' });
    // Every bad row: its key, and its reason in the language asked for.
    const rows = await post(JSON.stringify([{ sdkAppId: 1499999998, date: '2026-10-20', dau: -5 }, { sdkAppId: 1499999999, date: '2026-10-20', dau: 1 }]), 'zh-CN');
    expect(rows.status).toBe(400);
    expect((await rows.json()).error).toEqual({
      code: 'invalid',
      key: 'error.usage.rowsInvalid',
      message: '2 行中有 2 行无效，未写入任何数据（首个：行 0，dau 不能为负数）',
      params: { bad: '2', total: '2', row: '行 0', field: 'dau', reason: '不能为负数' },
      field: 'rows',
      details: [
        { index: 0, field: 'dau', key: 'field.usage.negative', reason: '不能为负数' },
        { index: 1, field: 'sdkAppId', key: 'field.usage.noApp', reason: '应用 1499999999 不存在' },
      ],
    });
    // A batch valid in shape whose app the database does not know: the same, from the write's own check.
    const unknown = await post(JSON.stringify([{ sdkAppId: 1499999999, date: '2026-10-20', dau: 1 }]), 'zh');
    expect((await unknown.json()).error).toMatchObject({
      key: 'error.usage.rowsInvalid',
      message: '1 行中有 1 行无效，未写入任何数据（首个：行 0，sdkAppId 应用 1499999999 不存在）',
      details: [{ index: 0, field: 'sdkAppId', key: 'field.usage.noApp', reason: '应用 1499999999 不存在' }],
    });
    const englishRows = await post(JSON.stringify([{ sdkAppId: 1499999999, date: '2026-10-20', dau: 1 }]));
    expect((await englishRows.json()).error).toMatchObject({
      message: '1 of 1 rows are invalid, nothing was written (first: row 0, sdkAppId no app 1499999999 exists)',
      details: [{ index: 0, field: 'sdkAppId', key: 'field.usage.noApp', reason: 'no app 1499999999 exists' }],
    });
    const unauthorized = await handleUsagePost(new Request('http://localhost/api/v1/usage', { method: 'POST', body: '[]' }));
    expect(unauthorized.status).toBe(401);
    expect((await unauthorized.json()).error).toMatchObject({ code: 'unauthorized', key: 'error.api.unauthorized' });
  });

  it("shows a form's field errors in the viewer's language, the English text unchanged", () => {
    const parsed = adjustmentSchema.safeParse({ accountId: '7', currency: 'CNY', amount: '0', reason: 'ok' });
    expect(parsed.success).toBe(false);
    expect(invalidInput(parsed.error!, 'en')).toMatchObject({
      message: 'amount: Amount must not be 0',
      fieldErrors: { amount: ['Amount must not be 0'], reason: ['Reason must be at least 3 characters'] },
    });
    expect(invalidInput(parsed.error!, 'zh')).toMatchObject({
      ok: false,
      code: 'invalid',
      key: 'error.input.invalid',
      message: 'amount：金额不能为 0',
      fieldErrors: { amount: ['金额不能为 0'], reason: ['原因至少需要 3 个字符'] },
    });
  });

  it('renders a refusal that used to be English-only in Chinese, its English text unchanged', async () => {
    const { prisma } = getDb();
    const account = await createAccount(getDb(), { scheme: 'LEGACY', apps: [{}] });
    await prisma.$transaction((tx) => holdAccount(tx, auditActor(ops), { accountId: account.id, reason: 'disputed usage' }));
    const error = await caught(prisma.$transaction((tx) => holdAccount(tx, auditActor(ops), { accountId: account.id, reason: 'again' })));
    expect((error as DomainError).message).toBe(`Account ${account.id} is already on hold (disputed usage)`);
    expect(actionError(error, 'zh')).toMatchObject({ code: 'conflict', key: 'error.calendar.alreadyHeld', message: `账户 ${account.id} 已暂缓出账（disputed usage）` });
  });
});
