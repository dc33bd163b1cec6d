import { describe, expect, it } from 'vitest';
import { MESSAGES } from './messages';
import { localeFromAcceptLanguage, makeTranslate } from './translate';

describe('messages', () => {
  it('Chinese has exactly the English keys but the singular forms, none empty', () => {
    const english = Object.keys(MESSAGES.en);
    const singular = english.filter((key) => key.endsWith('.one'));
    expect(singular.filter((key) => !english.includes(key.slice(0, -'.one'.length)))).toEqual([]);
    expect(Object.keys(MESSAGES.zh).sort()).toEqual(english.filter((key) => !singular.includes(key)).sort());
    for (const [key, text] of Object.entries(MESSAGES.zh)) expect(text, key).not.toBe('');
  });

  it('no two feature files define the same key', async () => {
    const { accounts } = await import('./messages/accounts');
    const { billing } = await import('./messages/billing');
    const { common } = await import('./messages/common');
    const { migrations } = await import('./messages/migrations');
    const { plans } = await import('./messages/plans');
    const seen = new Map<string, number>();
    for (const pair of [accounts, billing, common, migrations, plans]) {
      for (const key of Object.keys(pair.en)) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect([...seen].filter(([, n]) => n > 1).map(([key]) => key)).toEqual([]);
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    const t = makeTranslate('en');
    expect(t('common.page', { page: 2, pageCount: 9 })).toBe('Page 2 of 9');
    expect(makeTranslate('zh')('common.page', { page: 2 })).toBe('第 2 / {pageCount} 页');
  });

  it('takes the singular form for a count of one, formatted or not, in English only', () => {
    const en = makeTranslate('en');
    expect(en('common.rows', { count: 1 })).toBe('1 row');
    expect(en('common.rows', { count: '1' })).toBe('1 row');
    expect(en('common.rows', { count: 0 })).toBe('0 rows');
    expect(en('common.rows', { count: '1,000' })).toBe('1,000 rows');
    expect(en('invoices.issueMonth.done', { count: 1, first: 'INV-2026-000007', last: 'INV-2026-000007' })).toBe('1 invoice issued: INV-2026-000007.');
    expect(makeTranslate('zh')('common.rows', { count: 1 })).toBe('共 1 条');
  });

  it('takes the browser language, English when unsupported', () => {
    expect(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(localeFromAcceptLanguage('fr-FR,en-GB;q=0.5')).toBe('en');
    expect(localeFromAcceptLanguage(undefined)).toBe('en');
  });
});
