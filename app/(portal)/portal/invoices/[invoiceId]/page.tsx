import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InvoiceDocument } from '@/components/invoices/invoice-document';
import { InvoiceUsage } from '@/components/invoices/invoice-usage';
import { PrintButton } from '@/components/invoices/print-button';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';
import { getInvoice, getInvoiceUsage } from '@/lib/invoices/queries';
import { invoiceIdSchema } from '@/lib/invoices/schemas';

export const metadata: Metadata = { title: 'Bill' };

/** The customer's view of one of their invoices: the same document, read through their scope. */
export default async function PortalInvoicePage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const actor = await requireRole('CUSTOMER');
  const id = invoiceIdSchema.safeParse((await params).invoiceId);
  if (!id.success) notFound();
  const invoice = await getInvoice(actor, id.data);
  if (!invoice) notFound();
  const [{ t, locale }, usage] = await Promise.all([getI18n(), getInvoiceUsage(invoice)]);
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
              <PrintButton />
            </>
          }
        />
      </div>
      <InvoiceDocument invoice={invoice} t={t} locale={locale} basePath="/portal/invoices" />
      <InvoiceUsage invoice={invoice} series={usage} t={t} locale={locale} />
    </div>
  );
}
