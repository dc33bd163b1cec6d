import { invoiceCsvResponse } from '@/lib/invoices/csv-route';

export const dynamic = 'force-dynamic';

/** A customer's own issued, paid or void invoice as CSV; anyone else's is a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  return invoiceCsvResponse((await params).invoiceId, ['CUSTOMER']);
}
