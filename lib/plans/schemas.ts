import { z } from 'zod';
import { ADDON_CODES, DATA_CENTERS, EDITION_CODES, RETENTION_TIERS } from '../billing/catalog';
import { isValidDate } from '../billing/dates';
import { fieldError } from '../validation/messages';

/** A 10-digit SDKAppID as it travels in forms and URLs (a string: it does not fit a JS int safely everywhere). */
export const sdkAppIdField = z
  .string({ error: fieldError('field.plan.sdkAppIdRequired') })
  .trim()
  .regex(/^[1-9][0-9]{9}$/, { error: fieldError('field.plan.sdkAppId') });

export const dateField = z
  .string({ error: fieldError('field.plan.dateRequired') })
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isValidDate(s), { error: fieldError('field.plan.date') });

const retentionDays = z.coerce
  .number({ error: fieldError('field.plan.daysNumber') })
  .int()
  .refine((n) => (RETENTION_TIERS as readonly number[]).includes(n), {
    error: fieldError('field.plan.tier', { tiers: RETENTION_TIERS.join(', ') }),
  });

/**
 * One plan change, the unit of both the confirmation (preview) and the command. `digest` is the
 * confirmation's fingerprint: the command refuses to apply a change whose billing effect is no
 * longer the one the user confirmed (another change got there first).
 */
export const planChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('edition'),
    sdkAppId: sdkAppIdField,
    edition: z.enum(EDITION_CODES, { error: fieldError('field.plan.oneOf', { field: 'edition', values: EDITION_CODES.join(', ') }) }),
    /** Current scheme only (legacy changes are requested today); defaults to today. */
    date: dateField.optional(),
    digest: z.string().max(128).optional(),
  }),
  z.object({
    kind: z.literal('addonStart'),
    sdkAppId: sdkAppIdField,
    addon: z.enum(ADDON_CODES, { error: fieldError('field.plan.oneOf', { field: 'addon', values: ADDON_CODES.join(', ') }) }),
    days: retentionDays.optional(),
    digest: z.string().max(128).optional(),
  }),
  z.object({
    kind: z.literal('addonStop'),
    sdkAppId: sdkAppIdField,
    addon: z.enum(ADDON_CODES, { error: fieldError('field.plan.oneOf', { field: 'addon', values: ADDON_CODES.join(', ') }) }),
    digest: z.string().max(128).optional(),
  }),
]);

export type PlanChangeInput = z.infer<typeof planChangeSchema>;

export const createAppSchema = z.object({
  accountId: z.coerce.number({ error: fieldError('field.plan.accountId') }).int().positive(),
  name: z
    .string({ error: fieldError('field.plan.nameRequired') })
    .trim()
    .min(1, { error: fieldError('field.plan.nameEmpty') })
    .max(100, { error: fieldError('field.plan.nameLong') }),
  dataCenter: z.enum(DATA_CENTERS, { error: fieldError('field.plan.oneOf', { field: 'dataCenter', values: DATA_CENTERS.join(', ') }) }),
});

export type CreateAppInput = z.infer<typeof createAppSchema>;
