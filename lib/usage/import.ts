import 'server-only';
import { z } from 'zod';
import { actionError, invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import type { Actor } from '../auth/guard';
import { today } from '../clock';
import { auditActor } from '../db/audit';
import { driverSql, driverTransaction } from '../db/sql';
import { checkUsageRows, CORRECTION_NEEDS_VOID, ingestUsage, type IngestResult } from './commands';
import { recordIngestion } from '../observability/metrics';
import { describeCsvErrors, MAX_CSV_BYTES, validateUsageCsv, type CsvError } from './csv';

const csvInputSchema = z.object({
  csv: z.string({ error: 'Choose a CSV file' }).min(1, { error: 'The file is empty' }).max(MAX_CSV_BYTES, { error: 'The file is too large' }),
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
  const parsed = csvInputSchema.safeParse({ csv });
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  const result = validateUsageCsv(parsed.data.csv, { today: today() });
  const rows = result.ok ? result.rows : (result.valid?.rows ?? []);
  const rowLines = result.ok ? result.rowLines : (result.valid?.rowLines ?? []);
  const lineOf = (index: number) => rowLines[index] ?? 0;
  const formatErrors = result.ok ? [] : result.errors;
  const check = rows.length > 0 ? await checkUsageRows(driverSql(), rows) : null;
  const errors: CsvError[] = [
    ...formatErrors,
    ...(check?.errors ?? []).map((e) => ({ line: lineOf(e.index), field: e.field, reason: e.reason })),
    ...(check?.conflicts ?? []).flatMap((c) =>
      c.rows.map((index) => ({
        line: lineOf(index),
        field: 'date',
        reason: `${c.month} of app ${c.sdkAppId} is billed on invoice ${c.invoiceNumber ?? c.invoiceId} (${c.status}): ${CORRECTION_NEEDS_VOID}`,
      })),
    ),
  ].sort((a, b) => a.line - b.line);
  const total = result.ok ? result.rows.length : result.rows;
  return {
    ok: true,
    data: {
      rows: total,
      errors,
      message: errors.length ? describeCsvErrors(errors, total) : result.ok ? null : result.message,
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
    return { ok: false, message: result.message };
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
