import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccountOverview } from '@/components/accounts/account-overview';
import { AppsTable } from '@/components/accounts/apps-table';
import { AccountMigrationCard } from '@/components/migrations/account-migration-card';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { listAccountApps } from '@/lib/accounts/apps';
import { getAccount } from '@/lib/accounts/queries';
import { requireRole } from '@/lib/auth/guard';
import { today } from '@/lib/clock';
import { getI18n } from '@/lib/i18n/server';
import { getAccountMigrationStatus } from '@/lib/migrations/queries';

export const metadata: Metadata = { title: 'My account' };

/** The customer's home: their own account only, whatever the URL says. */
export default async function PortalHome() {
  const actor = await requireRole('CUSTOMER');
  if (actor.accountId === null) notFound();
  const accountId = actor.accountId;
  const [{ t }, account, apps, migration] = await Promise.all([getI18n(), getAccount(accountId), listAccountApps(accountId, today()), getAccountMigrationStatus(accountId)]);
  if (!account) notFound();
  return (
    <>
      <PageHeader title={account.name} description={t('home.title')} breadcrumbs={[{ label: t('nav.home') }]} />
      <div className="flex flex-col gap-4">
        <div className="grid gap-4 lg:grid-cols-2">
          <AccountOverview account={account} />
          <AccountMigrationCard accountId={accountId} actor={actor} status={migration} />
        </div>
        <Card title={t('home.apps')}>
          <AppsTable apps={apps} hrefFor={(id) => `/portal/apps/${id}`} />
        </Card>
      </div>
    </>
  );
}
