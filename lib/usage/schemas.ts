import { z } from 'zod';
import { isValidDate, isValidMonth } from '../billing/dates';
import { decimalTextOfNumber } from '../billing/digits';
import type { Locale } from '../i18n/messages';
import type { ValidationKey } from '../i18n/messages/validation';
import { fieldError, fieldIssue, renderFieldMessage, type FieldMessage } from '../validation/messages';
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

/**
 * `index` is the row's position in the batch (0-based); the CSV import shows the file line
 * instead. `key` (lib/i18n/messages/validation.ts) and `params` say the reason in any language;
 * `reason` is its English text.
 */
export type UsageRowError = { index: number; field: string; key: ValidationKey; params: FieldMessage['params']; reason: string };

/** A row error from its key: the English reason rendered once. */
export function rowError(index: number, field: string, key: ValidationKey, params: FieldMessage['params'] = {}): UsageRowError {
  return { index, field, key, params, reason: renderFieldMessage({ key, params }, 'en') };
}

/** A row error's reason in `locale`. */
export function rowReason(error: Pick<UsageRowError, 'key' | 'params' | 'reason'>, locale: Locale): string {
  return locale === 'en' ? error.reason : renderFieldMessage(error, locale);
}

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
  .number({ error: fieldError('field.usage.wholeNumber') })
  .int({ error: fieldError('field.usage.wholeNumber') })
  .min(0, { error: fieldError('field.usage.negative') })
  .max(INT4_MAX, { error: fieldError('field.usage.countMax') })
  .nullish();

const mbpsSchema = z
  .union([z.string(), z.number()], { error: fieldError('field.usage.mbps') })
  .transform((value, ctx) => {
    // A JSON number is read from its shortest decimal text, never through float arithmetic.
    const text = typeof value === 'number' ? (decimalTextOfNumber(value) ?? 'NaN') : value.trim();
    if (text.startsWith('-')) {
      ctx.addIssue(fieldIssue([], 'field.usage.negative'));
      return z.NEVER;
    }
    if (!MBPS_PATTERN.test(text)) {
      ctx.addIssue(fieldIssue([], 'field.usage.mbpsFormat'));
      return z.NEVER;
    }
    return text;
  })
  .nullish();

const sdkAppIdSchema = z
  .union([z.number(), z.string()], { error: (iss) => fieldError(iss.input === undefined ? 'field.usage.required' : 'field.usage.sdkAppId')(iss) })
  .transform((value, ctx) => {
    const text = typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : '') : value.trim();
    if (!/^[1-9][0-9]{9}$/.test(text)) {
      ctx.addIssue(fieldIssue([], 'field.usage.sdkAppIdExample'));
      return z.NEVER;
    }
    return text;
  });

export const usageRowSchema = z.strictObject({
  sdkAppId: sdkAppIdSchema,
  date: z
    .string({ error: (iss) => fieldError(iss.input === undefined ? 'field.usage.required' : 'field.usage.dateFormat')(iss) })
    .refine(isValidDate, { error: fieldError('field.usage.calendarDate') }),
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
        out.push(rowError(index, key, 'field.usage.unknownField', { fields: USAGE_FIELDS.join(', ') }));
      }
      continue;
    }
    if (issue.path.length === 0) {
      out.push(rowError(index, 'row', 'field.usage.notObject'));
      continue;
    }
    const keyed = (issue as { params?: { i18n?: FieldMessage } }).params?.i18n;
    out.push(keyed ? rowError(index, issue.path.join('.'), keyed.key, keyed.params) : rowError(index, issue.path.join('.'), 'field.usage.invalid', { detail: issue.message }));
  }
  return out;
}

const USAGE_FIELD_SET: ReadonlySet<string> = new Set(USAGE_FIELDS);
const SDK_APP_ID_PATTERN = /^[1-9][0-9]{9}$/;

function fastCount(value: unknown): number | null | undefined {
  if (value === undefined || value === null) return null;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= INT4_MAX ? value : undefined;
}

function fastMbps(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  // Only a string already in canonical shape (a number, or padding to trim: the schema decides).
  return typeof value === 'string' && MBPS_PATTERN.test(value) ? value : undefined;
}

/**
 * usageRowSchema's result for a row that is plainly valid, without zod: a JSON object of known
 * fields, an SDKAppID as a 10-digit number or string, a calendar date, whole counts in range and
 * bandwidths as decimal strings. Anything else (every error, anything the schema would convert)
 * returns undefined and goes through the schema, so errors and conversions stay the schema's.
 * About a tenth of the schema's time for a 10,000-row batch.
 */
export function fastUsageRow(input: unknown): UsageRowInput | undefined {
  if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype) return undefined;
  const v = input as Record<string, unknown>;
  for (const key in v) if (!USAGE_FIELD_SET.has(key)) return undefined;
  const id = v.sdkAppId;
  let sdkAppId: string;
  if (typeof id === 'number') {
    if (!Number.isSafeInteger(id) || id < 1_000_000_000 || id > 9_999_999_999) return undefined;
    sdkAppId = String(id);
  } else if (typeof id === 'string' && SDK_APP_ID_PATTERN.test(id)) {
    sdkAppId = id;
  } else {
    return undefined;
  }
  const date = v.date;
  if (typeof date !== 'string' || !isValidDate(date)) return undefined;
  const dau = fastCount(v.dau);
  const peakGroups = fastCount(v.peakGroups);
  const mau = fastCount(v.mau);
  const pcc = fastCount(v.pcc);
  const barrageDomesticMbps = fastMbps(v.barrageDomesticMbps);
  const barrageIntlMbps = fastMbps(v.barrageIntlMbps);
  if (dau === undefined || peakGroups === undefined || mau === undefined || pcc === undefined || barrageDomesticMbps === undefined || barrageIntlMbps === undefined) {
    return undefined;
  }
  return { sdkAppId, date, dau, peakGroups, mau, pcc, barrageDomesticMbps, barrageIntlMbps };
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
    const fast = fastUsageRow(list[index]);
    const parsed = fast ? { success: true as const, data: fast } : usageRowSchema.safeParse(list[index]);
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
      errors.push(rowError(index, 'date', 'field.usage.future', { date: row.date, today: options.today }));
      bad = true;
    }
    if (METRIC_FIELDS.every((f) => row[f] === null)) {
      errors.push(rowError(index, 'row', 'field.usage.noMeasure', { fields: METRIC_FIELDS.join(', ') }));
      bad = true;
    }
    let ofDate = seen.get(row.date);
    if (!ofDate) {
      ofDate = new Map();
      seen.set(row.date, ofDate);
    }
    const first = ofDate.get(row.sdkAppId);
    if (first !== undefined) {
      errors.push(rowError(index, 'date', 'field.usage.duplicate', { sdkAppId: row.sdkAppId, date: row.date, first: label(first) }));
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

/**
 * `3 of 10 rows are invalid, nothing was written (first: row 2, dau must not be negative)`, in
 * `locale`; `label` names a row (by default its batch index, "row 2").
 */
export function describeRowErrors(errors: readonly UsageRowError[], total: number, label?: (index: number) => string, locale: Locale = 'en'): string {
  const name = label ?? ((index: number) => renderFieldMessage({ key: 'field.usage.row', params: { index } }, locale));
  const params = { bad: new Set(errors.map((e) => e.index)).size.toLocaleString('en-US'), total: total.toLocaleString('en-US') };
  const first = errors[0];
  return first
    ? renderFieldMessage({ key: 'field.usage.summaryFirst', params: { ...params, row: name(first.index), field: first.field, reason: rowReason(first, locale) } }, locale)
    : renderFieldMessage({ key: 'field.usage.summary', params }, locale);
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
