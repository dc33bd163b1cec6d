import { CurrencyTotals } from '@/components/invoices/currency-totals';
import { InvoicesTable } from '@/components/invoices/invoices-table';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';
import { listInvoiceMonths, listInvoices } from '@/lib/invoices/queries';
import { parseInvoicesSearch } from '@/lib/invoices/schemas';
import type { SearchParams } from '@/lib/validation/table';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.portalBills');

/** The customer's Bills: their own issued, paid and void invoices (the query's scope, not a filter). */
export default async function BillsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole('CUSTOMER');
  const search = parseInvoicesSearch(await searchParams);
  const [{ t, locale }, page, months] = await Promise.all([getI18n(), listInvoices(actor, search), listInvoiceMonths(actor)]);
  return (
    <>
      <PageHeader title={t('bills.title')} description={t('bills.description')} breadcrumbs={[{ label: t('nav.home'), href: '/portal' }, { label: t('nav.bills') }]} />
      <CurrencyTotals totals={page.totals} t={t} locale={locale} />
      <InvoicesTable rows={page.rows} pageCount={page.pageCount} rowCount={page.rowCount} months={months} variant="portal" />
    </>
  );
}
