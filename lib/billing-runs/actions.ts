'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { actionError, invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import { requireRole } from '../auth/guard';
import { auditActor } from '../db/audit';
import { getDatabase } from '../db/client';
import { wakeShardWorkers } from '../jobs/worker';
import { createBillingRun } from './commands';
import { startBillingRunSchema } from './schemas';

/**
 * Starts the month's run and goes to its page, which shows the progress live. The run's shards
 * are queued jobs: the workers (this server's own, unless WORKERS=0, and any `npm run worker`)
 * take them; the outcome is recorded on the run.
 */
export async function startBillingRunAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('OPS');
  const parsed = startBillingRunSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let runId: number;
  try {
    ({ runId } = await createBillingRun(auditActor(actor), parsed.data.month));
    await wakeShardWorkers(getDatabase());
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath('/billing-runs');
  redirect(`/billing-runs/${runId}`);
}
