'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import { requireRole } from '../auth/guard';
import { db } from '../db/client';

const markReadSchema = z.object({
  keys: z
    .array(z.string().regex(/^(invoice|trial|push|ticket):[0-9]+(:[A-Za-z]+)?$/, { error: 'keys: not a notification key' }), { error: 'keys must be a list' })
    .min(1, { error: 'keys: nothing to mark' })
    .max(50, { error: 'keys: at most 50 at once' }),
});

/** Marks the signed-in customer's notifications read (their own read state only; idempotent). */
export async function markNotificationsReadAction(input: unknown): Promise<ActionResult> {
  const actor = await requireRole('CUSTOMER');
  const parsed = markReadSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  await db.notificationRead.createMany({ data: parsed.data.keys.map((key) => ({ userId: actor.id, key })), skipDuplicates: true });
  revalidatePath('/portal', 'layout');
  return { ok: true };
}
