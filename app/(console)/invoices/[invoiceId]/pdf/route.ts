import { invoicePdfResponse } from '@/lib/pdf/route';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  return invoicePdfResponse((await params).invoiceId, ['OPS', 'ACCOUNT_MANAGER']);
}
