import { accountIdSchema } from '@/lib/accounts/schemas';
import { exportRoute } from '@/lib/export/route';
import { appsExport } from '@/lib/export/lists';

export const dynamic = 'force-dynamic';

/** GET /accounts/[id]/apps.csv: the account's apps; the actor's scope is applied in the query (another account's: an empty file). */
export async function GET(request: Request, { params }: { params: Promise<{ accountId: string }> }) {
  const id = accountIdSchema.safeParse((await params).accountId);
  if (!id.success) return new Response('Not found.', { status: 404 });
  return exportRoute('/accounts/[accountId]/apps.csv', ['OPS', 'ACCOUNT_MANAGER'], (actor) => appsExport(actor, id.data))(request);
}
