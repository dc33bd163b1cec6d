import 'server-only';
import type { Actor } from '../auth/guard';
import { holdAccount } from '../calendar/commands';
import { auditActor } from '../db/audit';
import type { Tx } from '../db/client';
import { DomainError } from '../errors';
import { issueInvoice, type IssueOptions } from './commands';

export type IssueSelectedResult = { issued: number; numbers: string[] };

/**
 * Issues the given drafts in one transaction, in id order, so their numbers are consecutive and
 * either all are issued or none (a refusal names the invoice). Ids that are not drafts were
 * left out by the caller's confirmation; issuing one anyway is refused as for a single invoice.
 */
export async function issueSelectedDrafts(tx: Tx, actor: Actor, ids: readonly number[], options: IssueOptions = {}): Promise<IssueSelectedResult> {
  const numbers: string[] = [];
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
    numbers.push((await issueInvoice(tx, actor, { id }, options)).number);
  }
  return { issued: numbers.length, numbers };
}

export type HoldSelectedResult = { held: number; alreadyHeld: number; months: string[] };

/**
 * Puts the accounts of the given drafts on hold (the calendar's hold, lib/calendar), so the
 * scheduled issue of their month leaves them; one transaction, one audited hold per account.
 * Accounts already on hold are counted, not refused. A selected invoice that is not a draft is
 * refused (the confirmation only offers drafts), naming the invoice.
 */
export async function holdSelectedAccounts(tx: Tx, actor: Actor, ids: readonly number[], reason: string): Promise<HoldSelectedResult> {
  const unique = [...new Set(ids)];
  const invoices = await tx.invoice.findMany({ where: { id: { in: unique } }, select: { id: true, accountId: true, month: true, status: true }, orderBy: { id: 'asc' } });
  for (const id of unique) {
    const invoice = invoices.find((row) => row.id === id);
    if (!invoice) throw new DomainError('not_found', `Invoice ${id} does not exist`, { field: 'ids' });
    if (invoice.status !== 'DRAFT') throw new DomainError('conflict', `Invoice ${id} is ${invoice.status}, not a draft`, { field: 'ids' });
  }
  const accountIds = [...new Set(invoices.map((row) => row.accountId))].sort((a, b) => a - b);
  const existing = new Set((await tx.billingHold.findMany({ where: { accountId: { in: accountIds } }, select: { accountId: true } })).map((row) => row.accountId));
  const runActor = auditActor(actor);
  let held = 0;
  for (const accountId of accountIds) {
    if (existing.has(accountId)) continue;
    await holdAccount(tx, runActor, { accountId, reason });
    held += 1;
  }
  return { held, alreadyHeld: existing.size, months: [...new Set(invoices.map((row) => row.month))].sort() };
}
