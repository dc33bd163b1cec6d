import type { Role } from '@/lib/generated/prisma/enums';
import type { MessageKey } from '@/lib/i18n/messages';

export type NavItem = { href: string; label: MessageKey };

/** What each role finds in the sidebar; every page checks the role again on the server. */
export const NAV: Record<Role, NavItem[]> = {
  OPS: [
    { href: '/dashboard', label: 'nav.dashboard' },
    { href: '/accounts', label: 'nav.accounts' },
    { href: '/invoices', label: 'nav.invoices' },
    { href: '/receivables', label: 'nav.receivables' },
    { href: '/billing-runs', label: 'nav.billingRuns' },
    { href: '/calendar', label: 'nav.calendar' },
    { href: '/usage', label: 'nav.usage' },
    { href: '/migrations', label: 'nav.migrations' },
    { href: '/catalog', label: 'nav.catalog' },
    { href: '/audit', label: 'nav.audit' },
    { href: '/api-keys', label: 'nav.apiKeys' },
    { href: '/api-docs', label: 'nav.apiDocs' },
  ],
  ACCOUNT_MANAGER: [
    { href: '/accounts', label: 'nav.accounts' },
    { href: '/migrations', label: 'nav.migrations' },
    { href: '/catalog', label: 'nav.catalog' },
  ],
  CUSTOMER: [
    { href: '/portal', label: 'nav.home' },
    { href: '/portal/month', label: 'nav.month' },
    { href: '/portal/invoices', label: 'nav.bills' },
    { href: '/portal/migration', label: 'nav.migration' },
  ],
};

export function homeFor(role: Role): string {
  return role === 'CUSTOMER' ? '/portal' : '/accounts';
}
