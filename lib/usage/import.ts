import 'server-only';
import { z } from 'zod';
import { actionError, invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import type { Actor } from '../auth/guard';
import { today } from '../clock';
import { auditActor } from '../db/audit';
import { driverSql, driverTransaction } from '../db/sql';
import { checkUsageRows, ingestUsage, type IngestResult } from './commands';
import { rowReason } from './schemas';
import { fieldError, renderFieldMessage } from '../validation/messages';
import { recordIngestion } from '../observability/metrics';
import { describeCsvErrors, MAX_CSV_BYTES, validateUsageCsv, type CsvError } from './csv';

const csvInputSchema = z.object({
  csv: z
    .string({ error: fieldError('field.csv.choose') })
    .min(1, { error: fieldError('field.csv.fileEmpty') })
    .max(MAX_CSV_BYTES, { error: fieldError('field.csv.fileTooLarge') }),
});

export type CsvPreview = {
  rows: number;
  errors: CsvError[];
  message: string | null;
  summary: { apps: number; months: string[]; from: string; to: string; staleDrafts: number } | null;
};

/**
 * Parses and checks a CSV without writing anything: every error (line, field, reason), the
 * database's ones included (unknown apps, billed months), so ops fix the file before committing.
 */
export async function previewUsageCsv(csv: string): Promise<ActionResult<CsvPreview>> {
  const locale = await actionLocale();
  const parsed = csvInputSchema.safeParse({ csv });
  if (!parsed.success) return invalidInput(parsed.error, locale);
  const result = validateUsageCsv(parsed.data.csv, { today: today() });
  const rows = result.ok ? result.rows : (result.valid?.rows ?? []);
  const rowLines = result.ok ? result.rowLines : (result.valid?.rowLines ?? []);
  const lineOf = (index: number) => rowLines[index] ?? 0;
  const formatErrors = result.ok ? [] : result.errors;
  const check = rows.length > 0 ? await checkUsageRows(driverSql(), rows) : null;
  const errors: CsvError[] = [
    ...formatErrors,
    ...(check?.errors ?? []).map((e) => ({ line: lineOf(e.index), field: e.field, key: e.key, params: e.params, reason: e.reason })),
    ...(check?.conflicts ?? []).flatMap((c) => {
      const params = { month: c.month, sdkAppId: String(c.sdkAppId), invoice: String(c.invoiceNumber ?? c.invoiceId), status: c.status };
      return c.rows.map((index) => ({ line: lineOf(index), field: 'date', key: 'field.csv.billed' as const, params, reason: renderFieldMessage({ key: 'field.csv.billed', params }, 'en') }));
    }),
  ]
    .sort((a, b) => a.line - b.line)
    // Shown to the viewer: each reason in their language.
    .map((e) => ({ ...e, reason: rowReason(e, locale) }));
  const total = result.ok ? result.rows.length : result.rows;
  return {
    ok: true,
    data: {
      rows: total,
      errors,
      message: errors.length ? describeCsvErrors(errors, total, locale) : result.ok ? null : renderFieldMessage(result.note, locale),
      summary: result.ok && check ? { apps: check.apps, months: check.months, from: check.from, to: check.to, staleDrafts: check.staleDrafts.length } : null,
    },
  };
}

/** Commits a CSV through the same command as the API (source CSV, sent by the signed-in user). */
export async function commitUsageCsv(actor: Actor, csv: string): Promise<ActionResult<IngestResult>> {
  const parsed = csvInputSchema.safeParse({ csv });
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  const result = validateUsageCsv(parsed.data.csv, { today: today() });
  if (!result.ok) {
    recordIngestion('CSV', 0, result.rows);
    return { ok: false, code: 'invalid', message: renderFieldMessage(result.note, await actionLocale()) };
  }
  let written: IngestResult;
  try {
    written = await driverTransaction((sql) => ingestUsage(sql, { source: 'CSV', sentBy: actor.id, audit: auditActor(actor) }, result.rows));
  } catch (error) {
    recordIngestion('CSV', 0, result.rows.length);
    return actionError(error, await actionLocale());
  }
  recordIngestion('CSV', written.rows, 0);
  return { ok: true, data: written };
}
