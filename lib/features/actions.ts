'use server';

import { revalidatePath } from 'next/cache';
import { actionError, invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import { requireRole } from '../auth/guard';
import { today } from '../clock';
import { db } from '../db/client';
import { revalidateApp } from '../plans/revalidate';
import { PLAN_TX_OPTIONS } from '../plans/transaction';
import { decideApplication, submitApplication } from './commands';
import { decideApplicationSchema, submitApplicationSchema } from './schemas';

export async function submitApplicationAction(input: unknown): Promise<ActionResult> {
  const actor = await requireRole('OPS', 'CUSTOMER');
  const parsed = submitApplicationSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let created;
  try {
    created = await db.$transaction((tx) => submitApplication(tx, actor, parsed.data, today()), PLAN_TX_OPTIONS);
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidateApp(created.accountId, created.sdkAppId);
  return { ok: true };
}

export async function decideApplicationAction(input: unknown): Promise<ActionResult<{ status: string; enablesAt: string | null }>> {
  const actor = await requireRole('OPS');
  const parsed = decideApplicationSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let decided;
  try {
    decided = await db.$transaction((tx) => decideApplication(tx, actor, parsed.data, today()), PLAN_TX_OPTIONS);
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath(`/accounts/${decided.accountId}/apps/${decided.sdkAppId}`);
  return { ok: true, data: { status: decided.status, enablesAt: decided.enablesAt } };
}
