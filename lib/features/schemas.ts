import { z } from 'zod';
import { sdkAppIdField } from '../plans/schemas';
import { fieldError } from '../validation/messages';

export const submitApplicationSchema = z.object({
  sdkAppId: sdkAppIdField,
  note: z.string().trim().max(500, { error: fieldError('field.feature.noteLong') }).default(''),
});

export const decideApplicationSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), applicationId: z.coerce.number({ error: fieldError('field.feature.applicationId') }).int().positive() }),
  z.object({
    decision: z.literal('reject'),
    applicationId: z.coerce.number({ error: fieldError('field.feature.applicationId') }).int().positive(),
    reason: z
      .string({ error: fieldError('field.feature.reasonRequired') })
      .trim()
      .min(3, { error: fieldError('field.feature.reasonShort') })
      .max(500, { error: fieldError('field.feature.reasonLong') }),
  }),
]);

export type SubmitApplicationInput = z.infer<typeof submitApplicationSchema>;
export type DecideApplicationInput = z.infer<typeof decideApplicationSchema>;
