import { z } from 'zod';
import { CURRENT_EDITIONS } from '../billing/catalog';
import type { ValidationKey } from '../i18n/messages/validation';
import { fieldError } from '../validation/messages';
import { flattenSearchParams, optionalEnum, searchTextSchema, tableParamsSchema, type SearchParams } from '../validation/table';

export const TICKET_STATUSES = ['OPEN', 'PREVIEWED', 'EXECUTED', 'REJECTED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** How many full months before today the preview re-rates (DOMAIN 7: three by default). */
export const DEFAULT_PREVIEW_MONTHS = 3;
export const MAX_PREVIEW_MONTHS = 12;

const id = (label: ValidationKey) =>
  z.coerce
    .number({ error: fieldError('field.id.number', { label }) })
    .int({ error: fieldError('field.id.whole', { label }) })
    .positive({ error: fieldError('field.id.positiveNumber', { label }) })
    .max(2_147_483_647, { error: fieldError('field.id.tooLarge', { label }) });

export const ticketIdSchema = id('field.label.ticketId');

export const openTicketSchema = z.object({
  accountId: id('field.label.accountId'),
  requestRef: z
    .string({ error: fieldError('field.migration.requestRefRequired') })
    .trim()
    .min(1, { error: fieldError('field.migration.requestRefWhich') })
    .max(100, { error: fieldError('field.migration.requestRefLong') }),
  notes: z.string().trim().max(2000, { error: fieldError('field.migration.notesLong') }).default(''),
});
export type OpenTicketInput = z.infer<typeof openTicketSchema>;

export const currentEditionSchema = z.enum(CURRENT_EDITIONS, {
  error: fieldError('field.migration.edition', { editions: CURRENT_EDITIONS.join(', ') }),
});

const previewMonthsSchema = z.coerce
  .number({ error: fieldError('field.migration.monthsNumber') })
  .int({ error: fieldError('field.migration.monthsWhole') })
  .min(1, { error: fieldError('field.migration.monthsRange') })
  .max(MAX_PREVIEW_MONTHS, { error: fieldError('field.migration.monthsRange') });

const editionsSchema = z.record(z.string().regex(/^[1-9][0-9]{9}$/, 'SDKAppID must be a 10-digit number'), currentEditionSchema);

export const previewTicketSchema = z.object({
  ticketId: ticketIdSchema,
  months: previewMonthsSchema.default(DEFAULT_PREVIEW_MONTHS),
  /** Chosen current edition per SDKAppID; apps left out get the default mapping. */
  editions: editionsSchema.default({}),
});
export type PreviewTicketInput = z.infer<typeof previewTicketSchema>;

/**
 * Execution names what the person saw (issue 14): the token of the preview on their screen and
 * the editions and months their form holds. The server executes only if they are exactly the
 * ticket's last preview, which is the one it re-checks against the data.
 */
export const executeMigrationSchema = z.object({
  ticketId: ticketIdSchema,
  previewToken: z
    .string({ error: fieldError('field.migration.tokenMissing') })
    .regex(/^[0-9a-f]{64}$/, { error: fieldError('field.migration.tokenFormat') }),
  months: previewMonthsSchema,
  editions: editionsSchema,
  confirmAccountId: z
    .string({ error: fieldError('field.migration.confirmAccount') })
    .trim()
    .min(1, { error: fieldError('field.migration.confirmAccount') }),
  confirmIrreversible: z
    .union([z.literal(true), z.literal('on'), z.literal('true')], {
      error: fieldError('field.migration.confirmIrreversible'),
    })
    .transform(() => true as const),
});
export type ExecuteMigrationInput = z.input<typeof executeMigrationSchema>;

export const rejectTicketSchema = z.object({
  ticketId: ticketIdSchema,
  reason: z
    .string({ error: fieldError('field.required', { label: 'field.label.reason' }) })
    .trim()
    .min(1, { error: fieldError('field.migration.rejectWhy') })
    .max(1000, { error: fieldError('field.migration.reasonLong') }),
});
export type RejectTicketInput = z.infer<typeof rejectTicketSchema>;

function formEditions(form: FormData): Record<string, string> {
  const editions: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('edition.') && typeof value === 'string') editions[key.slice('edition.'.length)] = value;
  }
  return editions;
}

/** A preview form: `months`, `edition.<sdkAppId>` fields. */
export function previewFormInput(form: FormData): Record<string, unknown> {
  return { ticketId: form.get('ticketId'), months: form.get('months') ?? undefined, editions: formEditions(form) };
}

/** The execute dialog's form: the confirmations, and the preview it restates (token, months, `edition.<sdkAppId>`). */
export function executeFormInput(form: FormData): Record<string, unknown> {
  return {
    ticketId: form.get('ticketId'),
    confirmAccountId: form.get('confirmAccountId') ?? undefined,
    confirmIrreversible: form.get('confirmIrreversible') ?? undefined,
    previewToken: form.get('previewToken') ?? undefined,
    months: form.get('months') ?? undefined,
    editions: formEditions(form),
  };
}

// Tickets table --------------------------------------------------------------------------------

export const TICKET_SORT_KEYS = ['id', 'account', 'status', 'createdAt', 'effectiveOn'] as const;
export type TicketSortKey = (typeof TICKET_SORT_KEYS)[number];

export const ticketsSearchSchema = tableParamsSchema(TICKET_SORT_KEYS, { id: 'createdAt', desc: true }).extend({
  q: searchTextSchema,
  status: optionalEnum(TICKET_STATUSES),
});
export type TicketsSearch = z.infer<typeof ticketsSearchSchema>;

export function parseTicketsSearch(params: SearchParams): TicketsSearch {
  return ticketsSearchSchema.parse(flattenSearchParams(params));
}

/** A customer's request for migration from the portal: their account and, in their words, what they want. */
export const requestMigrationSchema = z.object({
  accountId: id('field.label.accountId'),
  wish: z
    .string({ error: fieldError('field.migration.wishRequired') })
    .trim()
    .min(3, { error: fieldError('field.migration.wishShort') })
    .max(2000, { error: fieldError('field.migration.wishLong') }),
});
export type RequestMigrationInput = z.infer<typeof requestMigrationSchema>;

/** The request reference a ticket opened from the portal carries (the customer's own request). */
export const PORTAL_REQUEST_REF = 'PORTAL';
