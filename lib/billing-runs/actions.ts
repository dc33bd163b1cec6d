'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { actionError, invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import { requireRole } from '../auth/guard';
import { auditActor } from '../db/audit';
import { startBillingRun } from './commands';
import { startBillingRunSchema } from './schemas';

/**
 * Starts the month's run and goes to its page, which shows the progress live. The run goes on
 * in the server process after this returns; its outcome is recorded on the run.
 */
export async function startBillingRunAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('OPS');
  const parsed = startBillingRunSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let runId: number;
  try {
    const started = await startBillingRun(parsed.data.month, auditActor(actor));
    runId = started.runId;
    started.done.catch((error: unknown) => console.error(`billing run ${runId} failed`, error));
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath('/billing-runs');
  redirect(`/billing-runs/${runId}`);
}
