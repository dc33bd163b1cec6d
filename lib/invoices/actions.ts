'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { actionError, invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import { requireRole } from '../auth/guard';
import { db } from '../db/client';
import { createCorrection, issueInvoice, issueMonthDrafts, voidInvoice } from './commands';
import { invoiceRefSchema, issueMonthSchema, voidInvoiceSchema } from './schemas';

const TX = { timeout: 60_000, maxWait: 30_000 };

function refresh(id?: number): void {
  revalidatePath('/invoices');
  revalidatePath('/billing-runs');
  revalidatePath('/portal/invoices');
  if (id !== undefined) revalidatePath(`/invoices/${id}`);
}

export async function issueInvoiceAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('OPS');
  const parsed = invoiceRefSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let number: string;
  try {
    ({ number } = await db.$transaction((tx) => issueInvoice(tx, actor, parsed.data), TX));
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  refresh(parsed.data.id);
  return { ok: true, message: number };
}

export type IssueMonthResult = { issued: number; first: string | null; last: string | null };

export async function issueMonthAction(_prev: ActionResult<IssueMonthResult>, formData: FormData): Promise<ActionResult<IssueMonthResult>> {
  const actor = await requireRole('OPS');
  const parsed = issueMonthSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let result: IssueMonthResult;
  try {
    result = await db.$transaction((tx) => issueMonthDrafts(tx, actor, parsed.data), { timeout: 300_000, maxWait: 30_000 });
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  refresh();
  return { ok: true, data: result };
}

export async function voidInvoiceAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('OPS');
  const parsed = voidInvoiceSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  try {
    await db.$transaction((tx) => voidInvoice(tx, actor, parsed.data), TX);
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  refresh(parsed.data.id);
  return { ok: true };
}

export async function createCorrectionAction(_prev: ActionResult, formData: FormData): Promise<ActionResult> {
  const actor = await requireRole('OPS');
  const parsed = invoiceRefSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let id: number;
  try {
    ({ id } = await db.$transaction((tx) => createCorrection(tx, actor, parsed.data), TX));
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  refresh(parsed.data.id);
  redirect(`/invoices/${id}`);
}
