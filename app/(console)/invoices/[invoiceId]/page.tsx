import { notFound } from 'next/navigation';
import { DraftChangesNote } from '@/components/invoices/draft-changes-note';
import { InvoiceActions } from '@/components/invoices/invoice-actions';
import { InvoiceDocument } from '@/components/invoices/invoice-document';
import { InvoiceUsage } from '@/components/invoices/invoice-usage';
import { PrintButton } from '@/components/invoices/print-button';
import { CreditNoteForm } from '@/components/money/credit-note-form';
import { creditableLines } from '@/components/money/creditable-lines';
import { InvoiceMoneyActions } from '@/components/money/invoice-money-actions';
import { InvoiceMoneyPanel } from '@/components/money/invoice-money';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/guard';
import { getInvoiceMoney } from '@/lib/balances/queries';
import { today } from '@/lib/clock';
import { getI18n } from '@/lib/i18n/server';
import { getDraftChanges, getInvoice, getInvoiceUsage } from '@/lib/invoices/queries';
import { invoiceIdSchema } from '@/lib/invoices/schemas';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.invoice');

export default async function InvoicePage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  const id = invoiceIdSchema.safeParse((await params).invoiceId);
  if (!id.success) notFound();
  const invoice = await getInvoice(actor, id.data);
  if (!invoice) notFound();
  const [{ t, locale }, usage, changes, money] = await Promise.all([getI18n(), getInvoiceUsage(invoice), getDraftChanges(invoice), getInvoiceMoney(actor, invoice.id, today())]);
  const issued = invoice.status !== 'DRAFT' && money !== null;
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
              {issued ? (
                <a href={`/invoices/${invoice.id}/pdf`} className={buttonClass('secondary')} download>
                  {t('money.pdf')}
                </a>
              ) : null}
              <PrintButton />
            </>
          }
        />
      </div>
      {changes ? <DraftChangesNote changes={changes} month={invoice.month} t={t} locale={locale} /> : null}
      <InvoiceDocument invoice={invoice} t={t} locale={locale} basePath="/invoices" />
      {issued && invoice.status !== 'VOID' ? (
        <div className="no-print">
          <InvoiceMoneyPanel
            money={money}
            t={t}
            locale={locale}
            creditNotePdf={(id) => `/credit-notes/${id}/pdf`}
            actions={
              actor.role === 'OPS' ? (
                <>
                  <InvoiceMoneyActions invoiceId={invoice.id} open={invoice.status === 'ISSUED' || invoice.status === 'PARTIALLY_PAID'} dueDate={money.dueDate} />
                  <CreditNoteForm invoiceId={invoice.id} invoiceNumber={invoice.number ?? ''} currency={invoice.currency} lines={creditableLines(invoice, money, locale)} />
                </>
              ) : null
            }
          />
        </div>
      ) : null}
      <InvoiceUsage invoice={invoice} series={usage} t={t} locale={locale} />
    </div>
  );
}
