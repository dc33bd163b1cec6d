import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DraftChangesNote } from '@/components/invoices/draft-changes-note';
import { InvoiceActions } from '@/components/invoices/invoice-actions';
import { InvoiceDocument } from '@/components/invoices/invoice-document';
import { InvoiceUsage } from '@/components/invoices/invoice-usage';
import { PrintButton } from '@/components/invoices/print-button';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';
import { getDraftChanges, getInvoice, getInvoiceUsage } from '@/lib/invoices/queries';
import { invoiceIdSchema } from '@/lib/invoices/schemas';

export const metadata: Metadata = { title: 'Invoice' };

export default async function InvoicePage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  const id = invoiceIdSchema.safeParse((await params).invoiceId);
  if (!id.success) notFound();
  const invoice = await getInvoice(actor, id.data);
  if (!invoice) notFound();
  const [{ t, locale }, usage, changes] = await Promise.all([getI18n(), getInvoiceUsage(invoice), getDraftChanges(invoice)]);
  const title = invoice.number ?? t('invoice.draftNumber', { id: invoice.id });
  return (
    <div className="flex flex-col gap-4">
      <div className="no-print">
        <PageHeader
          title={t('invoice.title', { number: title })}
          description={t('invoice.description', { account: invoice.account.name, month: invoice.month })}
          breadcrumbs={[{ label: t('nav.invoices'), href: '/invoices' }, { label: invoice.account.name, href: `/accounts/${invoice.account.id}` }, { label: title }]}
          actions={
            <>
              {actor.role === 'OPS' ? (
                <InvoiceActions id={invoice.id} status={invoice.status} corrected={invoice.replacedBy !== null} plannedDate={invoice.plannedIssueDate} />
              ) : null}
              <a href={`/invoices/${invoice.id}/csv`} className={buttonClass('secondary')} download>
                {t('invoice.csv')}
              </a>
              <PrintButton />
            </>
          }
        />
      </div>
      {changes ? <DraftChangesNote changes={changes} month={invoice.month} t={t} locale={locale} /> : null}
      <InvoiceDocument invoice={invoice} t={t} locale={locale} basePath="/invoices" />
      <InvoiceUsage invoice={invoice} series={usage} t={t} locale={locale} />
    </div>
  );
}
