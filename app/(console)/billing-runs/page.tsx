import { RunMonthForm } from '@/components/billing-runs/run-month-form';
import { RunPoller } from '@/components/billing-runs/run-poller';
import { RunsTable } from '@/components/billing-runs/runs-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/guard';
import { listBillingRuns } from '@/lib/billing-runs/queries';
import { parseRunsSearch, previousMonth } from '@/lib/billing-runs/schemas';
import { today } from '@/lib/clock';
import { getI18n } from '@/lib/i18n/server';
import type { SearchParams } from '@/lib/validation/table';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.billingRuns');

export default async function BillingRunsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole('OPS');
  const search = parseRunsSearch(await searchParams);
  const [{ t }, page] = await Promise.all([getI18n(), listBillingRuns(search)]);
  const latest = previousMonth(today());
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t('runs.title')} description={t('runs.description')} breadcrumbs={[{ label: t('nav.billingRuns') }]} />
      <Card title={t('runs.form.title')}>
        <RunMonthForm defaultMonth={latest} latestMonth={latest} />
      </Card>
      <RunPoller active={page.rows.some((r) => r.status === 'RUNNING' && !r.stale)} />
      <RunsTable rows={page.rows} pageCount={page.pageCount} rowCount={page.rowCount} />
    </div>
  );
}
