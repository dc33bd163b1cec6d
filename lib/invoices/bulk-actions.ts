'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { actionError, invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import { requireRole } from '../auth/guard';
import { db } from '../db/client';
import { reasonSchema } from '../calendar/schemas';
import { holdSelectedAccounts, issueSelectedDrafts, type HoldSelectedResult, type IssueSelectedResult } from './bulk';
import { invoiceIdSchema } from './schemas';

/** A page holds at most 100 rows: a selection is never larger. */
const issueSelectedSchema = z.object({
  ids: z.array(invoiceIdSchema, { error: 'ids: a list of invoice ids is required' }).min(1, { error: 'ids: select at least one draft' }).max(100, { error: 'ids: at most 100 invoices at once' }),
});

export async function issueSelectedAction(ids: number[]): Promise<ActionResult<IssueSelectedResult>> {
  const actor = await requireRole('OPS');
  const parsed = issueSelectedSchema.safeParse({ ids });
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let result: IssueSelectedResult;
  try {
    result = await db.$transaction((tx) => issueSelectedDrafts(tx, actor, parsed.data.ids), { timeout: 120_000, maxWait: 30_000 });
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath('/invoices');
  revalidatePath('/portal/invoices');
  return { ok: true, data: result };
}

const holdSelectedSchema = issueSelectedSchema.extend({ reason: reasonSchema });

/** Holds the accounts of the selected drafts from their month's scheduled issue (the calendar's hold, with its reason). */
export async function holdSelectedAction(ids: number[], reason: string): Promise<ActionResult<HoldSelectedResult>> {
  const actor = await requireRole('OPS');
  const parsed = holdSelectedSchema.safeParse({ ids, reason });
  if (!parsed.success) return invalidInput(parsed.error);
  let result: HoldSelectedResult;
  try {
    result = await db.$transaction((tx) => holdSelectedAccounts(tx, actor, parsed.data.ids, parsed.data.reason), { timeout: 60_000, maxWait: 30_000 });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath('/invoices');
  revalidatePath('/calendar');
  return { ok: true, data: result };
}
