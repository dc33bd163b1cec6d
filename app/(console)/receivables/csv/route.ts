import { agingCsv } from '@/lib/balances/aging-csv';
import { getAging, listOpenInvoices } from '@/lib/balances/queries';
import { getActor } from '@/lib/auth/guard';
import { today } from '@/lib/clock';

export const dynamic = 'force-dynamic';

/** The receivables aging as CSV, for ops only. */
export async function GET(): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response('Sign in first.', { status: 401 });
  if (actor.role !== 'OPS') return new Response('Only ops can download the receivables.', { status: 403 });
  const day = today();
  const [aging, open] = await Promise.all([getAging(day), listOpenInvoices(day)]);
  return new Response(agingCsv(aging, open), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="receivables-aging-${day}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
