import type { z } from 'zod';
import { constraintViolation, DomainError, renderError, type ErrorCode, type ErrorKey, type ErrorMessage, type ErrorParams } from './errors';
import type { Locale } from './i18n/messages';
import { issueMessage } from './validation/messages';

/**
 * What every server action returns to its form (useActionState). A failure carries its code,
 * its message key and parameters, and the message rendered in the viewer's language.
 */
export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; message: string; code?: ErrorCode; key?: ErrorKey; params?: ErrorParams; fieldErrors?: Record<string, string[]> };

export const initialActionState = { ok: true } as ActionResult<never>;

/** zod's issues keyed by field name, each message naming the field and the rule, in `locale`. */
export function fieldErrorsOf(error: z.ZodError, locale: Locale = 'en'): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    (out[key] ??= []).push(issueMessage(issue, locale));
  }
  return out;
}

/** A form that failed its schema; `locale` is the viewer's (actions pass `await actionLocale()`). */
export function invalidInput(error: z.ZodError, locale: Locale = 'en'): ActionResult<never> {
  const fieldErrors = fieldErrorsOf(error, locale);
  const first = error.issues[0];
  const message: ErrorMessage = first
    ? { key: 'error.input.invalid', params: { field: first.path.join('.') || 'input', detail: issueMessage(first, locale) } }
    : { key: 'error.input.invalidGeneric', params: {} };
  return { ok: false, code: 'invalid', ...message, message: renderError(message, locale), fieldErrors };
}

/**
 * Turns the errors a user can act on into a result, rendered in `locale` (actions pass
 * `await actionLocale()`): a DomainError, or a database refusal (a constraint or trigger that
 * held; a concurrent change got there first). Anything else is a bug: rethrown.
 */
export function actionError(error: unknown, locale: Locale = 'en'): ActionResult<never> {
  if (error instanceof DomainError) {
    const message = error.render(locale);
    return { ok: false, code: error.code, key: error.key, params: error.params, message, fieldErrors: error.field ? { [error.field]: [message] } : undefined };
  }
  const refusal = constraintViolation(error);
  if (refusal) return { ok: false, code: 'conflict', key: refusal.key, params: refusal.params, message: renderError(refusal, locale) };
  throw error;
}
