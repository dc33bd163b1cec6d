'use server';

import { revalidatePath } from 'next/cache';
import { actionError, invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import { requireRole } from '../auth/guard';
import { billingDay } from '../clock';
import { auditActor } from '../db/audit';
import { db } from '../db/client';
import { DomainError } from '../errors';
import { holdAccount, issueMonth, pauseMonth, releaseAccount, resumeMonth, startDraftRun } from './commands';
import { calendarNow } from './schedule';
import { holdAccountSchema, pauseMonthSchema, releaseAccountSchema, resumeMonthSchema, runStepSchema } from './schemas';

/** Ops' controls of the billing calendar: hold/release an account, pause/resume a month, run or issue now. */

export async function holdAccountAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = auditActor(await requireRole('OPS'));
  const parsed = holdAccountSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  try {
    await db.$transaction((tx) => holdAccount(tx, actor, parsed.data));
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath('/calendar');
  return { ok: true };
}

export async function releaseAccountAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = auditActor(await requireRole('OPS'));
  const parsed = releaseAccountSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  try {
    await db.$transaction((tx) => releaseAccount(tx, actor, parsed.data));
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath('/calendar');
  return { ok: true };
}

export async function pauseMonthAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = auditActor(await requireRole('OPS'));
  const parsed = pauseMonthSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  try {
    await db.$transaction((tx) => pauseMonth(tx, actor, parsed.data));
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath('/calendar');
  return { ok: true };
}

export async function resumeMonthAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = auditActor(await requireRole('OPS'));
  const parsed = resumeMonthSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  try {
    await db.$transaction((tx) => resumeMonth(tx, actor, parsed.data));
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath('/calendar');
  return { ok: true };
}

/** "Run now" / "Issue now" / "Retry": the step at once, by ops, whatever its schedule says. */
export async function runStepNowAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = auditActor(await requireRole('OPS'));
  const parsed = runStepSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  const { month, step } = parsed.data;
  const today = billingDay(calendarNow());
  try {
    if (step === 'DRAFT_RUN') {
      const started = await startDraftRun(month, actor, { today, retry: true });
      if (!started) {
        const failed = await db.billingCalendarStep.findUnique({ where: { month_step: { month, step } }, select: { state: true, error: true } });
        throw new DomainError('conflict', failed?.state === 'FAILED' && failed.error ? failed.error : `The draft run of ${month} is running already`, { field: 'month' });
      }
    } else {
      const issued = await issueMonth(month, actor, { today, retry: true });
      if (!issued) {
        const row = await db.billingCalendarStep.findUnique({ where: { month_step: { month, step } }, select: { state: true, error: true } });
        throw new DomainError('conflict', row?.state === 'FAILED' && row.error ? row.error : `The invoices of ${month} are issued already`, { field: 'month' });
      }
    }
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath('/calendar');
  return { ok: true };
}
