import { z } from 'zod';
import { addMonths, isValidMonth, monthBounds, monthOf, nextMonth } from '../billing/dates';
import { flattenSearchParams, optionalEnum, tableParamsSchema, type SearchParams } from '../validation/table';
import { fieldError } from '../validation/messages';

export const monthSchema = z
  .string({ error: fieldError('field.month.required') })
  .trim()
  .refine(isValidMonth, { error: fieldError('field.month.calendar') });

export const startBillingRunSchema = z.object({ month: monthSchema });

/** The billing run for month M may run from M+1's first day. */
export function firstBillableDay(month: string): string {
  return monthBounds(nextMonth(month)).from;
}

/** Invoices of month M are issued on the 3rd of M+1 (or earlier, by ops). */
export function plannedIssueDate(month: string): string {
  return `${nextMonth(month)}-03`;
}

/** The month before `today`'s month: what the console offers to bill. */
export function previousMonth(today: string): string {
  return monthOf(addMonths(`${monthOf(today)}-01`, -1));
}

export const RUN_SORT_KEYS = ['startedAt', 'month', 'status'] as const;
export type RunSortKey = (typeof RUN_SORT_KEYS)[number];

export const runsSearchSchema = tableParamsSchema(RUN_SORT_KEYS, { id: 'startedAt', desc: true }).extend({
  month: z.string().refine(isValidMonth).optional().catch(undefined),
  status: optionalEnum(['RUNNING', 'SUCCEEDED', 'FAILED']),
});
export type RunsSearch = z.infer<typeof runsSearchSchema>;

export function parseRunsSearch(params: SearchParams): RunsSearch {
  return runsSearchSchema.parse(flattenSearchParams(params));
}

export const runIdSchema = z.coerce.number().int().positive().max(2_147_483_647);
