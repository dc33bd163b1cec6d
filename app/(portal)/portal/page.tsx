import { notFound } from 'next/navigation';
import { AccountOverview } from '@/components/accounts/account-overview';
import { AppsTable } from '@/components/accounts/apps-table';
import { AccountMigrationCard } from '@/components/migrations/account-migration-card';
import { BalanceCard } from '@/components/money/balance-card';
import { CreateAppButton } from '@/components/plans/create-app-button';
import { editionLabel } from '@/components/plans/labels';
import { OverdueNotice } from '@/components/portal/overdue-notice';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { listAccountApps } from '@/lib/accounts/apps';
import { getAccount } from '@/lib/accounts/queries';
import { requireRole } from '@/lib/auth/guard';
import { getAccountMoney } from '@/lib/balances/queries';
import { DEFAULT_EDITION } from '@/lib/billing/catalog';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { hasInvoiceOverdueOver30Days } from '@/lib/invoices/overdue';
import { getI18n } from '@/lib/i18n/server';
import { getAccountMigrationStatus } from '@/lib/migrations/queries';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.portalHome');

/** The customer's home: their own account only, whatever the URL says. */
export default async function PortalHome() {
  const actor = await requireRole('CUSTOMER');
  if (actor.accountId === null) notFound();
  const accountId = actor.accountId;
  const day = today();
  const [{ t, locale }, account, apps, money, overdue, migration] = await Promise.all([
    getI18n(),
    getAccount(accountId),
    listAccountApps(accountId, day),
    getAccountMoney(actor, accountId, day),
    hasInvoiceOverdueOver30Days(db, accountId, day),
    getAccountMigrationStatus(accountId),
  ]);
  if (!account || !money) notFound();
  return (
    <>
      <PageHeader
        title={account.name}
        description={t('home.title')}
        breadcrumbs={[{ label: t('nav.home') }]}
        actions={<CreateAppButton accountId={accountId} startsOn={editionLabel(DEFAULT_EDITION[account.scheme])} />}
      />
      <div className="flex flex-col gap-4">
        {overdue ? <OverdueNotice t={t} /> : null}
        <div className="grid gap-4 lg:grid-cols-2">
          <AccountOverview account={account} viewer="CUSTOMER" />
          <AccountMigrationCard accountId={accountId} actor={actor} status={migration} />
        </div>
        <BalanceCard
          balances={money.balances}
          ledger={money.ledger}
          t={t}
          locale={locale}
          invoiceHref={(id) => `/portal/invoices/${id}`}
          hint={t('money.portal.balanceHint')}
        />
        <Card title={t('home.apps')}>
          <AppsTable apps={apps} hrefFor={(id) => `/portal/apps/${id}`} />
        </Card>
      </div>
    </>
  );
}
