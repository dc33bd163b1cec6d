import { UsageImport } from '@/components/usage/usage-import';
import { UsageTable } from '@/components/usage/usage-table';
import { LinkButton } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/guard';
import { previousMonth } from '@/lib/billing-runs/schemas';
import { today } from '@/lib/clock';
import { getI18n } from '@/lib/i18n/server';
import { listUsage } from '@/lib/usage/queries';
import { parseUsageSearch } from '@/lib/usage/schemas';
import type { SearchParams } from '@/lib/validation/table';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.usage');

function recentMonths(day: string, count: number): string[] {
  const months = [day.slice(0, 7)];
  while (months.length < count) months.push(previousMonth(`${months[months.length - 1]}-01`));
  return months;
}

export default async function UsagePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole('OPS');
  const search = parseUsageSearch(await searchParams);
  const [{ t }, page] = await Promise.all([getI18n(), listUsage(search)]);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={t('usage.title')}
        description={t('usage.description')}
        breadcrumbs={[{ label: t('nav.usage') }]}
        actions={<LinkButton href="/api-keys">{t('nav.apiKeys')}</LinkButton>}
      />
      <Card title={t('usage.import.title')}>
        <UsageImport />
      </Card>
      <UsageTable rows={page.rows} pageCount={page.pageCount} rowCount={page.rowCount} rowCountCapped={page.rowCountCapped} months={recentMonths(today(), 6)} />
    </div>
  );
}
