import 'server-only';
import type { Actor } from '../auth/guard';
import type { Tx } from '../db/client';
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
