import { notFound } from 'next/navigation';
import { AppDetail } from '@/components/accounts/app-detail';
import { AppPlanPanel } from '@/components/plans/app-plan-panel';
import { OverdueNotice } from '@/components/portal/overdue-notice';
import { PageHeader } from '@/components/ui/page-header';
import { getAccountApp } from '@/lib/accounts/apps';
import { sdkAppIdSchema } from '@/lib/accounts/schemas';
import { requireRole } from '@/lib/auth/guard';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { hasInvoiceOverdueOver30Days } from '@/lib/invoices/overdue';
import { getI18n } from '@/lib/i18n/server';
import { getAppPlanPanel } from '@/lib/plans/queries';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.app');

/** The customer's app: its plan and the self-service actions; an SDKAppID of another account is simply not found. */
export default async function PortalAppPage({ params }: { params: Promise<{ sdkAppId: string }> }) {
  const actor = await requireRole('CUSTOMER');
  const sdkAppId = sdkAppIdSchema.safeParse((await params).sdkAppId);
  if (!sdkAppId.success || actor.accountId === null) notFound();
  const day = today();
  const [{ t }, app, panel, overdue] = await Promise.all([
    getI18n(),
    getAccountApp(actor.accountId, sdkAppId.data, day),
    getAppPlanPanel(actor.accountId, sdkAppId.data, day),
    hasInvoiceOverdueOver30Days(db, actor.accountId, day),
  ]);
  if (!app) notFound();
  return (
    <>
      <PageHeader
        title={app.name}
        description={t('app.title', { id: app.sdkAppId })}
        breadcrumbs={[{ label: t('nav.home'), href: '/portal' }, { label: app.sdkAppId }]}
      />
      <div className="flex flex-col gap-4">
        {overdue ? <OverdueNotice t={t} /> : null}
        <AppDetail app={app} />
        <AppPlanPanel data={panel} actor={actor} />
      </div>
    </>
  );
}
