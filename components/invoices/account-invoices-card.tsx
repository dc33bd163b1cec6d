import Link from 'next/link';
import type { Actor } from '@/lib/auth/guard';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { listAccountInvoices } from '@/lib/invoices/queries';
import { LinkButton } from '../ui/button';
import { Card } from '../ui/card';
import { EmptyState } from '../ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { InvoiceStatusBadge } from './status-badge';

/**
 * The account page's invoices, newest first: every status for ops and the account's manager,
 * only issued, paid and void ones for the customer (the query's scope decides, not this view).
 */
export async function AccountInvoicesCard({ accountId, actor }: { accountId: number; actor: Actor }) {
  const [{ t, locale }, invoices] = await Promise.all([getI18n(), listAccountInvoices(actor, accountId, 12)]);
  const customer = actor.role === 'CUSTOMER';
  const base = customer ? '/portal/invoices' : '/invoices';
  const all = customer ? '/portal/invoices' : `/invoices?q=${accountId}`;
  return (
    <Card
      title={t('accountInvoices.title')}
      actions={
        <LinkButton href={all} size="sm">
          {t('accountInvoices.all')}
        </LinkButton>
      }
    >
      {invoices.length === 0 ? (
        <EmptyState title={t(customer ? 'accountInvoices.emptyCustomer' : 'accountInvoices.empty')} />
      ) : (
        <Table>
          <THead>
            <tr>
              <TH>{t('invoices.col.number')}</TH>
              <TH>{t('invoices.col.month')}</TH>
              <TH>{t('invoices.col.status')}</TH>
              <TH className="text-right">{t('invoices.col.total')}</TH>
              <TH>{t('invoices.col.issued')}</TH>
            </tr>
          </THead>
          <TBody>
            {invoices.map((invoice) => (
              <TR key={invoice.id}>
                <TD>
                  <Link href={`${base}/${invoice.id}`} className="font-mono text-xs font-medium text-sky-800 hover:underline">
                    {invoice.number ?? t('invoices.draftNumber', { id: invoice.id })}
                  </Link>
                </TD>
                <TD className="tabular-nums">{invoice.month}</TD>
                <TD>
                  <InvoiceStatusBadge status={invoice.status} />
                </TD>
                <TD className={invoice.status === 'VOID' ? 'text-right text-slate-400 tabular-nums line-through' : 'text-right tabular-nums'}>
                  {formatMoney(invoice.total, invoice.currency, locale)}
                </TD>
                <TD className="text-xs text-slate-600 tabular-nums">
                  {invoice.issuedAt ? formatDateTime(invoice.issuedAt, locale) : t('invoices.planned', { date: invoice.plannedIssueDate })}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
