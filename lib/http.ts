import 'server-only';
import { NextResponse } from 'next/server';
import { constraintViolation, DomainError, httpStatus, type ErrorCode } from './errors';
import { requestLog } from './observability/request';

export type ApiError = { error: { code: ErrorCode | 'unauthorized' | 'internal'; message: string; field?: string; details?: unknown } };

export function apiError(status: number, code: ApiError['error']['code'], message: string, extra: { field?: string; details?: unknown } = {}) {
  return NextResponse.json<ApiError>({ error: { code, message, ...extra } }, { status });
}

/** Route handlers: DomainError and constraint violations become JSON errors; the rest is a 500. */
export function apiErrorFrom(error: unknown) {
  if (error instanceof DomainError) {
    return apiError(httpStatus[error.code], error.code, error.message, { field: error.field, details: error.details });
  }
  const violation = constraintViolation(error);
  if (violation) return apiError(409, 'conflict', violation.message);
  requestLog().error({ err: error }, 'unexpected error in a route handler');
  return apiError(500, 'internal', 'Internal error');
}
