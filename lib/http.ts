import 'server-only';
import { NextResponse } from 'next/server';
import { constraintViolation, DomainError, httpStatus, renderError, type ErrorCode, type ErrorKey, type ErrorMessage, type ErrorParams } from './errors';
import type { Locale } from './i18n/messages';
import { localeFromAcceptLanguage } from './i18n/translate';
import { requestLog } from './observability/request';

/**
 * A route handler's error: a stable code (HTTP class) and key (the rule) for machines, the
 * message rendered in the client's Accept-Language (English by default), the field it names.
 */
export type ApiError = {
  error: { code: ErrorCode | 'unauthorized' | 'internal'; key: ErrorKey; message: string; params?: ErrorParams; field?: string; details?: unknown };
};

export type ApiErrorExtra = { field?: string; details?: unknown; locale?: Locale };

/** The language a machine client asked for (Accept-Language), English otherwise. */
export function requestLocale(request: Request): Locale {
  return localeFromAcceptLanguage(request.headers.get('accept-language'));
}

export function apiError(status: number, code: ApiError['error']['code'], message: ErrorMessage | string, extra: ApiErrorExtra = {}) {
  const { locale = 'en', ...rest } = extra;
  const data: ErrorMessage = typeof message === 'string' ? { key: 'error.untranslated', params: { text: message } } : message;
  const params = Object.keys(data.params).length > 0 && data.key !== 'error.untranslated' ? { params: data.params } : {};
  return NextResponse.json<ApiError>({ error: { code, key: data.key, message: renderError(data, locale), ...params, ...rest } }, { status });
}

/** Route handlers: DomainError and database refusals become JSON errors; the rest is a 500. */
export function apiErrorFrom(error: unknown, locale: Locale = 'en') {
  if (error instanceof DomainError) {
    return apiError(httpStatus[error.code], error.code, error, { field: error.field, details: error.details, locale });
  }
  const refusal = constraintViolation(error);
  if (refusal) return apiError(409, 'conflict', refusal, { locale });
  requestLog().error({ err: error }, 'unexpected error in a route handler');
  return apiError(500, 'internal', { key: 'error.internal', params: {} }, { locale });
}

/**
 * A request body as text, reading at most `maxBytes`: Content-Length is only a hint (a chunked
 * body has none, and a client may send more than it declared), so the bytes are counted as they
 * arrive and reading stops, the stream cancelled, as soon as they pass the limit. `null` means
 * too large: nothing beyond the limit was read or kept.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    if (read > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** 413 naming the limit, in bytes and in the unit people think in. */
export function payloadTooLarge(maxBytes: number, what = 'body', locale: Locale = 'en') {
  const mib = maxBytes / (1024 * 1024);
  return apiError(413, 'invalid', { key: 'error.api.payloadTooLarge', params: { what, max: maxBytes.toLocaleString('en-US'), mib } }, { field: what, locale });
}
