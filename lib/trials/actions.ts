'use server';

import { actionError, invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import { requireRole } from '../auth/guard';
import { today } from '../clock';
import { db } from '../db/client';
import { revalidateApp } from '../plans/revalidate';
import { PLAN_TX_OPTIONS } from '../plans/transaction';
import { grantTrial, type GrantedTrial } from './commands';
import { grantTrialSchema } from './schemas';

export async function grantTrialAction(input: unknown): Promise<ActionResult<GrantedTrial>> {
  const actor = await requireRole('OPS', 'CUSTOMER');
  const parsed = grantTrialSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let grant;
  try {
    grant = await db.$transaction((tx) => grantTrial(tx, actor, parsed.data, today()), PLAN_TX_OPTIONS);
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidateApp(grant.accountId, grant.sdkAppId);
  return { ok: true, data: grant };
}
