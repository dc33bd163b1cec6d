'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { actionError, invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import { requireRole } from '../auth/guard';
import { today } from '../clock';
import { db } from '../db/client';
import { PLAN_TX_OPTIONS } from '../plans/transaction';
import { addPriceBookVersion } from './commands';
import { newPriceBookSchema, priceBookFromForm } from './schemas';

export async function addPriceBookVersionAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('OPS');
  const parsed = newPriceBookSchema.safeParse(priceBookFromForm(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let created;
  try {
    created = await db.$transaction((tx) => addPriceBookVersion(tx, actor, parsed.data, today()), PLAN_TX_OPTIONS);
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath('/catalog');
  redirect(`/catalog?added=${created.scheme}-${created.version}#price-books`);
}
