'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useEffect, useState, useTransition } from 'react';
import { setLocale } from '@/lib/i18n/actions';
import { useI18n } from '@/lib/i18n/client';
import type { NavItem } from './nav';
import { cn } from '../ui/cn';

export function NavLinks({ items }: { items: NavItem[] }) {
  const { t } = useI18n();
  const pathname = usePathname();
  return (
    <ul className="flex flex-col gap-0.5">
      {items.map((item) => {
        const active = item.href === '/portal' ? pathname === '/portal' || pathname.startsWith('/portal/apps') : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'block rounded-md px-2.5 py-1.5 text-sm',
                active ? 'bg-sky-50 font-medium text-sky-800' : 'text-slate-700 hover:bg-slate-100',
              )}
            >
              {t(item.label)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

export function LanguageSwitcher() {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-1.5 text-xs text-slate-600">
      <span className="sr-only">{t('nav.language')}</span>
      <select
        aria-label={t('nav.language')}
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await setLocale(next);
            router.refresh();
          });
        }}
        className="h-7 rounded-md border border-slate-300 bg-white px-1.5 text-xs"
      >
        <option value="en">English</option>
        <option value="zh">简体中文</option>
      </select>
    </label>
  );
}

export function SignOutButton() {
  const { t } = useI18n();
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: '/signin' })}
      className="rounded-md px-2 py-1 text-xs text-slate-600 hover:bg-slate-100"
    >
      {t('nav.signOut')}
    </button>
  );
}

/** Phones: a menu button in the header that opens the main navigation over the page; a link closes it. */
export function MobileNav({ items }: { items: NavItem[] }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [shownFor, setShownFor] = useState(pathname);
  // Navigating closes the menu (state reset on a new path, without an effect).
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="mobile-nav"
        aria-label={open ? t('nav.closeMenu') : t('nav.menu')}
        onClick={() => setOpen((v) => !v)}
        className="flex h-8 w-8 shrink-0 items-center justify-center rounded-md border border-slate-300 text-slate-700 hover:bg-slate-100"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
        </svg>
      </button>
      {open ? (
        <nav id="mobile-nav" aria-label={t('shell.mainNav')} className="absolute inset-x-0 top-full z-40 border-b border-slate-200 bg-white px-3 py-2 shadow-md">
          <NavLinks items={items} />
        </nav>
      ) : null}
    </>
  );
}
