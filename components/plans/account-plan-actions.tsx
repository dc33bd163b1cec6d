import type { Actor } from '@/lib/auth/guard';
import { DEFAULT_EDITION } from '@/lib/billing/catalog';
import { CreateAppButton } from './create-app-button';
import { editionLabel } from './labels';

/** Account page header actions: ops create an app (the next free SDKAppID). */
export function AccountPlanActions({ accountId, scheme, actor }: { accountId: number; scheme: 'LEGACY' | 'CURRENT'; actor: Actor }) {
  if (actor.role !== 'OPS') return null;
  return <CreateAppButton accountId={accountId} startsOn={editionLabel(DEFAULT_EDITION[scheme])} />;
}
