import { z } from 'zod';
import { isValidDate } from '../billing/dates';

export const CURRENCIES = ['CNY', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const BALANCE_ENTRY_KINDS = ['TOP_UP', 'DEDUCTION', 'CREDIT', 'REFUND', 'ADJUSTMENT'] as const;
export type BalanceEntryKind = (typeof BALANCE_ENTRY_KINDS)[number];

/** Days between issue and due date unless ops set another (DOMAIN.md section 12). */
export const PAYMENT_TERM_DAYS = 15;

const idSchema = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .int({ error: `${label} must be a whole number` })
    .positive({ error: `${label} must be positive` })
    .max(2_147_483_647, { error: `${label} is out of range` });

/** A money amount typed by a person: digits with at most 2 decimals, kept as text (decimal end to end). */
export function moneySchema(label: string, options: { signed?: boolean } = {}) {
  const pattern = options.signed ? /^-?\d{1,13}(\.\d{1,2})?$/ : /^\d{1,13}(\.\d{1,2})?$/;
  return z
    .string({ error: `${label} is required` })
    .trim()
    .refine((v) => v !== '', { error: `${label} is required` })
    .refine((v) => !v.startsWith('-') || options.signed, { error: `${label} must be greater than 0` })
    .refine((v) => pattern.test(v), { error: `${label} must be an amount with at most 2 decimals, such as 120.50` })
    .refine((v) => !/^-?0+(\.0+)?$/.test(v), { error: options.signed ? `${label} must not be 0` : `${label} must be greater than 0` });
}

const textSchema = (label: string, min = 3) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(min, { error: `${label} must be at least ${min} characters` })
    .max(500, { error: `${label} must be at most 500 characters` });

export const topUpSchema = z.object({
  accountId: idSchema('Account id'),
  currency: z.enum(CURRENCIES, { error: 'Currency must be CNY or USD' }),
  amount: moneySchema('Amount'),
  reference: textSchema('Reference', 2),
});
export type TopUpInput = z.infer<typeof topUpSchema>;

export const refundSchema = z.object({
  accountId: idSchema('Account id'),
  currency: z.enum(CURRENCIES, { error: 'Currency must be CNY or USD' }),
  amount: moneySchema('Amount'),
  reference: textSchema('Reference', 2),
  reason: textSchema('Reason').optional().or(z.literal('').transform(() => undefined)),
});
export type RefundInput = z.infer<typeof refundSchema>;

export const adjustmentSchema = z.object({
  accountId: idSchema('Account id'),
  currency: z.enum(CURRENCIES, { error: 'Currency must be CNY or USD' }),
  amount: moneySchema('Amount', { signed: true }),
  reason: textSchema('Reason'),
});
export type AdjustmentInput = z.infer<typeof adjustmentSchema>;

/** "Record a payment": money received for one invoice (a TOP_UP applied to it first). */
export const recordPaymentSchema = z.object({
  invoiceId: idSchema('Invoice id'),
  amount: moneySchema('Amount'),
  reference: textSchema('Reference', 2),
});
export type RecordPaymentInput = z.infer<typeof recordPaymentSchema>;

export const dueDateSchema = z.object({
  invoiceId: idSchema('Invoice id'),
  dueDate: z.string({ error: 'Due date is required' }).trim().refine(isValidDate, { error: 'Due date must be a date (YYYY-MM-DD)' }),
});
export type DueDateInput = z.infer<typeof dueDateSchema>;
