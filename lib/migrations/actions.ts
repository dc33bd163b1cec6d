'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { actionError, invalidInput, type ActionResult } from '../action-result';
import { actionLocale } from '../i18n/server';
import { requireRole } from '../auth/guard';
import { db } from '../db/client';
import { executeMigration, MIGRATION_TX_OPTIONS, openTicket, previewTicket, rejectTicket, requestMigration } from './commands';
import { executeFormInput, executeMigrationSchema, openTicketSchema, previewFormInput, previewTicketSchema, rejectTicketSchema, requestMigrationSchema } from './schemas';

export async function openTicketAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  const parsed = openTicketSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let id: number;
  try {
    ({ id } = await db.$transaction((tx) => openTicket(tx, actor, parsed.data)));
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath('/migrations');
  revalidatePath(`/accounts/${parsed.data.accountId}`);
  redirect(`/migrations/${id}`);
}

export async function previewTicketAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  const parsed = previewTicketSchema.safeParse(previewFormInput(form));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  try {
    await db.$transaction((tx) => previewTicket(tx, actor, parsed.data), MIGRATION_TX_OPTIONS);
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath(`/migrations/${parsed.data.ticketId}`);
  revalidatePath('/migrations');
  return { ok: true, message: 'previewed' };
}

export async function executeMigrationAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  const parsed = executeMigrationSchema.safeParse(executeFormInput(form));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  let accountId: number;
  try {
    ({ accountId } = await db.$transaction((tx) => executeMigration(tx, actor, { ...parsed.data }), MIGRATION_TX_OPTIONS));
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath(`/migrations/${parsed.data.ticketId}`);
  revalidatePath('/migrations');
  revalidatePath(`/accounts/${accountId}`);
  revalidatePath('/accounts');
  return { ok: true, message: 'executed' };
}

export async function rejectTicketAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  const parsed = rejectTicketSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  try {
    await db.$transaction((tx) => rejectTicket(tx, actor, parsed.data));
  } catch (error) {
    return actionError(error, await actionLocale());
  }
  revalidatePath(`/migrations/${parsed.data.ticketId}`);
  revalidatePath('/migrations');
  return { ok: true, message: 'rejected' };
}

/** A customer asks their account manager for migration (a ticket; only the manager executes). */
export async function requestMigrationAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  const actor = await requireRole('CUSTOMER');
  const parsed = requestMigrationSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidInput(parsed.error, await actionLocale());
  try {
    await db.$transaction((tx) => requestMigration(tx, actor, parsed.data));
  } catch (error) {
    return actionError(error);
  }
  revalidatePath('/portal/migration');
  revalidatePath('/portal');
  revalidatePath('/migrations');
  redirect('/portal/migration');
}
