import { formatDateTime } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import type { Translate } from '@/lib/i18n/translate';
import type { NotificationList, PortalNotification } from '@/lib/notifications/queries';
import { NotificationBell, type BellItem } from './notification-bell';

function describe(n: PortalNotification, t: Translate): { text: string; href: string } {
  switch (n.kind) {
    case 'invoiceIssued':
      return { text: t('notifications.invoiceIssued', { number: n.number, month: n.month }), href: `/portal/invoices/${n.invoiceId}` };
    case 'trialEnding':
      return { text: t('notifications.trialEnding', { app: n.sdkAppId, date: n.endOn }), href: `/portal/apps/${n.sdkAppId}` };
    case 'pushOn':
      return { text: t('notifications.pushOn', { app: n.sdkAppId, date: n.since.slice(0, 10) }), href: `/portal/apps/${n.sdkAppId}` };
    case 'ticketMoved':
      return { text: t(`notifications.ticket.${n.status}`, { id: n.ticketId, date: n.effectiveOn ?? '' }), href: '/portal/migration' };
  }
}

/** The bell in the portal's header: the layout loads the notifications, the bell renders them. */
export async function PortalBell({ list }: { list: NotificationList }) {
  const { t, locale } = await getI18n();
  const items: BellItem[] = list.items.map((n) => ({ key: n.key, read: n.read, when: formatDateTime(n.at, locale), ...describe(n, t) }));
  return <NotificationBell items={items} unread={list.unread} />;
}
