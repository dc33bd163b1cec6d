import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { constraintViolation, DATABASE_ERRORS, DomainError, renderError } from './errors';
import { errors } from './i18n/messages/errors';

describe('errors as data', () => {
  it('maps every IB code the live database raises, and only those, to a key documented in docs/errors.md', () => {
    const raised = new Set([...readFileSync('prisma/functions.sql', 'utf8').matchAll(/ERRCODE = '(IB\d{3})'/g)].map((m) => m[1]));
    const mapped = new Set(Object.keys(DATABASE_ERRORS).filter((code) => code.startsWith('IB')));
    expect([...raised].sort()).toEqual([...mapped].sort());
    const docs = readFileSync('docs/errors.md', 'utf8');
    for (const code of mapped) expect(docs).toContain(`| \`${code}\` | \`${DATABASE_ERRORS[code]}\``);
  });

  it('renders a keyed domain error in both languages, English as its message', () => {
    const error = new DomainError('conflict', 'error.invoice.noDrafts', { params: { month: '2026-10' }, field: 'month' });
    expect(error.message).toBe('There are no draft invoices for 2026-10 to issue');
    expect(error.render('zh')).toBe('2026-10 没有可开出的草稿账单');
    expect(error).toMatchObject({ code: 'conflict', key: 'error.invoice.noDrafts', field: 'month' });
  });

  it('keeps an unkeyed text as it is, in every language', () => {
    const error = new DomainError('invalid', 'amount: must be positive', { field: 'amount' });
    expect(error.key).toBe('error.untranslated');
    expect(error.render('zh')).toBe('amount: must be positive');
  });

  it('finds a database refusal by its SQLSTATE only, never by its text', () => {
    const driverError = Object.assign(new Error('anything at all'), { code: 'IB029', detail: '{"sdkAppId":"1400000001","month":"2026-10","invoice":"INV-2026-000001","status":"ISSUED"}' });
    const refusal = constraintViolation({ name: 'PrismaClientKnownRequestError', code: 'P2010', meta: { driverAdapterError: { cause: driverError } } });
    expect(refusal).toMatchObject({ code: 'IB029', key: 'error.db.usageBilled', params: { sdkAppId: '1400000001', month: '2026-10' } });
    expect(renderError(refusal!, 'zh')).toBe('数据库拒绝：应用 1400000001 在 2026-10 的用量已计入账单 INV-2026-000001（ISSUED）：更正需要先作废并开新账单');
    expect(constraintViolation(new Error('new row violates check constraint "x"; append-only; refused'))).toBeNull();
  });

  it('gives every key a Chinese text that uses only the English parameters (it may leave out an English word)', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const [key, en] of Object.entries(errors.en)) {
      expect(names(en), key).toEqual(expect.arrayContaining(names(errors.zh[key as keyof typeof errors.zh])));
    }
  });
});
