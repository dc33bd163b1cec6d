'use server';

import { redirect } from 'next/navigation';
import { actionError, invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import { requireRole } from '../auth/guard';
import { today } from '../clock';
import { db } from '../db/client';
import { DomainError } from '../errors';
import { assertOwnApp } from './guard';
import { applyPlanChange, createApp } from './commands';
import { previewPlanChange, type PlanChangeKind, type PlanPreview } from './preview';
import { createAppSchema, planChangeSchema } from './schemas';
import { revalidateApp } from './revalidate';
import { PLAN_TX_OPTIONS } from './transaction';

/** The confirmation of a plan change, computed by the engine; writes nothing. */
export async function previewPlanChangeAction(input: unknown): Promise<ActionResult<PlanPreview>> {
  const actor = await requireRole('OPS', 'CUSTOMER');
  const parsed = planChangeSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  try {
    const app = await db.app.findUnique({
      where: { sdkAppId: BigInt(parsed.data.sdkAppId) },
      select: { sdkAppId: true, accountId: true, name: true, dataCenter: true },
    });
    if (!app) throw new DomainError('not_found', 'error.app.notFound', { params: { sdkAppId: String(parsed.data.sdkAppId) }, field: 'sdkAppId' });
    assertOwnApp(actor, app);
    return { ok: true, data: await previewPlanChange(db, app, parsed.data, today()) };
  } catch (error) {
    return actionError(error, await actionLocale());
  }
}

/** Applies a confirmed plan change (the digest ties it to the confirmation the user saw). */
export async function applyPlanChangeAction(input: unknown): Promise<ActionResult<{ kind: PlanChangeKind; effectiveOn: string }>> {
  const actor = await requireRole('OPS', 'CUSTOMER');
  const parsed = planChangeSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let result;
  try {
    result = await db.$transaction((tx) => applyPlanChange(tx, actor, parsed.data, today()), PLAN_TX_OPTIONS);
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidateApp(result.preview.accountId, result.preview.sdkAppId);
  return { ok: true, data: { kind: result.preview.kind, effectiveOn: result.preview.effectiveOn } };
}

export async function createAppAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('OPS', 'CUSTOMER');
  const parsed = createAppSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let created;
  try {
    created = await db.$transaction((tx) => createApp(tx, actor, parsed.data), PLAN_TX_OPTIONS);
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidateApp(created.accountId, created.sdkAppId);
  redirect(actor.role === 'CUSTOMER' ? `/portal/apps/${created.sdkAppId}` : `/accounts/${created.accountId}/apps/${created.sdkAppId}`);
}
