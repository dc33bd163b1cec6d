'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { useI18n } from '@/lib/i18n/client';
import { markNotificationsReadAction } from '@/lib/notifications/actions';
import { cn } from '../ui/cn';

export type BellItem = { key: string; text: string; when: string; href: string; read: boolean };

/** The portal's bell: a count of unread notifications, the latest ones in a panel, "mark all read". */
export function NotificationBell({ items, unread }: { items: BellItem[]; unread: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const unreadKeys = items.filter((i) => !i.read).map((i) => i.key);
  const markRead = (keys: string[]) =>
    startTransition(async () => {
      if (keys.length === 0) return;
      await markNotificationsReadAction({ keys });
      router.refresh();
    });
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="notifications-panel"
        aria-label={t('notifications.bell', { count: unread })}
        onClick={() => setOpen((v) => !v)}
        className="relative flex h-8 w-8 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
        data-testid="notification-bell"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.6">
          <path d="M10 3a4.5 4.5 0 0 0-4.5 4.5v2.8L4 13h12l-1.5-2.7V7.5A4.5 4.5 0 0 0 10 3zM8.2 15.5a1.9 1.9 0 0 0 3.6 0" />
        </svg>
        {unread > 0 ? (
          <span className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-rose-600 px-1 text-center text-[10px] leading-4 font-semibold text-white" data-testid="notification-count">
            {unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id="notifications-panel"
          role="region"
          aria-label={t('notifications.title')}
          className="fixed inset-x-2 top-12 z-50 rounded-lg border border-slate-200 bg-white shadow-lg sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-1 sm:w-80"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <h2 className="text-sm font-semibold">{t('notifications.title')}</h2>
            {unreadKeys.length > 0 ? (
              <button type="button" className="text-xs text-sky-800 hover:underline disabled:opacity-50" disabled={pending} onClick={() => markRead(unreadKeys)}>
                {t('notifications.markAll')}
              </button>
            ) : null}
          </div>
          {items.length === 0 ? (
            <p className="px-3 py-3 text-sm text-slate-500">{t('notifications.none')}</p>
          ) : (
            <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto">
              {items.map((item) => (
                <li key={item.key}>
                  <Link
                    href={item.href}
                    onClick={() => {
                      setOpen(false);
                      if (!item.read) markRead([item.key]);
                    }}
                    className={cn('block px-3 py-2 text-sm hover:bg-slate-50', item.read ? 'text-slate-600' : 'font-medium text-slate-900')}
                  >
                    <span className="flex items-start gap-2">
                      {item.read ? null : <span aria-hidden="true" className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-sky-600" />}
                      <span className="min-w-0">
                        <span className="block break-words">{item.text}</span>
                        <span className="block text-xs font-normal text-slate-500">{item.when}</span>
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
