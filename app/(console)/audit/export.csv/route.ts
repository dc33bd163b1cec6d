import { parseAuditSearch } from '@/lib/audit/schemas';
import { exportRoute } from '@/lib/export/route';
import { auditExport } from '@/lib/export/lists';

export const dynamic = 'force-dynamic';

/** GET /audit/export.csv?<the log's filters>: audit entries (ops). */
export const GET = exportRoute('/audit/export.csv', ['OPS'], (_actor, params) => auditExport(parseAuditSearch(params)));
