import { z } from 'zod';

export const createApiKeySchema = z.object({
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, { error: 'Name is required: say which system will use the key' })
    .max(100, { error: 'Name must be at most 100 characters' }),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({
  id: z.uuid({ error: 'id must be an API key id' }),
});
export type RevokeApiKeyInput = z.infer<typeof revokeApiKeySchema>;
