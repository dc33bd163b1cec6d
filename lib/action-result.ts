import type { z } from 'zod';
import { constraintViolation, DomainError } from './errors';

/** What every server action returns to its form (useActionState). */
export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export const initialActionState = { ok: true } as ActionResult<never>;

/** zod's issues keyed by field name, each message naming the field and the rule. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function invalidInput(error: z.ZodError): ActionResult<never> {
  const fieldErrors = fieldErrorsOf(error);
  const first = error.issues[0];
  return { ok: false, message: first ? `${first.path.join('.') || 'input'}: ${first.message}` : 'Invalid input', fieldErrors };
}

/**
 * Turns the errors a user can act on into a result: a DomainError, or a database constraint
 * that held (a concurrent change got there first). Anything else is a bug: rethrown.
 */
export function actionError(error: unknown): ActionResult<never> {
  if (error instanceof DomainError) {
    return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined };
  }
  const violation = constraintViolation(error);
  if (violation) return { ok: false, message: `Refused by the database: ${violation.message}` };
  throw error;
}
