import { z } from 'zod';
import { DATA_CENTERS } from '../billing/catalog';
import { flattenSearchParams, optionalEnum, searchTextSchema, tableParamsSchema, type SearchParams } from '../validation/table';

export const ACCOUNT_SORT_KEYS = ['id', 'name', 'scheme', 'createdAt'] as const;
export type AccountSortKey = (typeof ACCOUNT_SORT_KEYS)[number];

export const accountsSearchSchema = tableParamsSchema(ACCOUNT_SORT_KEYS, { id: 'id', desc: false }).extend({
  q: searchTextSchema,
  scheme: optionalEnum(['LEGACY', 'CURRENT']),
  currency: optionalEnum(['CNY', 'USD']),
  dc: optionalEnum(DATA_CENTERS),
});

export type AccountsSearch = z.infer<typeof accountsSearchSchema>;

export function parseAccountsSearch(params: SearchParams): AccountsSearch {
  return accountsSearchSchema.parse(flattenSearchParams(params));
}

/** Route ids: a positive integer account id, a 10-digit SDKAppID. */
export const accountIdSchema = z.coerce.number().int().positive().max(2_147_483_647);
export const sdkAppIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{9}$/, 'SDKAppID must be a 10-digit number')
  .transform((s) => BigInt(s));
