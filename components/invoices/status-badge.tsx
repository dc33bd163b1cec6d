'use client';

import { useI18n } from '@/lib/i18n/client';
import type { InvoiceStatus } from '@/lib/invoices/schemas';
import { Badge, type Tone } from '../ui/badge';

const TONES: Record<InvoiceStatus, Tone> = { DRAFT: 'neutral', ISSUED: 'blue', PARTIALLY_PAID: 'amber', PAID: 'green', VOID: 'red' };

export function InvoiceStatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useI18n();
  return <Badge tone={TONES[status]}>{t(`invoice.status.${status}`)}</Badge>;
}
