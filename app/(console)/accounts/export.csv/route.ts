import { parseAccountsSearch } from '@/lib/accounts/schemas';
import { exportRoute } from '@/lib/export/route';
import { accountsExport } from '@/lib/export/lists';

export const dynamic = 'force-dynamic';

/** GET /accounts/export.csv?<the list's filters>: the accounts the actor sees. */
export const GET = exportRoute('/accounts/export.csv', ['OPS', 'ACCOUNT_MANAGER'], (actor, params) => accountsExport(actor, parseAccountsSearch(params)));
