import type { z } from 'zod';
import type { Locale, MessageKey } from '../i18n/messages';
import type { ValidationKey } from '../i18n/messages/validation';
import { makeTranslate } from '../i18n/translate';

/**
 * Issue 15: a zod field message as a key and parameters (lib/i18n/messages/validation.ts), so a
 * form shows it in the viewer's language. The issue's `message` stays the English text (logs,
 * CLI, machine clients); the key travels on the issue as `params.i18n`, which zod copies onto
 * the finished issue (custom issues carry `params` by design; for the built-in checks the
 * error function adds it). A `label` parameter is itself a key, translated too.
 */
export type FieldMessage = { key: ValidationKey; params: Record<string, string | number> };
type Keyed = { params?: { i18n?: FieldMessage } & Record<string, unknown> };

/** Renders a field message in `locale`, its `label` parameter translated. */
export function renderFieldMessage(message: FieldMessage, locale: Locale): string {
  const t = makeTranslate(locale);
  const params = { ...message.params };
  if (typeof params.label === 'string') params.label = t(params.label as MessageKey);
  return t(message.key, params);
}

/** A zod `error` option: `.min(3, { error: fieldError('field.tooShort', { label: 'field.label.reason', min: 3 }) })`. */
export function fieldError(key: ValidationKey, params: FieldMessage['params'] = {}) {
  const message: FieldMessage = { key, params };
  return (issue: z.core.$ZodRawIssue): string => {
    const keyed = issue as Keyed;
    keyed.params = { ...keyed.params, i18n: message };
    return renderFieldMessage(message, 'en');
  };
}

/** A custom issue for `ctx.addIssue` in a superRefine: its English message and its key. */
export function fieldIssue(path: PropertyKey[], key: ValidationKey, params: FieldMessage['params'] = {}) {
  const message: FieldMessage = { key, params };
  return { code: 'custom' as const, path, message: renderFieldMessage(message, 'en'), params: { i18n: message } };
}

/** An issue's message in `locale`: its key's when it has one, its (English) text otherwise. */
export function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  const keyed = (issue as Keyed).params?.i18n;
  return keyed && locale !== 'en' ? renderFieldMessage(keyed, locale) : issue.message;
}
