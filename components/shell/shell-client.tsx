'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { signOut } from 'next-auth/react';
import { useTransition } from 'react';
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
