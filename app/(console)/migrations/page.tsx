import { TicketsTable } from '@/components/migrations/tickets-table';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';
import { listTickets } from '@/lib/migrations/queries';
import { parseTicketsSearch } from '@/lib/migrations/schemas';
import type { SearchParams } from '@/lib/validation/table';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.migrations');

export default async function MigrationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  const search = parseTicketsSearch(await searchParams);
  const [{ t }, page] = await Promise.all([getI18n(), listTickets(actor, search)]);
  return (
    <>
      <PageHeader
        title={t('migrations.title')}
        description={t('migrations.description')}
        breadcrumbs={[{ label: t('nav.migrations') }]}
        actions={
          <LinkButton href="/migrations/new" variant="primary">
            {t('migrations.new')}
          </LinkButton>
        }
      />
      <TicketsTable rows={page.rows} pageCount={page.pageCount} rowCount={page.rowCount} />
    </>
  );
}
