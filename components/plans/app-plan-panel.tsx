import type { Actor } from '@/lib/auth/guard';

/** The app page's plan actions, trials and feature applications (issue 6 fills this in). */
export async function AppPlanPanel(_props: { accountId: number; sdkAppId: bigint; actor: Actor }) {
  return null;
}
