import { creditNotePdfResponse } from '@/lib/pdf/route';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ creditNoteId: string }> }) {
  return creditNotePdfResponse((await params).creditNoteId, ['OPS', 'ACCOUNT_MANAGER']);
}
