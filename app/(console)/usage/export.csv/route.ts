import { exportRoute } from '@/lib/export/route';
import { usageExport } from '@/lib/export/lists';
import { parseUsageSearch } from '@/lib/usage/schemas';

export const dynamic = 'force-dynamic';

/** GET /usage/export.csv?<the lookup's filters>: daily usage rows (ops). */
export const GET = exportRoute('/usage/export.csv', ['OPS'], (_actor, params) => usageExport(parseUsageSearch(params)));
