import { z } from 'zod';
import { isValidDate, isValidMonth } from '../billing/dates';
import { decimalTextOfNumber } from '../billing/digits';
import { flattenSearchParams, optionalEnum, tableParamsSchema, type SearchParams } from '../validation/table';

/** A batch is all-or-nothing and at most this many daily rows (API call or CSV file). */
export const MAX_USAGE_ROWS = 10_000;

export const COUNT_FIELDS = ['dau', 'peakGroups', 'mau', 'pcc'] as const;
export const MBPS_FIELDS = ['barrageDomesticMbps', 'barrageIntlMbps'] as const;
export const METRIC_FIELDS = [...COUNT_FIELDS, ...MBPS_FIELDS] as const;
export const USAGE_FIELDS = ['sdkAppId', 'date', ...METRIC_FIELDS] as const;
export type UsageField = (typeof USAGE_FIELDS)[number];

/** One validated daily row. Counts are integers; bandwidth stays a decimal string. */
export type UsageRowInput = {
  sdkAppId: string;
  date: string;
  dau: number | null;
  peakGroups: number | null;
  mau: number | null;
  pcc: number | null;
  barrageDomesticMbps: string | null;
  barrageIntlMbps: string | null;
};

/** `index` is the row's position in the batch (0-based); the CSV import shows the file line instead. */
export type UsageRowError = { index: number; field: string; reason: string };

export type ParsedUsageBatch =
  | { ok: true; rows: UsageRowInput[] }
  | {
      ok: false;
      message: string;
      field: string;
      errors: UsageRowError[];
      /** Rows in the batch. */
      total: number;
      /** The rows that passed, with their batch index: the database checks still run on them. */
      valid: { rows: UsageRowInput[]; indexes: number[] };
    };

const INT4_MAX = 2_147_483_647;
// numeric(14,3): 11 integer digits, 3 decimals.
const MBPS_PATTERN = /^\d{1,11}(\.\d{1,3})?$/;

const countSchema = z
  .number({ error: 'must be a whole number' })
  .int({ error: 'must be a whole number' })
  .min(0, { error: 'must not be negative' })
  .max(INT4_MAX, { error: 'must be at most 2,147,483,647' })
  .nullish();

const mbpsSchema = z
  .union([z.string(), z.number()], { error: 'must be a decimal number of Mbps such as "3.5"' })
  .transform((value, ctx) => {
    // A JSON number is read from its shortest decimal text, never through float arithmetic.
    const text = typeof value === 'number' ? (decimalTextOfNumber(value) ?? 'NaN') : value.trim();
    if (text.startsWith('-')) {
      ctx.addIssue({ code: 'custom', message: 'must not be negative' });
      return z.NEVER;
    }
    if (!MBPS_PATTERN.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'must be a non-negative decimal with at most 3 decimals, such as "3.5"' });
      return z.NEVER;
    }
    return text;
  })
  .nullish();

const sdkAppIdSchema = z
  .union([z.number(), z.string()], { error: (iss) => (iss.input === undefined ? 'is required' : 'must be a 10-digit SDKAppID') })
  .transform((value, ctx) => {
    const text = typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : value.trim();
    if (!/^[1-9][0-9]{9}$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'must be a 10-digit SDKAppID such as 1400000001' });
      return z.NEVER;
    }
    return text;
  });

export const usageRowSchema = z.strictObject({
  sdkAppId: sdkAppIdSchema,
  date: z
    .string({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a date YYYY-MM-DD') }).refine(isValidDate, { error: 'must be a calendar date YYYY-MM-DD' }),
  dau: countSchema,
  peakGroups: countSchema,
  mau: countSchema,
  pcc: countSchema,
  barrageDomesticMbps: mbpsSchema,
  barrageIntlMbps: mbpsSchema,
});

function issuesOf(index: number, error: z.ZodError): UsageRowError[] {
  const out: UsageRowError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ index, field: key, reason: `is not a usage field (expected ${USAGE_FIELDS.join(', ')})` });
      }
      continue;
    }
    const field = issue.path.length ? issue.path.join('.') : 'row';
    const reason = issue.path.length === 0 ? 'must be an object {sdkAppId, date, dau?, …}' : issue.message;
    out.push({ index, field, reason });
  }
  return out;
}

/**
 * Validates a whole batch and reports every bad row (index, field, reason), so a sender fixes
 * them all at once. Beyond each row's shape: no row dated after `today`, at least one measure
 * per row, and one row per app and day (a second one would silently win otherwise).
 */
export function parseUsageRows(input: unknown, options: { today: string; rowLabel?: (index: number) => string }): ParsedUsageBatch {
  const label = options.rowLabel ?? ((index: number) => `row ${index}`);
  const list = Array.isArray(input)
    ? input
    : input && typeof input === 'object' && Array.isArray((input as { rows?: unknown }).rows)
      ? (input as { rows: unknown[] }).rows
      : null;
  const none = { rows: [], indexes: [] };
  if (list === null) {
    return { ok: false, field: 'rows', errors: [], total: 0, valid: none, message: 'rows: the body must be a JSON array of usage rows, or {"rows": [...]}' };
  }
  if (list.length === 0) return { ok: false, field: 'rows', errors: [], total: 0, valid: none, message: 'rows: the batch is empty' };
  if (list.length > MAX_USAGE_ROWS) {
    return {
      ok: false,
      field: 'rows',
      errors: [],
      total: list.length,
      valid: none,
      message: `rows: a batch holds at most ${MAX_USAGE_ROWS.toLocaleString('en-US')} rows (got ${list.length.toLocaleString('en-US')}); split it`,
    };
  }
  const errors: UsageRowError[] = [];
  const rows: UsageRowInput[] = [];
  const indexes: number[] = [];
  // First row of each app on each date: by date, then by app (a batch spans few dates).
  const seen = new Map<string, Map<string, number>>();
  for (let index = 0; index < list.length; index++) {
    const parsed = usageRowSchema.safeParse(list[index]);
    if (!parsed.success) {
      errors.push(...issuesOf(index, parsed.error));
      continue;
    }
    const r = parsed.data;
    const row: UsageRowInput = {
      sdkAppId: r.sdkAppId,
      date: r.date,
      dau: r.dau ?? null,
      peakGroups: r.peakGroups ?? null,
      mau: r.mau ?? null,
      pcc: r.pcc ?? null,
      barrageDomesticMbps: r.barrageDomesticMbps ?? null,
      barrageIntlMbps: r.barrageIntlMbps ?? null,
    };
    let bad = false;
    if (row.date > options.today) {
      errors.push({ index, field: 'date', reason: `${row.date} is in the future (today is ${options.today})` });
      bad = true;
    }
    if (METRIC_FIELDS.every((f) => row[f] === null)) {
      errors.push({ index, field: 'row', reason: `has no measure: give at least one of ${METRIC_FIELDS.join(', ')}` });
      bad = true;
    }
    let ofDate = seen.get(row.date);
    if (!ofDate) {
      ofDate = new Map();
      seen.set(row.date, ofDate);
    }
    const first = ofDate.get(row.sdkAppId);
    if (first !== undefined) {
      errors.push({ index, field: 'date', reason: `a second row for app ${row.sdkAppId} on ${row.date} (the first is ${label(first)})` });
      bad = true;
    } else {
      ofDate.set(row.sdkAppId, index);
    }
    if (!bad) {
      rows.push(row);
      indexes.push(index);
    }
  }
  if (errors.length > 0) {
    return { ok: false, field: 'rows', errors, total: list.length, valid: { rows, indexes }, message: describeRowErrors(errors, list.length, label) };
  }
  return { ok: true, rows };
}

/** `3 of 10 rows are invalid, nothing was written (first: row 2, dau must not be negative)`. */
export function describeRowErrors(errors: readonly UsageRowError[], total: number, label = (index: number) => `row ${index}`): string {
  const badRows = new Set(errors.map((e) => e.index)).size;
  const first = errors[0];
  const detail = first ? ` (first: ${label(first.index)}, ${first.field} ${first.reason})` : '';
  return `${badRows.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows are invalid, nothing was written${detail}`;
}

// The usage lookup table on the console's usage page.
export const USAGE_SORT_KEYS = ['date', 'sdkAppId', 'updatedAt'] as const;
export type UsageSortKey = (typeof USAGE_SORT_KEYS)[number];

export const usageSearchSchema = tableParamsSchema(USAGE_SORT_KEYS, { id: 'date', desc: true }).extend({
  app: z
    .string()
    .trim()
    .regex(/^[1-9][0-9]{9}$/)
    .optional()
    .catch(undefined),
  month: z.string().refine(isValidMonth).optional().catch(undefined),
  source: optionalEnum(['API', 'CSV', 'SEED']),
});
export type UsageSearch = z.infer<typeof usageSearchSchema>;

export function parseUsageSearch(params: SearchParams): UsageSearch {
  return usageSearchSchema.parse(flattenSearchParams(params));
}
