import { z } from 'zod';
import { PRICE_KEYS, SCHEMES } from '../billing/catalog';
import { dateField } from '../plans/schemas';
import { fieldError, fieldIssue } from '../validation/messages';

/** numeric(18,6): up to 12 digits before the point and 6 after, never negative. */
export const PRICE_PATTERN = /^\d{1,12}(\.\d{1,6})?$/;

export const newPriceBookSchema = z
  .object({
    scheme: z.enum(SCHEMES, { error: fieldError('field.catalog.scheme') }),
    version: z.coerce.number({ error: fieldError('field.catalog.versionNumber') }).int({ error: fieldError('field.catalog.versionWhole') }).min(2, { error: fieldError('field.catalog.versionMin') }),
    effectiveFrom: dateField,
    source: z
      .string({ error: fieldError('field.catalog.sourceRequired') })
      .trim()
      .min(3, { error: fieldError('field.catalog.sourceShort') })
      .max(500, { error: fieldError('field.catalog.sourceLong') }),
    prices: z.record(z.string(), z.string().trim()),
  })
  .superRefine((book, ctx) => {
    const keys: readonly string[] = PRICE_KEYS[book.scheme];
    for (const key of keys) {
      const amount = book.prices[key];
      if (amount === undefined || amount === '') {
        ctx.addIssue(fieldIssue(['prices', key], 'field.catalog.priceRequired', { key }));
      } else if (!PRICE_PATTERN.test(amount)) {
        ctx.addIssue(fieldIssue(['prices', key], 'field.catalog.priceFormat', { key, amount }));
      }
    }
    for (const key of Object.keys(book.prices)) {
      if (!keys.includes(key)) ctx.addIssue(fieldIssue(['prices', key], 'field.catalog.priceUnknown', { key, scheme: book.scheme }));
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
