'use server';

import { revalidatePath } from 'next/cache';
import { actionError, invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import { requireRole } from '../auth/guard';
import { db } from '../db/client';
import { recordAdjustment, recordPayment, recordRefund, recordTopUp, setDueDate, type MoneyResult } from './commands';
import { adjustmentSchema, dueDateSchema, recordPaymentSchema, refundSchema, topUpSchema } from './schemas';

const TX = { timeout: 60_000, maxWait: 30_000 };

function refresh(accountId?: number, invoiceId?: number): void {
  revalidatePath('/invoices');
  revalidatePath('/receivables');
  revalidatePath('/portal', 'layout');
  if (accountId !== undefined) revalidatePath(`/accounts/${accountId}`);
  if (invoiceId !== undefined) revalidatePath(`/invoices/${invoiceId}`);
}

export type MoneyActionResult = ActionResult<{ balance: string }>;

export async function topUpAction(_prev: MoneyActionResult, formData: FormData): Promise<MoneyActionResult> {
  const actor = await requireRole('OPS');
  const parsed = topUpSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let result: MoneyResult;
  try {
    result = await db.$transaction((tx) => recordTopUp(tx, actor, parsed.data), TX);
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  refresh(parsed.data.accountId);
  return { ok: true, data: { balance: result.balance } };
}

export async function refundAction(_prev: MoneyActionResult, formData: FormData): Promise<MoneyActionResult> {
  const actor = await requireRole('OPS');
  const parsed = refundSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let result: MoneyResult;
  try {
    result = await db.$transaction((tx) => recordRefund(tx, actor, parsed.data), TX);
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  refresh(parsed.data.accountId);
  return { ok: true, data: { balance: result.balance } };
}

export async function adjustmentAction(_prev: MoneyActionResult, formData: FormData): Promise<MoneyActionResult> {
  const actor = await requireRole('OPS');
  const parsed = adjustmentSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let result: MoneyResult;
  try {
    result = await db.$transaction((tx) => recordAdjustment(tx, actor, parsed.data), TX);
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  refresh(parsed.data.accountId);
  return { ok: true, data: { balance: result.balance } };
}

export async function recordPaymentAction(_prev: MoneyActionResult, formData: FormData): Promise<MoneyActionResult> {
  const actor = await requireRole('OPS');
  const parsed = recordPaymentSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let result: MoneyResult;
  try {
    result = await db.$transaction((tx) => recordPayment(tx, actor, parsed.data), TX);
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  refresh(undefined, parsed.data.invoiceId);
  return { ok: true, data: { balance: result.balance } };
}

export async function dueDateAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('OPS');
  const parsed = dueDateSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  try {
    await db.$transaction((tx) => setDueDate(tx, actor, parsed.data), TX);
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  refresh(undefined, parsed.data.invoiceId);
  return { ok: true };
}
