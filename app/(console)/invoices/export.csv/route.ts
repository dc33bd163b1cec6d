import { z } from 'zod';
import { exportRoute } from '@/lib/export/route';
import { invoicesExport } from '@/lib/export/lists';
import { invoiceIdSchema, parseInvoicesSearch } from '@/lib/invoices/schemas';

export const dynamic = 'force-dynamic';

const idsSchema = z.array(invoiceIdSchema).max(100);

/** GET /invoices/export.csv?<the list's filters>[&ids=1,2,3]: every matching invoice, or the selected ones. */
export const GET = exportRoute('/invoices/export.csv', ['OPS', 'ACCOUNT_MANAGER'], (actor, params, url) => {
  const raw = url.searchParams.get('ids');
  const ids = raw ? idsSchema.safeParse(raw.split(',')) : null;
  if (ids && !ids.success) return new Response(`ids: ${ids.error.issues[0]?.message ?? 'invalid'}`, { status: 400 });
  return invoicesExport(actor, parseInvoicesSearch(params), ids?.data);
});
