export type ErrorCode = 'invalid' | 'forbidden' | 'not_found' | 'conflict';

export const httpStatus: Record<ErrorCode, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

/** An error the user can act on: its message names the field and the rule. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, options: { field?: string; details?: unknown } = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

/** PostgreSQL raised a constraint (check/unique/exclusion) violation: the invariant held. */
export function constraintViolation(error: unknown): { code: string; message: string } | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const record = current as Record<string, unknown>;
    const code = (record.code ?? record.originalCode) as string | undefined;
    if (code === '23505' || code === '23514' || code === '23P01' || code === 'P2002') {
      return { code, message: String(record.originalMessage ?? record.message ?? '') };
    }
    const kind = (record.kind as string | undefined) ?? '';
    if (kind === 'UniqueConstraintViolation') return { code: '23505', message: String(record.message ?? '') };
    current = record.cause ?? record.meta ?? record.driverAdapterError;
  }
  const text = error instanceof Error ? error.message : '';
  if (/violates (check|unique|exclusion) constraint|Unique constraint failed|check_violation|append-only|can never|refused/i.test(text)) {
    return { code: 'constraint', message: text };
  }
  return null;
}
