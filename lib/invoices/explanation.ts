import { z } from 'zod';
import { PERIODIC_ADDONS, RETENTION_TIERS } from '../billing/catalog';
import type { Explanation } from '../billing/types';

/**
 * A stored line's explanation (InvoiceLine.explainKey + explainParams) read back as data. The
 * columns are checked like any JSON column: a row that does not match (or a line stored before
 * explanations were data, key `text` without parameters) shows its English text as written.
 */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const count = z.number().int();
const paidLegacy = z.enum(['PROFESSIONAL', 'FLAGSHIP']);
const paidCurrent = z.enum(['STANDARD', 'PRO']);
const addon = z.enum(PERIODIC_ADDONS);
const reason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trial-change'), to: paidLegacy }),
  z.object({ kind: z.literal('upgrade') }),
  z.object({ kind: z.literal('downgrade'), requestedOn: date }),
  z.object({ kind: z.literal('migration'), creditOn: date }),
]);
const cut = { from: date, to: date, cutOn: date, reason, price: decimal, days: count, ofDays: count };

const paramsByKey = {
  'package.cycle': z.object({ edition: paidLegacy, from: date, to: date, anchor: date, price: decimal }),
  'package.credit': z.object({ ...cut, edition: paidLegacy }),
  'addon.cycle': z.object({ addon, edition: paidLegacy, from: date, to: date, anchor: date, stopRequestedOn: date.optional(), price: decimal }),
  'addon.credit': z.object({ ...cut, addon, edition: paidLegacy }),
  overage: z.object({
    measure: z.enum(['DAU', 'GROUPS']),
    peak: count,
    peakOn: date,
    paidFrom: date.optional(),
    paidTo: date.optional(),
    over: count,
    free: count,
    units: count,
    unit: count,
    price: decimal,
  }),
  barrage: z.object({ direction: z.enum(['DOMESTIC', 'INTERNATIONAL']), from: date, to: date, days: count, mbpsDays: decimal, price: decimal }),
  retention: z.object({
    tier: z.union(RETENTION_TIERS.map((t) => z.literal(t))),
    edition: paidLegacy,
    from: date,
    to: date,
    price: decimal,
    days: count,
    ofDays: count,
  }),
  'current.package': z.object({ edition: paidCurrent, from: date, to: date, price: decimal, days: count, ofDays: count }),
  mau: z.object({
    mau: count,
    month: z.string().regex(/^\d{4}-\d{2}$/),
    reportedOn: date,
    over: count,
    free: count,
    price: decimal,
    edition: paidCurrent,
    lastDay: date,
  }),
  text: z.object({ text: z.string() }),
} satisfies { [K in Explanation['key']]: z.ZodType<Extract<Explanation, { key: K }>['params']> };

/** The explanation of a stored line, or its English text as written when the data does not read. */
export function storedExplanation(key: string, params: unknown, explain: string): Explanation {
  const schema = Object.hasOwn(paramsByKey, key) ? paramsByKey[key as Explanation['key']] : undefined;
  if (schema !== undefined && key !== 'text') {
    const parsed = schema.safeParse(params);
    if (parsed.success) return { key, params: parsed.data } as Explanation;
  }
  return { key: 'text', params: { text: explain } };
}
