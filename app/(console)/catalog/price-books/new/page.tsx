import { z } from 'zod';
import { PriceBookForm } from '@/components/catalog/price-book-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/guard';
import { CURRENCY, SCHEME_INFO, SCHEMES } from '@/lib/billing/catalog';
import { addDays } from '@/lib/billing/dates';
import { nextPriceBookDraft } from '@/lib/catalog/queries';
import { today } from '@/lib/clock';
import { getI18n } from '@/lib/i18n/server';
import { first, type SearchParams } from '@/lib/validation/table';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.priceBookNew');

const schemeParam = z.enum(SCHEMES).catch('LEGACY');

export default async function NewPriceBookPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole('OPS');
  const scheme = schemeParam.parse(first((await searchParams).scheme));
  const [{ t }, draft] = await Promise.all([getI18n(), nextPriceBookDraft(scheme)]);
  const tomorrow = addDays(today(), 1);
  const minDate = draft.lastEffectiveFrom && draft.lastEffectiveFrom >= tomorrow ? addDays(draft.lastEffectiveFrom, 1) : tomorrow;
  return (
    <>
      <PageHeader
        title={t('catalog.form.title', { scheme: `${SCHEME_INFO[scheme].nameEn} ${SCHEME_INFO[scheme].nameZh}` })}
        description={t('catalog.form.description')}
        breadcrumbs={[{ label: t('nav.catalog'), href: '/catalog' }, { label: t('catalog.form.crumb', { version: draft.version }) }]}
      />
      <PriceBookForm scheme={scheme} version={draft.version} minDate={minDate} prices={draft.prices} currency={CURRENCY[scheme]} />
    </>
  );
}
