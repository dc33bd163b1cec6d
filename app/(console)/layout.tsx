import type { ReactNode } from 'react';
import { SavedViewsOwner } from '@/components/data-table/saved-views';
import { AppShell } from '@/components/shell/app-shell';
import { requireRole } from '@/lib/auth/guard';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  return (
    <SavedViewsOwner id={actor.id}>
      <AppShell actor={actor}>{children}</AppShell>
    </SavedViewsOwner>
  );
}
