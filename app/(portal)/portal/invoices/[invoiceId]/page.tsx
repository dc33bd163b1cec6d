import { notFound } from 'next/navigation';
import { InvoiceDocument } from '@/components/invoices/invoice-document';
import { InvoiceUsage } from '@/components/invoices/invoice-usage';
import { PrintButton } from '@/components/invoices/print-button';
import { InvoiceMoneyPanel } from '@/components/money/invoice-money';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/guard';
import { getInvoiceMoney } from '@/lib/balances/queries';
import { today } from '@/lib/clock';
import { getI18n } from '@/lib/i18n/server';
import { getInvoice, getInvoiceUsage } from '@/lib/invoices/queries';
import { invoiceIdSchema } from '@/lib/invoices/schemas';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.portalBill');

/** The customer's view of one of their invoices: the same document, read through their scope. */
export default async function PortalInvoicePage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const actor = await requireRole('CUSTOMER');
  const id = invoiceIdSchema.safeParse((await params).invoiceId);
  if (!id.success) notFound();
  const invoice = await getInvoice(actor, id.data);
  if (!invoice) notFound();
  const [{ t, locale }, usage, money] = await Promise.all([getI18n(), getInvoiceUsage(invoice), getInvoiceMoney(actor, invoice.id, today())]);
  const title = invoice.number ?? t('invoice.draftNumber', { id: invoice.id });
  return (
    <div className="flex flex-col gap-4">
      <div className="no-print">
        <PageHeader
          title={t('invoice.title', { number: title })}
          description={t('bills.invoiceDescription', { month: invoice.month })}
          breadcrumbs={[{ label: t('nav.bills'), href: '/portal/invoices' }, { label: title }]}
          actions={
            <>
              <a href={`/portal/invoices/${invoice.id}/csv`} className={buttonClass('secondary')} download>
                {t('invoice.csv')}
              </a>
              <a href={`/portal/invoices/${invoice.id}/pdf`} className={buttonClass('secondary')} download>
                {t('money.pdf')}
              </a>
              <PrintButton />
            </>
          }
        />
      </div>
      <InvoiceDocument invoice={invoice} t={t} locale={locale} basePath="/portal/invoices" />
      {money && invoice.status !== 'VOID' ? (
        <div className="no-print">
          <InvoiceMoneyPanel money={money} t={t} locale={locale} creditNotePdf={(id) => `/portal/credit-notes/${id}/pdf`} />
        </div>
      ) : null}
      <InvoiceUsage invoice={invoice} series={usage} t={t} locale={locale} />
    </div>
  );
}
