import { invoiceCsvResponse } from '@/lib/invoices/csv-route';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  return invoiceCsvResponse((await params).invoiceId, ['OPS', 'ACCOUNT_MANAGER']);
}
