import { creditNotePdfResponse } from '@/lib/pdf/route';

export const dynamic = 'force-dynamic';

/** A credit note of the customer's own invoice as PDF; anyone else's is a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ creditNoteId: string }> }) {
  return creditNotePdfResponse((await params).creditNoteId, ['CUSTOMER']);
}
