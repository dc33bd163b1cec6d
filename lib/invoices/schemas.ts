import { z } from 'zod';
import { isValidMonth } from '../billing/dates';
import { flattenSearchParams, optionalEnum, searchTextSchema, tableParamsSchema, type SearchParams } from '../validation/table';
import { fieldError } from '../validation/messages';

export const INVOICE_STATUSES = ['DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOID'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
/** What a customer may ever see of their invoices. */
export const CUSTOMER_VISIBLE_STATUSES = ['ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOID'] as const satisfies readonly InvoiceStatus[];

export const invoiceIdSchema = z.coerce
  .number({ error: fieldError('field.id.number', { label: 'field.label.invoiceId' }) })
  .int({ error: fieldError('field.id.whole', { label: 'field.label.invoiceId' }) })
  .positive({ error: fieldError('field.id.positive', { label: 'field.label.invoiceId' }) })
  .max(2_147_483_647, { error: fieldError('field.id.range', { label: 'field.label.invoiceId' }) });

export const invoiceRefSchema = z.object({ id: invoiceIdSchema });
export type InvoiceRef = z.infer<typeof invoiceRefSchema>;

export const issueMonthSchema = z.object({
  month: z.string({ error: fieldError('field.month.required') }).trim().refine(isValidMonth, { error: fieldError('field.month.format') }),
});
export type IssueMonthInput = z.infer<typeof issueMonthSchema>;

export const voidInvoiceSchema = z.object({
  id: invoiceIdSchema,
  reason: z
    .string({ error: fieldError('field.required', { label: 'field.label.reason' }) })
    .trim()
    .min(3, { error: fieldError('field.invoice.voidReason') })
    .max(500, { error: fieldError('field.tooLong', { label: 'field.label.reason', max: 500 }) }),
});
export type VoidInvoiceInput = z.infer<typeof voidInvoiceSchema>;

export const INVOICE_SORT_KEYS = ['month', 'number', 'account', 'total', 'status', 'issuedAt'] as const;
export type InvoiceSortKey = (typeof INVOICE_SORT_KEYS)[number];

export const invoicesSearchSchema = tableParamsSchema(INVOICE_SORT_KEYS, { id: 'month', desc: true }).extend({
  q: searchTextSchema,
  month: z.string().refine(isValidMonth).optional().catch(undefined),
  status: optionalEnum(INVOICE_STATUSES),
  scheme: optionalEnum(['LEGACY', 'CURRENT']),
  currency: optionalEnum(['CNY', 'USD']),
});
export type InvoicesSearch = z.infer<typeof invoicesSearchSchema>;

export function parseInvoicesSearch(params: SearchParams): InvoicesSearch {
  return invoicesSearchSchema.parse(flattenSearchParams(params));
}

/** A draft whose planned issue date has passed: ops were due to issue it (the 3rd of M+1). */
export function isIssueOverdue(invoice: { status: InvoiceStatus; plannedIssueDate: string }, today: string): boolean {
  return invoice.status === 'DRAFT' && invoice.plannedIssueDate < today;
}
