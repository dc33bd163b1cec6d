import 'server-only';
import { NextResponse } from 'next/server';
import { constraintViolation, DomainError, httpStatus, type ErrorCode } from './errors';

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
  console.error(error);
  return apiError(500, 'internal', 'Internal error');
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
export function payloadTooLarge(maxBytes: number, what = 'body') {
  const mib = maxBytes / (1024 * 1024);
  return apiError(413, 'invalid', `${what}: too large; at most ${maxBytes.toLocaleString('en-US')} bytes (${mib} MiB) are accepted per request`, { field: what });
}
