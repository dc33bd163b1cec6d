/**
 * The simulator (DOMAIN.md section 9): validates a whole scenario with zod, then
 * rates it with the same engine the billing run uses and the shipped price books.
 * Errors come back as one line `field.path: why`.
 */
import { z } from 'zod';
import {
  ADDON_CODES,
  CURRENT_EDITIONS,
  EDITION_CODES,
  RETENTION_TIERS,
  SCHEMES,
  SHIPPED_PRICE_BOOKS,
  isRetentionDays,
  type PriceBook,
} from './catalog';
import { isValidDate, isValidMonth } from './dates';
import { decimalTextOfNumber } from './digits';
import { isBillingRuleError } from './errors';
import { isPlainNonNegativeDecimal } from './money';
import { rateAccount } from './rate';
import { RETENTION_TIER_MESSAGE } from './retention';
import { type InvoiceJson, serializeInvoice } from './serialize';
import type { AccountInput, AppEvent, AppInput, UsageDay } from './types';

const quote = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s;
};

const dateSchema = z
  .string({ error: 'must be a date string YYYY-MM-DD' })
  .refine(isValidDate, { error: (iss) => `${quote(iss.input)} is not a calendar date (YYYY-MM-DD)` });

const monthSchema = z
  .string({ error: 'must be a month string YYYY-MM' })
  .refine(isValidMonth, { error: (iss) => `${quote(iss.input)} is not a month (YYYY-MM)` });

const countSchema = z
  .number({ error: 'must be a number' })
  .int({ error: (iss) => `must be a whole number (got ${quote(iss.input)})` })
  .min(0, { error: (iss) => `must not be negative (got ${quote(iss.input)})` });

/**
 * A decimal measure: a decimal string, or a JSON number read from its shortest decimal text
 * (never through float arithmetic); either way it reaches the engine as a string.
 */
const mbpsSchema = z
  .union([z.string(), z.number()], { error: 'must be a decimal number or string such as 3.5 or "3.5"' })
  .transform((value, ctx) => {
    const text = typeof value === 'number' ? decimalTextOfNumber(value) : value;
    if (text === null || !isPlainNonNegativeDecimal(text)) {
      ctx.addIssue({
        code: 'custom',
        message:
          typeof value === 'number'
            ? `must be a non-negative decimal number such as 3.5 (got ${quote(value)})`
            : `must be a non-negative decimal string such as "3.5" (got ${quote(value)})`,
      });
      return z.NEVER;
    }
    return text;
  });

const editionEventSchema = z.strictObject({
  date: dateSchema,
  type: z.literal('edition'),
  edition: z.enum(EDITION_CODES, {
    error: (iss) => `unknown edition ${quote(iss.input)} (one of ${EDITION_CODES.join(', ')})`,
  }),
});

const addonEventSchema = z
  .strictObject({
    date: dateSchema,
    type: z.literal('addon'),
    addon: z.enum(ADDON_CODES, { error: (iss) => `unknown add-on ${quote(iss.input)} (one of ${ADDON_CODES.join(', ')})` }),
    action: z.enum(['start', 'stop'], { error: (iss) => `action must be "start" or "stop", not ${quote(iss.input)}` }),
    days: z.number({ error: 'must be a number of days' }).optional(),
  })
  .superRefine((event, ctx) => {
    const needsDays = event.addon === 'HISTORY_RETENTION' && event.action === 'start';
    if (needsDays && event.days === undefined) {
      ctx.addIssue({ code: 'custom', path: ['days'], message: `a HISTORY_RETENTION start needs days (${RETENTION_TIERS.join(', ')})` });
    } else if (needsDays && event.days !== undefined && !isRetentionDays(event.days)) {
      ctx.addIssue({ code: 'custom', path: ['days'], message: `${RETENTION_TIER_MESSAGE}, not ${event.days}` });
    } else if (!needsDays && event.days !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['days'],
        message: event.addon === 'HISTORY_RETENTION' ? 'a HISTORY_RETENTION stop takes no days' : 'only HISTORY_RETENTION takes days',
      });
    }
  });

const eventSchema = z.discriminatedUnion('type', [editionEventSchema, addonEventSchema], {
  error: (iss) => {
    if (iss.code !== 'invalid_union') return undefined;
    const type = (iss.input as { type?: unknown } | undefined)?.type;
    return type === undefined
      ? 'an event needs a type ("edition" or "addon")'
      : `unknown event type ${quote(type)} (expected "edition" or "addon")`;
  },
});

const usageDaySchema = z.strictObject({
  date: dateSchema,
  dau: countSchema.optional(),
  peakGroups: countSchema.optional(),
  mau: countSchema.optional(),
  pcc: countSchema.optional(),
  barrageDomesticMbps: mbpsSchema.optional(),
  barrageIntlMbps: mbpsSchema.optional(),
});

const appSchema = z.strictObject({
  sdkAppId: z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a 10-digit SDKAppID such as 1400000001' })
    .min(1_000_000_000, { error: 'must be a 10-digit SDKAppID such as 1400000001' })
    .max(9_999_999_999, { error: 'must be a 10-digit SDKAppID such as 1400000001' }),
  events: z.array(eventSchema, { error: 'must be a list of events' }).default([]),
  usage: z.array(usageDaySchema, { error: 'must be a list of usage rows' }).default([]),
});

export const simulatorInputSchema = z.strictObject(
  {
    scheme: z.enum(SCHEMES, { error: (iss) => `scheme must be LEGACY or CURRENT, not ${quote(iss.input)}` }),
    months: z.array(monthSchema, { error: 'must be a list of months YYYY-MM' }),
    apps: z.array(appSchema, { error: 'must be a list of apps' }),
    migration: z
      .strictObject({
        executedOn: dateSchema,
        editions: z
          .record(
            z.string().regex(/^\d+$/, { error: 'keys must be SDKAppIDs' }),
            z.enum(CURRENT_EDITIONS, {
              error: (iss) => `${quote(iss.input)} is not an edition of the CURRENT scheme (${CURRENT_EDITIONS.join(', ')})`,
            }),
            { error: 'must map SDKAppIDs to current editions' },
          )
          .optional(),
      }, { error: 'must be an object {executedOn, editions?}' })
      .optional(),
  },
  { error: 'the scenario must be a JSON object' },
);

export type SimulatorInput = z.input<typeof simulatorInputSchema>;

export interface SimulatorOutput {
  invoices: InvoiceJson[];
}

export type SimulateResult = { ok: true; output: SimulatorOutput } | { ok: false; error: string };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['apps', 0, 'events', 1, 'edition']` -> `apps[0].events[1].edition`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const s = String(key);
      out += IDENTIFIER.test(s) ? (out === '' ? s : `.${s}`) : `[${JSON.stringify(s)}]`;
    }
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '?';
    const where = formatPath([...issue.path, key]);
    const more = issue.keys.length > 1 ? ` (also ${issue.keys.slice(1).join(', ')})` : '';
    return `${where}: unknown field${more}`;
  }
  const where = formatPath(issue.path);
  return where === '' ? `input: ${issue.message}` : `${where}: ${issue.message}`;
}

function toAccountInput(data: z.output<typeof simulatorInputSchema>): AccountInput {
  const apps: AppInput[] = data.apps.map((app) => ({
    sdkAppId: app.sdkAppId,
    events: app.events.map((e): AppEvent => {
      if (e.type === 'edition') return { date: e.date, type: 'edition', edition: e.edition };
      if (e.addon === 'HISTORY_RETENTION' && e.action === 'start' && e.days !== undefined && isRetentionDays(e.days)) {
        return { date: e.date, type: 'addon', addon: 'HISTORY_RETENTION', action: 'start', days: e.days };
      }
      return { date: e.date, type: 'addon', addon: e.addon, action: e.action } as AppEvent;
    }),
    usage: app.usage.map((u): UsageDay => ({ ...u })),
  }));
  const account: AccountInput = { scheme: data.scheme, apps };
  if (data.migration !== undefined) {
    account.migration =
      data.migration.editions === undefined
        ? { executedOn: data.migration.executedOn }
        : { executedOn: data.migration.executedOn, editions: data.migration.editions };
  }
  return account;
}

/**
 * Rates a scenario (already parsed from JSON). Never throws for bad input: the
 * first problem comes back as `{ ok: false, error: 'field.path: why' }`.
 */
export function simulate(json: unknown, priceBooks: readonly PriceBook[] = SHIPPED_PRICE_BOOKS): SimulateResult {
  const parsed = simulatorInputSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: issue === undefined ? 'input: invalid scenario' : describeIssue(issue) };
  }
  try {
    const invoices = rateAccount(toAccountInput(parsed.data), parsed.data.months, priceBooks);
    return { ok: true, output: { invoices: invoices.map(serializeInvoice) } };
  } catch (error) {
    if (isBillingRuleError(error)) return { ok: false, error: error.describe() };
    throw error;
  }
}

/** The simulator's stdout: pretty JSON and a final newline. */
export function formatSimulatorOutput(output: SimulatorOutput): string {
  return `${JSON.stringify(output, null, 2)}\n`;
}
