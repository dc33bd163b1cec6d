import { z } from 'zod';
import { isValidDate } from '../billing/dates';
import { flattenSearchParams, searchTextSchema, tableParamsSchema, type SearchParams } from '../validation/table';

export const AUDIT_SORT_KEYS = ['at', 'action', 'actor'] as const;
export type AuditSortKey = (typeof AUDIT_SORT_KEYS)[number];

const dateParam = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isValidDate(s))
  .optional()
  .catch(undefined);

export const auditSearchSchema = tableParamsSchema(AUDIT_SORT_KEYS, { id: 'at', desc: true }).extend({
  /** Account id. */
  account: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  /** Part of the actor's email (or api-key label). */
  actor: searchTextSchema,
  /** An action name, e.g. plan.edition.change; matched exactly (a trailing * matches a prefix). */
  action: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,79}\*?$/)
    .optional()
    .catch(undefined),
  /** Calendar days, inclusive. */
  from: dateParam,
  to: dateParam,
});

export type AuditSearch = z.infer<typeof auditSearchSchema>;

export function parseAuditSearch(params: SearchParams): AuditSearch {
  return auditSearchSchema.parse(flattenSearchParams(params));
}
