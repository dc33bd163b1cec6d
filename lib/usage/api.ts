import 'server-only';
import { NextResponse } from 'next/server';
import { authenticateApiKey } from '../api-keys/queries';
import { today } from '../clock';
import type { Locale } from '../i18n/messages';
import { driverSql, driverTransaction } from '../db/sql';
import { apiError, apiErrorFrom, payloadTooLarge, readBodyText, requestLocale } from '../http';
import { recordIngestion } from '../observability/metrics';
import { requestLog, setRequestActor } from '../observability/request';
import { allRowErrors, ingestUsage, type IngestResult } from './commands';
import { parseUsageRows, rowReason, type UsageRowError } from './schemas';
import { renderFieldMessage } from '../validation/messages';
import { DomainError } from '../errors';

/** Far above 10,000 rows of JSON; anything larger is refused while it is read, before it is parsed. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

function unauthorized(locale: Locale) {
  const response = apiError(401, 'unauthorized', { key: 'error.api.unauthorized', params: {} }, { locale });
  response.headers.set('WWW-Authenticate', 'Bearer realm="usage"');
  return response;
}

function isRowErrors(details: unknown): details is UsageRowError[] {
  return Array.isArray(details) && details.length > 0 && details.every((d) => typeof d === 'object' && d !== null && 'key' in d && 'index' in d);
}

/** 400 naming every bad row: its index, field, reason key and reason in `locale`. */
function rowErrors(errors: readonly UsageRowError[], total: number, locale: Locale) {
  const first = errors[0]!;
  const params = {
    bad: new Set(errors.map((e) => e.index)).size.toLocaleString('en-US'),
    total: total.toLocaleString('en-US'),
    row: renderFieldMessage({ key: 'field.usage.row', params: { index: first.index } }, locale),
    field: first.field,
    reason: rowReason(first, locale),
  };
  return apiError(400, 'invalid', { key: 'error.usage.rowsInvalid', params }, {
    field: 'rows',
    locale,
    details: errors.map((e) => ({ index: e.index, field: e.field, key: e.key, reason: rowReason(e, locale) })),
  });
}

/**
 * POST /api/v1/usage, for machine clients. Authenticated by an API key (no session); the body
 * is validated whole, and the batch is written all or nothing in one transaction.
 */
export async function handleUsagePost(request: Request): Promise<NextResponse> {
  const locale = requestLocale(request);
  const key = await authenticateApiKey(request.headers.get('authorization'));
  if (!key) return unauthorized(locale);
  setRequestActor(key.id);
  const text = await readBodyText(request, MAX_BODY_BYTES);
  if (text === null) return payloadTooLarge(MAX_BODY_BYTES, 'body', locale);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return apiError(400, 'invalid', { key: 'error.api.bodyNotJson', params: {} }, { field: 'body', locale });
  }
  const parsed = parseUsageRows(body, { today: today() });
  if (!parsed.ok) {
    if (parsed.errors.length === 0) return apiError(400, 'invalid', parsed.message, { field: parsed.field, locale });
    const errors = await allRowErrors(driverSql(), parsed);
    recordIngestion('API', 0, new Set(errors.map((e) => e.index)).size);
    requestLog().info({ rows: parsed.total, rejected: errors.length }, 'usage batch refused');
    return rowErrors(errors, parsed.total, locale);
  }
  try {
    // One driver transaction (see lib/db/sql.ts): 10,000 rows in one statement.
    const result = await driverTransaction(async (sql): Promise<IngestResult> => {
      const written = await ingestUsage(sql, { source: 'API', sentBy: key.id, audit: { id: null, label: `api-key:${key.prefix}` } }, parsed.rows);
      await sql(`UPDATE "ApiKey" SET "lastUsedAt" = now() WHERE "id" = $1::uuid`, [key.id]);
      return written;
    });
    recordIngestion('API', result.rows, 0);
    requestLog().info({ rows: result.rows, batchId: result.batchId }, 'usage batch written');
    return NextResponse.json({ ok: true, ...result });
  } catch (error) {
    recordIngestion('API', 0, parsed.rows.length);
    // Rows the database checks refused (unknown app, before the app existed): named row by row.
    if (error instanceof DomainError && error.key === 'error.untranslated' && isRowErrors(error.details)) return rowErrors(error.details, parsed.rows.length, locale);
    return apiErrorFrom(error, locale);
  }
}
