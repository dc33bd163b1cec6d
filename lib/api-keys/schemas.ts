import { z } from 'zod';
import { fieldError } from '../validation/messages';

export const createApiKeySchema = z.object({
  name: z
    .string({ error: fieldError('field.apiKey.nameRequired') })
    .trim()
    .min(1, { error: fieldError('field.apiKey.nameWhich') })
    .max(100, { error: fieldError('field.apiKey.nameLong') }),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({
  id: z.uuid({ error: fieldError('field.apiKey.id') }),
});
export type RevokeApiKeyInput = z.infer<typeof revokeApiKeySchema>;
