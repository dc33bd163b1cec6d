import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Actor } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';
import { CommandPalette } from '../search/command-palette';
import { Badge } from '../ui/badge';
import { homeFor, NAV } from './nav';
import { LanguageSwitcher, MobileNav, NavLinks, SignOutButton } from './shell-client';

/**
 * The frame of every signed-in page. From 768 px a sidebar; below it (phones) a header with a
 * menu button that opens the same links, so the page itself never needs more than the screen's width.
 */
export async function AppShell({ actor, children, headerExtra }: { actor: Actor; children: ReactNode; headerExtra?: ReactNode }) {
  const { t } = await getI18n();
  const brand = (
    <Link href={homeFor(actor.role)} className="block min-w-0">
      <span className="block truncate text-sm font-semibold text-slate-900">{t('console.title')}</span>
      <span className="block truncate text-xs text-slate-500">{t('console.subtitle')}</span>
    </Link>
  );
  return (
    <div className="flex min-h-screen">
      <aside className="no-print hidden w-52 shrink-0 border-r border-slate-200 bg-white px-3 py-4 md:block">
        <div className="mb-5 px-2.5">{brand}</div>
        <nav aria-label={t('shell.mainNav')}>
          <NavLinks items={NAV[actor.role]} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="no-print relative flex min-h-11 flex-wrap items-center justify-end gap-x-3 gap-y-1 border-b border-slate-200 bg-white px-3 py-1.5 md:px-5">
          <div className="mr-auto flex min-w-0 items-center gap-2 md:hidden">
            <MobileNav items={NAV[actor.role]} />
            {brand}
          </div>
          <div className="md:mr-auto">
            <CommandPalette />
          </div>
          {headerExtra}
          <LanguageSwitcher />
          <span className="hidden max-w-64 truncate text-xs text-slate-700 lg:inline" data-testid="whoami">
            {actor.name} · {actor.email}
          </span>
          <Badge tone={actor.role === 'OPS' ? 'violet' : actor.role === 'ACCOUNT_MANAGER' ? 'blue' : 'green'}>{t(`role.${actor.role}`)}</Badge>
          <SignOutButton />
        </header>
        {/* break-words: a long token (a CSV header, an id) wraps instead of widening the page. */}
        <main className="min-w-0 flex-1 px-3 py-4 break-words md:px-6 md:py-5">{children}</main>
      </div>
    </div>
  );
}
