import { z } from 'zod';
import { PRICE_KEYS, SCHEMES } from '../billing/catalog';
import { dateField } from '../plans/schemas';

/** numeric(18,6): up to 12 digits before the point and 6 after, never negative. */
export const PRICE_PATTERN = /^\d{1,12}(\.\d{1,6})?$/;

export const newPriceBookSchema = z
  .object({
    scheme: z.enum(SCHEMES, { error: 'scheme must be LEGACY or CURRENT' }),
    version: z.coerce.number({ error: 'version must be a number' }).int({ error: 'version must be a whole number' }).min(2, { error: 'version: version 1 is the shipped book; a new one is 2 or more' }),
    effectiveFrom: dateField,
    source: z
      .string({ error: 'source is required' })
      .trim()
      .min(3, { error: 'source: name the document the prices come from' })
      .max(500, { error: 'source: at most 500 characters' }),
    prices: z.record(z.string(), z.string().trim()),
  })
  .superRefine((book, ctx) => {
    const keys: readonly string[] = PRICE_KEYS[book.scheme];
    for (const key of keys) {
      const amount = book.prices[key];
      if (amount === undefined || amount === '') {
        ctx.addIssue({ code: 'custom', path: ['prices', key], message: `price for ${key} is required` });
      } else if (!PRICE_PATTERN.test(amount)) {
        ctx.addIssue({ code: 'custom', path: ['prices', key], message: `price for ${key} must be a decimal of 0 or more with at most 6 decimals, such as 999 or 0.015 (got "${amount}")` });
      }
    }
    for (const key of Object.keys(book.prices)) {
      if (!keys.includes(key)) ctx.addIssue({ code: 'custom', path: ['prices', key], message: `${key} is not a price of the ${book.scheme} scheme` });
    }
  });

export type NewPriceBookInput = z.infer<typeof newPriceBookSchema>;

/** Form fields `price.<KEY>` become `prices: { KEY: amount }`. */
export function priceBookFromForm(formData: FormData): Record<string, unknown> {
  const prices: Record<string, string> = {};
  const rest: Record<string, unknown> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== 'string') continue;
    if (name.startsWith('price.')) prices[name.slice('price.'.length)] = value;
    else if (!name.startsWith('$')) rest[name] = value;
  }
  return { ...rest, prices };
}
