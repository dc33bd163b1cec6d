import { z } from 'zod';
import { ADDON_CODES, DATA_CENTERS, EDITION_CODES, RETENTION_TIERS } from '../billing/catalog';
import { isValidDate } from '../billing/dates';

/** A 10-digit SDKAppID as it travels in forms and URLs (a string: it does not fit a JS int safely everywhere). */
export const sdkAppIdField = z
  .string({ error: 'SDKAppID is required' })
  .trim()
  .regex(/^[1-9][0-9]{9}$/, { error: 'SDKAppID must be a 10-digit number' });

export const dateField = z
  .string({ error: 'date is required' })
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isValidDate(s), { error: 'date must be a calendar date YYYY-MM-DD' });

const retentionDays = z.coerce
  .number({ error: 'days must be a number' })
  .int()
  .refine((n) => (RETENTION_TIERS as readonly number[]).includes(n), {
    error: `days: the retention tier must be ${RETENTION_TIERS.join(', ')} days`,
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
    edition: z.enum(EDITION_CODES, { error: `edition must be one of ${EDITION_CODES.join(', ')}` }),
    /** Current scheme only (legacy changes are requested today); defaults to today. */
    date: dateField.optional(),
    digest: z.string().max(128).optional(),
  }),
  z.object({
    kind: z.literal('addonStart'),
    sdkAppId: sdkAppIdField,
    addon: z.enum(ADDON_CODES, { error: `addon must be one of ${ADDON_CODES.join(', ')}` }),
    days: retentionDays.optional(),
    digest: z.string().max(128).optional(),
  }),
  z.object({
    kind: z.literal('addonStop'),
    sdkAppId: sdkAppIdField,
    addon: z.enum(ADDON_CODES, { error: `addon must be one of ${ADDON_CODES.join(', ')}` }),
    digest: z.string().max(128).optional(),
  }),
]);

export type PlanChangeInput = z.infer<typeof planChangeSchema>;

export const createAppSchema = z.object({
  accountId: z.coerce.number({ error: 'accountId must be a number' }).int().positive(),
  name: z
    .string({ error: 'name is required' })
    .trim()
    .min(1, { error: 'name: give the app a name' })
    .max(100, { error: 'name: at most 100 characters' }),
  dataCenter: z.enum(DATA_CENTERS, { error: `dataCenter must be one of ${DATA_CENTERS.join(', ')}` }),
});

export type CreateAppInput = z.infer<typeof createAppSchema>;
