import { z } from 'zod';
import { CURRENT_EDITIONS } from '../billing/catalog';
import { flattenSearchParams, optionalEnum, searchTextSchema, tableParamsSchema, type SearchParams } from '../validation/table';

export const TICKET_STATUSES = ['OPEN', 'PREVIEWED', 'EXECUTED', 'REJECTED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** How many full months before today the preview re-rates (DOMAIN 7: three by default). */
export const DEFAULT_PREVIEW_MONTHS = 3;
export const MAX_PREVIEW_MONTHS = 12;

const id = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .positive(`${label} must be a positive number`)
    .max(2_147_483_647, `${label} is too large`);

export const ticketIdSchema = id('Ticket id');

export const openTicketSchema = z.object({
  accountId: id('Account id'),
  requestRef: z
    .string({ error: 'Request reference is required' })
    .trim()
    .min(1, "Request reference is required: the customer's request (ticket or mail) number")
    .max(100, 'Request reference must be at most 100 characters'),
  notes: z.string().trim().max(2000, 'Notes must be at most 2,000 characters').default(''),
});
export type OpenTicketInput = z.infer<typeof openTicketSchema>;

export const currentEditionSchema = z.enum(CURRENT_EDITIONS, {
  error: `Edition must be one of the current scheme's editions (${CURRENT_EDITIONS.join(', ')})`,
});

const previewMonthsSchema = z.coerce
  .number({ error: 'Months to re-rate must be a number' })
  .int('Months to re-rate must be a whole number')
  .min(1, 'Months to re-rate must be between 1 and 12')
  .max(MAX_PREVIEW_MONTHS, 'Months to re-rate must be between 1 and 12');

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
    .string({ error: 'Preview token is missing: reload the ticket and check the preview' })
    .regex(/^[0-9a-f]{64}$/, 'Preview token must be the 64-character digest of a preview'),
  months: previewMonthsSchema,
  editions: editionsSchema,
  confirmAccountId: z
    .string({ error: 'Type the account id to confirm' })
    .trim()
    .min(1, 'Type the account id to confirm'),
  confirmIrreversible: z
    .union([z.literal(true), z.literal('on'), z.literal('true')], {
      error: 'Confirm that the migration cannot be undone',
    })
    .transform(() => true as const),
});
export type ExecuteMigrationInput = z.input<typeof executeMigrationSchema>;

export const rejectTicketSchema = z.object({
  ticketId: ticketIdSchema,
  reason: z
    .string({ error: 'Reason is required' })
    .trim()
    .min(1, 'Reason is required: say why the migration is rejected')
    .max(1000, 'Reason must be at most 1,000 characters'),
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
