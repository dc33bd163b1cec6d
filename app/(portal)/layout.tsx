import type { ReactNode } from 'react';
import { PortalBell } from '@/components/portal/portal-bell';
import { AppShell } from '@/components/shell/app-shell';
import { requireRole } from '@/lib/auth/guard';
import { today } from '@/lib/clock';
import { listNotifications } from '@/lib/notifications/queries';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireRole('CUSTOMER');
  const notifications = actor.accountId === null ? null : await listNotifications({ id: actor.id, accountId: actor.accountId }, today());
  return (
    <AppShell actor={actor} headerExtra={notifications ? <PortalBell list={notifications} /> : null}>
      {children}
    </AppShell>
  );
}
