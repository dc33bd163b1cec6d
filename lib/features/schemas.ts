import { z } from 'zod';
import { sdkAppIdField } from '../plans/schemas';

export const submitApplicationSchema = z.object({
  sdkAppId: sdkAppIdField,
  note: z.string().trim().max(500, { error: 'note: at most 500 characters' }).default(''),
});

export const decideApplicationSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), applicationId: z.coerce.number({ error: 'applicationId must be a number' }).int().positive() }),
  z.object({
    decision: z.literal('reject'),
    applicationId: z.coerce.number({ error: 'applicationId must be a number' }).int().positive(),
    reason: z
      .string({ error: 'reason is required' })
      .trim()
      .min(3, { error: 'reason: say why the application is rejected (at least 3 characters)' })
      .max(500, { error: 'reason: at most 500 characters' }),
  }),
]);

export type SubmitApplicationInput = z.infer<typeof submitApplicationSchema>;
export type DecideApplicationInput = z.infer<typeof decideApplicationSchema>;
