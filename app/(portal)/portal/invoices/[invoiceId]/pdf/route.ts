import { invoicePdfResponse } from '@/lib/pdf/route';

export const dynamic = 'force-dynamic';

/** A customer's own issued invoice as PDF; anyone else's is a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }) {
  return invoicePdfResponse((await params).invoiceId, ['CUSTOMER']);
}
