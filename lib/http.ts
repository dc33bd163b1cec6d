import 'server-only';
import { NextResponse } from 'next/server';
import { constraintViolation, DomainError, httpStatus, renderError, type ErrorCode, type ErrorKey, type ErrorMessage, type ErrorParams } from './errors';
import type { Locale } from './i18n/messages';
import { localeFromAcceptLanguage } from './i18n/translate';

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
  console.error(error);
  return apiError(500, 'internal', { key: 'error.internal', params: {} }, { locale });
}
