import { AuditTable } from '@/components/audit/audit-table';
import { PageHeader } from '@/components/ui/page-header';
import { listAuditActions, listAuditEntries } from '@/lib/audit/queries';
import { parseAuditSearch } from '@/lib/audit/schemas';
import { requireRole } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';
import type { SearchParams } from '@/lib/validation/table';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.audit');

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole('OPS');
  const search = parseAuditSearch(await searchParams);
  const [{ t }, page, actions] = await Promise.all([getI18n(), listAuditEntries(search), listAuditActions()]);
  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} breadcrumbs={[{ label: t('nav.audit') }]} />
      <AuditTable rows={page.rows} pageCount={page.pageCount} rowCount={page.rowCount} actions={actions} />
    </>
  );
}
