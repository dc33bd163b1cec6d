import type { Actor } from '@/lib/auth/guard';
import { DEFAULT_EDITION } from '@/lib/billing/catalog';
import { db } from '@/lib/db/client';
import { CreateAppButton } from './create-app-button';
import { editionLabel } from './labels';

/** Account page header actions: ops create an app (the next free SDKAppID). */
export async function AccountPlanActions({ accountId, actor }: { accountId: number; actor: Actor }) {
  if (actor.role !== 'OPS') return null;
  const account = await db.account.findUnique({ where: { id: accountId }, select: { scheme: true } });
  if (!account) return null;
  return <CreateAppButton accountId={accountId} startsOn={editionLabel(DEFAULT_EDITION[account.scheme])} />;
}
