import { z } from 'zod';

export const PER_PAGE_OPTIONS = [10, 20, 50, 100] as const;

/** A value from the URL: first occurrence, or undefined. */
export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export type SearchParams = Record<string, string | string[] | undefined>;

export type Sort<K extends string> = { id: K; desc: boolean };

/**
 * Parses a table's URL state. Sort and filter keys are whitelisted per table; anything
 * unknown or malformed falls back to the default instead of failing the page.
 */
export function tableParamsSchema<K extends string>(sortKeys: readonly [K, ...K[]], defaultSort: Sort<K>) {
  const sortIds = z.enum(sortKeys);
  return z.object({
    page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
    perPage: z.coerce
      .number()
      .int()
      .refine((n) => (PER_PAGE_OPTIONS as readonly number[]).includes(n))
      .catch(20),
    sort: z
      .string()
      .transform((value, ctx): Sort<K> => {
        const [id, direction] = value.split('.');
        const parsed = sortIds.safeParse(id);
        if (!parsed.success || (direction !== 'asc' && direction !== 'desc')) {
          ctx.addIssue({ code: 'custom', message: 'bad sort' });
          return z.NEVER;
        }
        return { id: parsed.data, desc: direction === 'desc' };
      })
      .catch(defaultSort),
  });
}

export function optionalEnum<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values).optional().catch(undefined);
}

export const searchTextSchema = z
  .string()
  .trim()
  .max(100)
  .transform((s) => s || undefined)
  .optional()
  .catch(undefined);

/** Collapses repeated query keys to their first value before parsing. */
export function flattenSearchParams(params: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, first(value)]));
}
