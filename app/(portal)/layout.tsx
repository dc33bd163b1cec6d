import type { ReactNode } from 'react';
import { PortalBell } from '@/components/portal/portal-bell';
import { AppShell } from '@/components/shell/app-shell';
import { requireRole } from '@/lib/auth/guard';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireRole('CUSTOMER');
  return (
    <AppShell actor={actor} headerExtra={<PortalBell actor={actor} />}>
      {children}
    </AppShell>
  );
}
