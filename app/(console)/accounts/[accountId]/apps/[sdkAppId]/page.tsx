import { notFound } from 'next/navigation';
import { AppDetail } from '@/components/accounts/app-detail';
import { AppPlanPanel } from '@/components/plans/app-plan-panel';
import { PageHeader } from '@/components/ui/page-header';
import { getAccountApp } from '@/lib/accounts/apps';
import { getAccount } from '@/lib/accounts/queries';
import { accountIdSchema, sdkAppIdSchema } from '@/lib/accounts/schemas';
import { requireAccountAccess, requireRole } from '@/lib/auth/guard';
import { today } from '@/lib/clock';
import { getI18n } from '@/lib/i18n/server';
import { getAppPlanPanel } from '@/lib/plans/queries';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.app');

export default async function AppPage({ params }: { params: Promise<{ accountId: string; sdkAppId: string }> }) {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  const raw = await params;
  const accountId = accountIdSchema.safeParse(raw.accountId);
  const sdkAppId = sdkAppIdSchema.safeParse(raw.sdkAppId);
  if (!accountId.success || !sdkAppId.success) notFound();
  await requireAccountAccess(actor, accountId.data);
  const day = today();
  const [{ t }, account, app, panel] = await Promise.all([
    getI18n(),
    getAccount(accountId.data),
    getAccountApp(accountId.data, sdkAppId.data, day),
    getAppPlanPanel(accountId.data, sdkAppId.data, day),
  ]);
  if (!account || !app) notFound();
  return (
    <>
      <PageHeader
        title={`${app.name}`}
        description={t('app.title', { id: app.sdkAppId })}
        breadcrumbs={[
          { label: t('nav.accounts'), href: '/accounts' },
          { label: account.name, href: `/accounts/${account.id}` },
          { label: app.sdkAppId },
        ]}
      />
      <div className="flex flex-col gap-4">
        <AppDetail app={app} />
        <AppPlanPanel data={panel} actor={actor} />
      </div>
    </>
  );
}
