import 'server-only';
import { db } from '../db/client';
import type { Role } from '../generated/prisma/enums';
import type { PreviewFigures } from '../migrations/preview';
import type { TicketStatus } from '../migrations/schemas';

export type CustomerTicket = {
  id: number;
  status: TicketStatus;
  /** The customer's own words when they asked from the portal; staff notes are never shown. */
  wish: string | null;
  createdBy: { email: string; role: Role } | null;
  createdAt: string;
  previewedAt: string | null;
  figures: PreviewFigures | null;
  effectiveOn: string | null;
  rejectedReason: string | null;
};

const day = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

/** The migration tickets of the customer's own account, newest first, as the customer may read them. */
export async function listCustomerTickets(accountId: number): Promise<CustomerTicket[]> {
  const tickets = await db.migrationTicket.findMany({
    where: { accountId },
    orderBy: { id: 'desc' },
    include: { createdBy: { select: { email: true, role: true } } },
  });
  return tickets.map((t) => ({
    id: t.id,
    status: t.status,
    wish: t.createdBy?.role === 'CUSTOMER' ? t.notes : null,
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    previewedAt: t.previewedAt?.toISOString() ?? null,
    figures: t.status === 'PREVIEWED' || t.status === 'EXECUTED' ? ((t.previewFigures as PreviewFigures | null) ?? null) : null,
    effectiveOn: day(t.effectiveOn),
    rejectedReason: t.rejectedReason,
  }));
}
