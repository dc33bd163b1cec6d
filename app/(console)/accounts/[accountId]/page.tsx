import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccountOverview } from '@/components/accounts/account-overview';
import { AppsTable } from '@/components/accounts/apps-table';
import { AccountInvoicesCard } from '@/components/invoices/account-invoices-card';
import { AccountMigrationCard } from '@/components/migrations/account-migration-card';
import { AccountPlanActions } from '@/components/plans/account-plan-actions';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { listAccountApps } from '@/lib/accounts/apps';
import { getAccount } from '@/lib/accounts/queries';
import { accountIdSchema } from '@/lib/accounts/schemas';
import { requireAccountAccess, requireRole } from '@/lib/auth/guard';
import { today } from '@/lib/clock';
import { getI18n } from '@/lib/i18n/server';
import { listAccountInvoices } from '@/lib/invoices/queries';
import { getAccountMigrationStatus } from '@/lib/migrations/queries';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage({ params }: { params: Promise<{ accountId: string }> }) {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  const parsed = accountIdSchema.safeParse((await params).accountId);
  if (!parsed.success) notFound();
  const accountId = parsed.data;
  await requireAccountAccess(actor, accountId);
  const [{ t }, account, apps, migration, invoices] = await Promise.all([
    getI18n(),
    getAccount(accountId),
    listAccountApps(accountId, today()),
    getAccountMigrationStatus(accountId),
    listAccountInvoices(actor, accountId, 12),
  ]);
  if (!account) notFound();
  return (
    <>
      <PageHeader
        title={account.name}
        description={t('account.title', { id: account.id })}
        breadcrumbs={[{ label: t('nav.accounts'), href: '/accounts' }, { label: account.name }]}
        actions={<AccountPlanActions accountId={accountId} scheme={account.scheme} actor={actor} />}
      />
      <div className="flex flex-col gap-4">
        <div className="grid gap-4 lg:grid-cols-2">
          <AccountOverview account={account} />
          <AccountMigrationCard accountId={accountId} actor={actor} status={migration} />
        </div>
        <Card title={t('account.apps')}>
          <AppsTable apps={apps} hrefFor={(id) => `/accounts/${accountId}/apps/${id}`} />
        </Card>
        <AccountInvoicesCard accountId={accountId} invoices={invoices} />
      </div>
    </>
  );
}
