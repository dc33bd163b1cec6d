import type { Actor } from '@/lib/auth/guard';

/** Account page header actions such as "Create app" (issue 6 fills this in). */
export async function AccountPlanActions(_props: { accountId: number; actor: Actor }) {
  return null;
}
