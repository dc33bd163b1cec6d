import { errors as errorMessages, type ErrorKey } from './i18n/messages/errors';
import type { Locale } from './i18n/messages';
import { makeTranslate } from './i18n/translate';

export type { ErrorKey };

export type ErrorCode = 'invalid' | 'forbidden' | 'not_found' | 'conflict';

export const httpStatus: Record<ErrorCode, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

/** A message's parameters: numbers, dates and decimals already as strings. */
export type ErrorParams = Record<string, string | number>;

export type DomainErrorOptions = { params?: ErrorParams; field?: string; details?: unknown };

/** An error as data: a stable key and its parameters, rendered per language at the edge. */
export type ErrorMessage = { key: ErrorKey; params: ErrorParams };

export function isErrorKey(value: string): value is ErrorKey {
  return Object.hasOwn(errorMessages.en, value);
}

/** An error's text in a language (English for logs and machine clients). */
export function renderError(message: ErrorMessage, locale: Locale): string {
  return makeTranslate(locale)(message.key, message.params);
}

/**
 * An error the user can act on: a key from lib/i18n/messages/errors.ts and its parameters
 * (the message names the field and the rule), `message` being the English rendering.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly key: ErrorKey;
  readonly params: ErrorParams;
  readonly field?: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, key: ErrorKey, options?: DomainErrorOptions);
  /** @deprecated An English text shows in English in every language: give a key from lib/i18n/messages/errors.ts. */
  constructor(code: ErrorCode, message: string, options?: DomainErrorOptions);
  constructor(code: ErrorCode, keyOrMessage: string, options: DomainErrorOptions = {}) {
    const keyed = isErrorKey(keyOrMessage);
    const key: ErrorKey = keyed ? keyOrMessage : 'error.untranslated';
    const params = keyed ? (options.params ?? {}) : { text: keyOrMessage };
    super(renderError({ key, params }, 'en'));
    this.name = 'DomainError';
    this.code = code;
    this.key = key;
    this.params = params;
    this.field = options.field;
    this.details = options.details;
  }

  render(locale: Locale): string {
    return renderError(this, locale);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

/**
 * The database's own refusals, by SQLSTATE: PostgreSQL's constraint classes, and class IB
 * (IB001-IB999), which this project's trigger functions raise with their parameters as a JSON
 * DETAIL (migration 20261208400000_error_codes; every code in docs/errors.md). The one table
 * from a database error to a message.
 */
export const DATABASE_ERRORS: Readonly<Record<string, ErrorKey>> = {
  '23505': 'error.db.unique',
  P2002: 'error.db.unique',
  '23514': 'error.db.check',
  '23P01': 'error.db.exclusion',
  IB001: 'error.db.appendOnly',
  IB002: 'error.db.schemeFinal',
  IB003: 'error.db.schemeNeedsTicket',
  IB004: 'error.db.ticketLegacyOnly',
  IB005: 'error.db.ticketFinal',
  IB006: 'error.db.ticketNeverDeleted',
  IB007: 'error.db.ticketNeedsPreview',
  IB008: 'error.db.eventAfterMigration',
  IB009: 'error.db.eventBeforeMigration',
  IB010: 'error.db.eventLegacyOnCurrent',
  IB011: 'error.db.eventCurrentOnLegacy',
  IB012: 'error.db.trialWrongAccount',
  IB013: 'error.db.trialRunning',
  IB014: 'error.db.trialNumbering',
  IB015: 'error.db.invoiceDeleteIssued',
  IB016: 'error.db.invoiceCreatedDraft',
  IB017: 'error.db.invoiceCorrection',
  IB018: 'error.db.invoiceDraftOnlyIssued',
  IB019: 'error.db.invoiceTotal',
  IB020: 'error.db.invoiceFinal',
  IB022: 'error.db.invoiceLinesFinal',
  IB023: 'error.db.lineNoInvoice',
  IB024: 'error.db.linesWithInvoice',
  IB025: 'error.db.lineForeignApp',
  IB026: 'error.db.invoiceIdentity',
  IB027: 'error.db.appNeverDeleted',
  IB028: 'error.db.appIdentity',
  IB029: 'error.db.usageBilled',
  IB030: 'error.db.apiKeyNeverDeleted',
  IB031: 'error.db.apiKeyFinal',
  IB032: 'error.db.apiKeyRevoked',
  IB033: 'error.db.invoiceVoidFinal',
  IB034: 'error.db.invoiceVoidAfterMoney',
  IB035: 'error.db.invoiceVoidOnlyStatus',
  IB036: 'error.db.invoiceVoidReasonOnly',
  IB037: 'error.db.invoiceOverCredited',
  IB038: 'error.db.invoiceOverSettled',
  IB039: 'error.db.invoiceStatusDerived',
  IB040: 'error.db.balanceBelowZero',
  IB041: 'error.db.creditNoteFinal',
  IB042: 'error.db.creditNoteLineOver',
  IB043: 'error.db.creditNoteInvoiceStatus',
};

/** A refusal the database raised: its SQLSTATE, key and parameters, `message` the database's own (English) text. */
export type DatabaseRefusal = ErrorMessage & { code: string; message: string };

function paramsOf(record: Record<string, unknown>): ErrorParams {
  const params: ErrorParams = {};
  if (typeof record.detail === 'string' && record.detail.startsWith('{')) {
    try {
      for (const [name, value] of Object.entries(JSON.parse(record.detail) as Record<string, unknown>)) {
        params[name] = typeof value === 'number' ? value : String(value ?? '');
      }
    } catch {
      // A DETAIL that is not ours: no parameters.
    }
  }
  const constraint = record.constraint ?? (record.meta as Record<string, unknown> | undefined)?.target;
  params.constraint ??= typeof constraint === 'string' ? constraint : Array.isArray(constraint) ? constraint.join(', ') : '';
  return params;
}

/**
 * PostgreSQL refused a change by a constraint (check/unique/exclusion) or one of our triggers
 * (class IB): the invariant held. Found by SQLSTATE along the error's causes (Prisma, its
 * driver adapter, or the driver's own error), never by its text.
 */
export function constraintViolation(error: unknown): DatabaseRefusal | null {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const record = current as Record<string, unknown>;
    const code = (record.originalCode ?? record.code) as string | undefined;
    const key = typeof code === 'string' ? DATABASE_ERRORS[code] : undefined;
    if (code && key) {
      return { code, key, params: paramsOf(record), message: String(record.originalMessage ?? record.message ?? '') };
    }
    if (record.kind === 'UniqueConstraintViolation') {
      return { code: '23505', key: 'error.db.unique', params: paramsOf(record), message: String(record.message ?? '') };
    }
    current = record.cause ?? record.meta ?? record.driverAdapterError;
  }
  return null;
}
