import 'server-only';
import { addDays } from '../billing/dates';
import { db } from '../db/client';

/** How many days before a trial's last day the portal says it is ending. */
export const TRIAL_ENDING_NOTICE_DAYS = 7;
/** The bell lists the latest ones only. */
const MAX_NOTIFICATIONS = 20;

export type PortalNotification =
  | { key: string; at: string; kind: 'invoiceIssued'; invoiceId: number; number: string; month: string }
  | { key: string; at: string; kind: 'trialEnding'; sdkAppId: string; endOn: string }
  | { key: string; at: string; kind: 'pushOn'; sdkAppId: string; since: string }
  | { key: string; at: string; kind: 'ticketMoved'; ticketId: number; status: 'OPEN' | 'PREVIEWED' | 'EXECUTED' | 'REJECTED'; effectiveOn: string | null };

export type NotificationList = { items: (PortalNotification & { read: boolean })[]; unread: number };

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A customer's notifications, derived from what is stored: invoices issued, trials ending within
 * 7 days, broadcast push switched on, each state their migration tickets reached. Deriving them
 * keeps every event's transaction as it is (nothing to forget to write) and a notification can
 * never disagree with its event; only "read" is stored, per user.
 */
export async function listNotifications(user: { id: string; accountId: number }, today: string, now: Date = new Date()): Promise<NotificationList> {
  const { accountId } = user;
  const [invoices, trials, pushes, tickets, reads] = await Promise.all([
    db.invoice.findMany({
      where: { accountId, issuedAt: { not: null }, number: { not: null } },
      select: { id: true, number: true, month: true, issuedAt: true },
      orderBy: { issuedAt: 'desc' },
      take: MAX_NOTIFICATIONS,
    }),
    db.trialGrant.findMany({
      where: { accountId, endOn: { gte: new Date(`${today}T00:00:00Z`), lte: new Date(`${addDays(today, TRIAL_ENDING_NOTICE_DAYS)}T00:00:00Z`) } },
      select: { id: true, sdkAppId: true, endOn: true },
    }),
    db.featureApplication.findMany({
      where: { app: { accountId }, status: 'APPROVED', enablesAt: { lte: now } },
      select: { id: true, sdkAppId: true, enablesAt: true },
      orderBy: { enablesAt: 'desc' },
      take: MAX_NOTIFICATIONS,
    }),
    db.migrationTicket.findMany({
      where: { accountId },
      select: { id: true, status: true, createdAt: true, previewedAt: true, executedAt: true, effectiveOn: true },
      orderBy: { id: 'desc' },
      take: 5,
    }),
    db.notificationRead.findMany({ where: { userId: user.id }, select: { key: true } }),
  ]);
  const items: PortalNotification[] = [
    ...invoices.map((i) => ({ key: `invoice:${i.id}`, at: i.issuedAt!.toISOString(), kind: 'invoiceIssued' as const, invoiceId: i.id, number: i.number!, month: i.month })),
    ...trials.map((g) => ({
      key: `trial:${g.id}:ending`,
      at: `${addDays(dayOf(g.endOn), -TRIAL_ENDING_NOTICE_DAYS)}T00:00:00.000Z`,
      kind: 'trialEnding' as const,
      sdkAppId: g.sdkAppId.toString(),
      endOn: dayOf(g.endOn),
    })),
    ...pushes.map((p) => ({ key: `push:${p.id}`, at: p.enablesAt!.toISOString(), kind: 'pushOn' as const, sdkAppId: p.sdkAppId.toString(), since: p.enablesAt!.toISOString() })),
    ...tickets.map((t) => ({
      key: `ticket:${t.id}:${t.status}`,
      at: (t.executedAt ?? t.previewedAt ?? t.createdAt).toISOString(),
      kind: 'ticketMoved' as const,
      ticketId: t.id,
      status: t.status,
      effectiveOn: t.effectiveOn ? dayOf(t.effectiveOn) : null,
    })),
  ];
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const read = new Set(reads.map((r) => r.key));
  const latest = items.slice(0, MAX_NOTIFICATIONS).map((n) => ({ ...n, read: read.has(n.key) }));
  return { items: latest, unread: latest.filter((n) => !n.read).length };
}
