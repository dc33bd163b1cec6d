import 'server-only';
import { revalidatePath } from 'next/cache';

/** After a change to an app, the pages that show it: the console's and the customer's portal. */
export function revalidateApp(accountId: number, sdkAppId: string): void {
  revalidatePath(`/accounts/${accountId}/apps/${sdkAppId}`);
  revalidatePath(`/accounts/${accountId}`);
  revalidatePath(`/portal/apps/${sdkAppId}`);
  revalidatePath('/portal');
  revalidatePath('/portal/month');
}
