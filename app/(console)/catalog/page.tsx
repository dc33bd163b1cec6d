import { EditionMatrix } from '@/components/catalog/edition-matrix';
import { PriceBooks } from '@/components/catalog/price-books';
import { FormMessage } from '@/components/ui/form';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/guard';
import { listPriceBooks } from '@/lib/catalog/queries';
import { today } from '@/lib/clock';
import { getI18n } from '@/lib/i18n/server';
import { first, type SearchParams } from '@/lib/validation/table';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.catalog');

/** Both schemes' editions and price books: ops and account managers read, only ops add versions. */
export default async function CatalogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  const added = first((await searchParams).added);
  const [{ t }, books] = await Promise.all([getI18n(), listPriceBooks(today())]);
  const canEdit = actor.role === 'OPS';
  const addedMatch = added && /^(LEGACY|CURRENT)-(\d+)$/.exec(added);
  return (
    <>
      <PageHeader title={t('catalog.title')} description={t('catalog.description')} breadcrumbs={[{ label: t('nav.catalog') }]} />
      <div className="flex flex-col gap-4">
        {addedMatch ? <FormMessage ok>{t('catalog.added', { scheme: addedMatch[1]!, version: addedMatch[2]! })}</FormMessage> : null}
        <div id="price-books" className="flex flex-col gap-4">
          <PriceBooks scheme="LEGACY" books={books} canEdit={canEdit} />
          <PriceBooks scheme="CURRENT" books={books} canEdit={canEdit} />
        </div>
        <EditionMatrix scheme="LEGACY" />
        <EditionMatrix scheme="CURRENT" />
      </div>
    </>
  );
}
