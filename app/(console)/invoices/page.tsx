import { CurrencyTotals } from '@/components/invoices/currency-totals';
import { InvoicesTable } from '@/components/invoices/invoices-table';
import { IssueMonthButton } from '@/components/invoices/issue-month-button';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/guard';
import { plannedIssueDate } from '@/lib/billing-runs/schemas';
import { getI18n } from '@/lib/i18n/server';
import { countDrafts, listInvoiceMonths, listInvoices } from '@/lib/invoices/queries';
import { parseInvoicesSearch } from '@/lib/invoices/schemas';
import type { SearchParams } from '@/lib/validation/table';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.invoices');

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  const search = parseInvoicesSearch(await searchParams);
  const [{ t, locale }, page, months, drafts] = await Promise.all([
    getI18n(),
    listInvoices(actor, search),
    listInvoiceMonths(actor),
    search.month && actor.role === 'OPS' ? countDrafts(search.month) : Promise.resolve(0),
  ]);
  return (
    <>
      <PageHeader
        title={t('invoices.title')}
        description={t('invoices.description')}
        breadcrumbs={[{ label: t('nav.invoices') }]}
        actions={
          actor.role === 'OPS' ? (
            <>
              {search.month && drafts > 0 ? <IssueMonthButton month={search.month} drafts={drafts} plannedDate={plannedIssueDate(search.month)} /> : null}
              <LinkButton href="/billing-runs">{t('nav.billingRuns')}</LinkButton>
            </>
          ) : null
        }
      />
      <CurrencyTotals totals={page.totals} t={t} locale={locale} />
      <InvoicesTable rows={page.rows} pageCount={page.pageCount} rowCount={page.rowCount} months={months} variant="console" canIssue={actor.role === 'OPS'} />
    </>
  );
}
