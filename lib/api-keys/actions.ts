'use server';

import { revalidatePath } from 'next/cache';
import { actionError, invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import { requireRole } from '../auth/guard';
import { db } from '../db/client';
import { createApiKey, revokeApiKey, type CreatedApiKey } from './commands';
import { createApiKeySchema, revokeApiKeySchema } from './schemas';

export async function createApiKeyAction(_prev: ActionResult<CreatedApiKey>, formData: FormData): Promise<ActionResult<CreatedApiKey>> {
  const actor = await requireRole('OPS');
  const parsed = createApiKeySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let created: CreatedApiKey;
  try {
    created = await db.$transaction((tx) => createApiKey(tx, actor, parsed.data));
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath('/api-keys');
  return { ok: true, data: created };
}

export async function revokeApiKeyAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('OPS');
  const parsed = revokeApiKeySchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  try {
    await db.$transaction((tx) => revokeApiKey(tx, actor, parsed.data));
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath('/api-keys');
  return { ok: true };
}
