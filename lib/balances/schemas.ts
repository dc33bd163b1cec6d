import { z } from 'zod';
import { isValidDate } from '../billing/dates';
import type { ValidationKey } from '../i18n/messages/validation';
import { fieldError } from '../validation/messages';

export const CURRENCIES = ['CNY', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const BALANCE_ENTRY_KINDS = ['TOP_UP', 'DEDUCTION', 'CREDIT', 'REFUND', 'ADJUSTMENT'] as const;
export type BalanceEntryKind = (typeof BALANCE_ENTRY_KINDS)[number];

/** Days between issue and due date unless ops set another (DOMAIN.md section 12). */
export const PAYMENT_TERM_DAYS = 15;

/** `label` is a key of lib/i18n/messages/validation.ts (`field.label.*`): messages show in the viewer's language. */
const idSchema = (label: ValidationKey) =>
  z.coerce
    .number({ error: fieldError('field.id.number', { label }) })
    .int({ error: fieldError('field.id.whole', { label }) })
    .positive({ error: fieldError('field.id.positive', { label }) })
    .max(2_147_483_647, { error: fieldError('field.id.range', { label }) });

/** A money amount typed by a person: digits with at most 2 decimals, kept as text (decimal end to end). */
export function moneySchema(label: ValidationKey, options: { signed?: boolean } = {}) {
  const pattern = options.signed ? /^-?\d{1,13}(\.\d{1,2})?$/ : /^\d{1,13}(\.\d{1,2})?$/;
  return z
    .string({ error: fieldError('field.required', { label }) })
    .trim()
    .refine((v) => v !== '', { error: fieldError('field.required', { label }) })
    .refine((v) => !v.startsWith('-') || options.signed, { error: fieldError('field.money.positive', { label }) })
    .refine((v) => pattern.test(v), { error: fieldError('field.money.format', { label }) })
    .refine((v) => !/^-?0+(\.0+)?$/.test(v), { error: fieldError(options.signed ? 'field.money.nonZero' : 'field.money.positive', { label }) });
}

const textSchema = (label: ValidationKey, min = 3) =>
  z
    .string({ error: fieldError('field.required', { label }) })
    .trim()
    .min(min, { error: fieldError('field.tooShort', { label, min }) })
    .max(500, { error: fieldError('field.tooLong', { label, max: 500 }) });

export const topUpSchema = z.object({
  accountId: idSchema('field.label.accountId'),
  currency: z.enum(CURRENCIES, { error: fieldError('field.currency') }),
  amount: moneySchema('field.label.amount'),
  reference: textSchema('field.label.reference', 2),
});
export type TopUpInput = z.infer<typeof topUpSchema>;

export const refundSchema = z.object({
  accountId: idSchema('field.label.accountId'),
  currency: z.enum(CURRENCIES, { error: fieldError('field.currency') }),
  amount: moneySchema('field.label.amount'),
  reference: textSchema('field.label.reference', 2),
  reason: textSchema('field.label.reason').optional().or(z.literal('').transform(() => undefined)),
});
export type RefundInput = z.infer<typeof refundSchema>;

export const adjustmentSchema = z.object({
  accountId: idSchema('field.label.accountId'),
  currency: z.enum(CURRENCIES, { error: fieldError('field.currency') }),
  amount: moneySchema('field.label.amount', { signed: true }),
  reason: textSchema('field.label.reason'),
});
export type AdjustmentInput = z.infer<typeof adjustmentSchema>;

/** "Record a payment": money received for one invoice (a TOP_UP applied to it first). */
export const recordPaymentSchema = z.object({
  invoiceId: idSchema('field.label.invoiceId'),
  amount: moneySchema('field.label.amount'),
  reference: textSchema('field.label.reference', 2),
});
export type RecordPaymentInput = z.infer<typeof recordPaymentSchema>;

export const dueDateSchema = z.object({
  invoiceId: idSchema('field.label.invoiceId'),
  dueDate: z.string({ error: fieldError('field.dueDate.required') }).trim().refine(isValidDate, { error: fieldError('field.dueDate.format') }),
});
export type DueDateInput = z.infer<typeof dueDateSchema>;
