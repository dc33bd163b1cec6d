import type { TicketStatus } from '@/lib/migrations/schemas';
import { Badge, type Tone } from '../ui/badge';

const TONES: Record<TicketStatus, Tone> = { OPEN: 'amber', PREVIEWED: 'blue', EXECUTED: 'green', REJECTED: 'neutral' };

export function TicketStatusBadge({ status, label }: { status: TicketStatus; label: string }) {
  return <Badge tone={TONES[status]}>{label}</Badge>;
}
