import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Actor } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';
import { CommandPalette } from '../search/command-palette';
import { Badge } from '../ui/badge';
import { homeFor, NAV } from './nav';
import { LanguageSwitcher, NavLinks, SignOutButton } from './shell-client';

export async function AppShell({ actor, children }: { actor: Actor; children: ReactNode }) {
  const { t } = await getI18n();
  return (
    <div className="flex min-h-screen">
      <aside className="no-print w-52 shrink-0 border-r border-slate-200 bg-white px-3 py-4">
        <Link href={homeFor(actor.role)} className="mb-5 block px-2.5">
          <span className="block text-sm font-semibold text-slate-900">{t('console.title')}</span>
          <span className="block text-xs text-slate-500">{t('console.subtitle')}</span>
        </Link>
        <nav aria-label="Main">
          <NavLinks items={NAV[actor.role]} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="no-print flex h-11 items-center justify-end gap-3 border-b border-slate-200 bg-white px-5">
          <div className="mr-auto">
            <CommandPalette />
          </div>
          <LanguageSwitcher />
          <span className="text-xs text-slate-700" data-testid="whoami">
            {actor.name} · {actor.email}
          </span>
          <Badge tone={actor.role === 'OPS' ? 'violet' : actor.role === 'ACCOUNT_MANAGER' ? 'blue' : 'green'}>{t(`role.${actor.role}`)}</Badge>
          <SignOutButton />
        </header>
        <main className="min-w-0 flex-1 px-6 py-5">{children}</main>
      </div>
    </div>
  );
}
