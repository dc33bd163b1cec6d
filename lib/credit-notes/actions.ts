'use server';

import { revalidatePath } from 'next/cache';
import { actionError, invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import { requireRole } from '../auth/guard';
import { db } from '../db/client';
import { issueCreditNote, previewCreditNote, type CreditPreview } from './commands';
import { creditNoteDraftSchema, draftFromForm, issueCreditNoteSchema } from './schemas';

const TX = { timeout: 60_000, maxWait: 30_000 };

export type PreviewResult = ActionResult<CreditPreview>;

/** Computes the credit note the form describes; nothing is written. */
export async function previewCreditNoteAction(_prev: PreviewResult, formData: FormData): Promise<PreviewResult> {
  await requireRole('OPS');
  const parsed = creditNoteDraftSchema.safeParse(draftFromForm(Object.fromEntries(formData)));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  try {
    const preview = await db.$transaction((tx) => previewCreditNote(tx, parsed.data), TX);
    return { ok: true, data: preview };
  } catch (error) {
    return actionError(error, await actionLocale());
  }
}

/** Issues what was previewed: the form plus the preview's digest, re-checked under lock. */
export async function issueCreditNoteAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('OPS');
  const form = Object.fromEntries(formData);
  const parsed = creditNoteDraftSchema.safeParse(draftFromForm(form));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  const digest = issueCreditNoteSchema.safeParse(form);
  if (!digest.success) return invalidInput(digest.error, await actionLocale());
  let number: string;
  try {
    ({ number } = await db.$transaction((tx) => issueCreditNote(tx, actor, parsed.data, { digest: digest.data.digest }), TX));
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath(`/invoices/${parsed.data.invoiceId}`);
  revalidatePath('/receivables');
  revalidatePath('/portal', 'layout');
  return { ok: true, message: number };
}
