import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { requireRole } from '@/lib/auth/guard';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  return <AppShell actor={actor}>{children}</AppShell>;
}
