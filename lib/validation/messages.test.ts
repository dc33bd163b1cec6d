import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, invalidInput } from '../action-result';
import { topUpSchema } from '../balances/schemas';
import { creditNoteDraftSchema } from '../credit-notes/schemas';

describe('keyed field messages', () => {
  it('keeps the English text on the issue and renders the same issue in Chinese', () => {
    const parsed = topUpSchema.safeParse({ accountId: 'x', currency: 'EUR', amount: '1.234', reference: 'a' });
    expect(parsed.success).toBe(false);
    const error = parsed.error!;
    expect(fieldErrorsOf(error)).toEqual({
      accountId: ['Account id must be a number'],
      currency: ['Currency must be CNY or USD'],
      amount: ['Amount must be an amount with at most 2 decimals, such as 120.50'],
      reference: ['Reference must be at least 2 characters'],
    });
    expect(fieldErrorsOf(error, 'zh')).toEqual({
      accountId: ['账户 ID必须是数字'],
      currency: ['币种必须是 CNY 或 USD'],
      amount: ['金额必须是最多两位小数的金额，例如 120.50'],
      reference: ['参考号至少需要 2 个字符'],
    });
    expect(invalidInput(error, 'zh')).toMatchObject({ ok: false, code: 'invalid', message: 'accountId：账户 ID必须是数字' });
  });

  it('carries the key of a custom issue raised in a superRefine, with its parameters', () => {
    const parsed = creditNoteDraftSchema.safeParse({ invoiceId: 1, mode: 'lines', reason: 'OTHER', text: 'fix it', remainderTo: 'CREDIT', lines: [{ position: 2, amount: '0' }] });
    expect(fieldErrorsOf(parsed.error!)).toEqual({ line_2: ['Line 2: amount must be greater than 0 with at most 2 decimals, such as 12.50'] });
    expect(fieldErrorsOf(parsed.error!, 'zh')).toEqual({ line_2: ['第 2 行：金额必须大于 0，最多两位小数，例如 12.50'] });
  });
});
