import type { Actor } from '@/lib/auth/guard';

/** The account page's invoices (issue 5 fills this in). */
export async function AccountInvoicesCard(_props: { accountId: number; actor: Actor }) {
  return null;
}
