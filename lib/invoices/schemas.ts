import { z } from 'zod';
import { isValidMonth } from '../billing/dates';
import { flattenSearchParams, optionalEnum, searchTextSchema, tableParamsSchema, type SearchParams } from '../validation/table';

export const INVOICE_STATUSES = ['DRAFT', 'ISSUED', 'PAID', 'VOID'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
/** What a customer may ever see of their invoices. */
export const CUSTOMER_VISIBLE_STATUSES = ['ISSUED', 'PAID', 'VOID'] as const satisfies readonly InvoiceStatus[];

export const invoiceIdSchema = z.coerce
  .number({ error: 'Invoice id must be a number' })
  .int({ error: 'Invoice id must be a whole number' })
  .positive({ error: 'Invoice id must be positive' })
  .max(2_147_483_647, { error: 'Invoice id is out of range' });

export const invoiceRefSchema = z.object({ id: invoiceIdSchema });
export type InvoiceRef = z.infer<typeof invoiceRefSchema>;

export const issueMonthSchema = z.object({
  month: z.string({ error: 'Month is required (YYYY-MM)' }).trim().refine(isValidMonth, { error: 'Month must be YYYY-MM, such as 2026-10' }),
});
export type IssueMonthInput = z.infer<typeof issueMonthSchema>;

export const voidInvoiceSchema = z.object({
  id: invoiceIdSchema,
  reason: z
    .string({ error: 'Reason is required' })
    .trim()
    .min(3, { error: 'Reason must say why the invoice is void (at least 3 characters)' })
    .max(500, { error: 'Reason must be at most 500 characters' }),
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
