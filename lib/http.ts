import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { constraintViolation, DomainError, httpStatus, type ErrorCode } from './errors';

export type ApiError = { error: { code: ErrorCode | 'unauthorized' | 'internal'; message: string; field?: string; details?: unknown } };

export function apiError(status: number, code: ApiError['error']['code'], message: string, extra: { field?: string; details?: unknown } = {}) {
  return NextResponse.json<ApiError>({ error: { code, message, ...extra } }, { status });
}

export function apiValidationError(error: z.ZodError) {
  const details = error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
  const first = details[0];
  return apiError(400, 'invalid', first ? `${first.field || 'body'}: ${first.message}` : 'Invalid body', { field: first?.field, details });
}

/** Route handlers: DomainError and constraint violations become JSON errors; the rest is a 500. */
export function apiErrorFrom(error: unknown) {
  if (error instanceof DomainError) {
    return apiError(httpStatus[error.code], error.code, error.message, { field: error.field, details: error.details });
  }
  const violation = constraintViolation(error);
  if (violation) return apiError(409, 'conflict', violation.message);
  console.error(error);
  return apiError(500, 'internal', 'Internal error');
}
