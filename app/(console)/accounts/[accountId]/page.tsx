import { notFound } from 'next/navigation';
import { AccountOverview } from '@/components/accounts/account-overview';
import { AccountTimeline } from '@/components/accounts/account-timeline';
import { AppsTable } from '@/components/accounts/apps-table';
import { AccountInvoicesCard } from '@/components/invoices/account-invoices-card';
import { BalanceActions } from '@/components/money/balance-actions';
import { BalanceCard } from '@/components/money/balance-card';
import { AccountMigrationCard } from '@/components/migrations/account-migration-card';
import { AccountPlanActions } from '@/components/plans/account-plan-actions';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { listAccountApps } from '@/lib/accounts/apps';
import { getAccount } from '@/lib/accounts/queries';
import { getAccountTimeline } from '@/lib/accounts/timeline';
import { accountIdSchema } from '@/lib/accounts/schemas';
import { requireAccountAccess, requireRole } from '@/lib/auth/guard';
import { getAccountMoney } from '@/lib/balances/queries';
import { today } from '@/lib/clock';
import { getI18n } from '@/lib/i18n/server';
import { listAccountInvoices } from '@/lib/invoices/queries';
import { getAccountMigrationStatus } from '@/lib/migrations/queries';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.account');

export default async function AccountPage({ params }: { params: Promise<{ accountId: string }> }) {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  const parsed = accountIdSchema.safeParse((await params).accountId);
  if (!parsed.success) notFound();
  const accountId = parsed.data;
  await requireAccountAccess(actor, accountId);
  const [{ t, locale }, account, apps, timeline, money, migration, invoices] = await Promise.all([
    getI18n(),
    getAccount(accountId),
    listAccountApps(accountId, today()),
    getAccountTimeline(accountId),
    getAccountMoney(actor, accountId, today()),
    getAccountMigrationStatus(accountId),
    listAccountInvoices(actor, accountId, 12),
  ]);
  if (!account || !money) notFound();
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
        <Card
          title={t('account.apps')}
          actions={
            <a href={`/accounts/${accountId}/apps.csv`} download className="text-xs text-sky-800 hover:underline">
              {t('export.csv')}
            </a>
          }
        >
          <AppsTable apps={apps} hrefFor={(id) => `/accounts/${accountId}/apps/${id}`} />
        </Card>
        <AccountInvoicesCard accountId={accountId} invoices={invoices} />
        <BalanceCard
          balances={money.balances}
          ledger={money.ledger}
          t={t}
          locale={locale}
          invoiceHref={(id) => `/invoices/${id}`}
          actions={actor.role === 'OPS' ? <BalanceActions accountId={accountId} currencies={money.balances.map((b) => b.currency)} /> : undefined}
        />
        <AccountTimeline events={timeline.events} truncated={timeline.truncated} />
      </div>
    </>
  );
}
