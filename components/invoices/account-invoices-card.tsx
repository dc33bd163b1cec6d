import Link from 'next/link';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import type { AccountInvoiceRow } from '@/lib/invoices/queries';
import { LinkButton } from '../ui/button';
import { Card } from '../ui/card';
import { EmptyState } from '../ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { PlannedIssue } from './planned-issue';
import { InvoiceStatusBadge } from './status-badge';

/**
 * The console account page's invoices (ops and the account's manager), newest first, every
 * status; customers read theirs in the portal.
 */
export async function AccountInvoicesCard({ accountId, invoices }: { accountId: number; invoices: readonly AccountInvoiceRow[] }) {
  const { t, locale } = await getI18n();
  return (
    <Card
      title={t('accountInvoices.title')}
      actions={
        <LinkButton href={`/invoices?q=${accountId}`} size="sm">
          {t('accountInvoices.all')}
        </LinkButton>
      }
    >
      {invoices.length === 0 ? (
        <EmptyState title={t('accountInvoices.empty')} />
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
                  <Link href={`/invoices/${invoice.id}`} className="font-mono text-xs font-medium text-sky-800 hover:underline">
                    {invoice.number ?? t('invoices.draftNumber', { id: invoice.id })}
                  </Link>
                </TD>
                <TD className="tabular-nums">{invoice.month}</TD>
                <TD>
                  <InvoiceStatusBadge status={invoice.status} />
                </TD>
                <TD className={invoice.status === 'VOID' ? 'text-right text-slate-500 tabular-nums line-through' : 'text-right tabular-nums'}>
                  {formatMoney(invoice.total, invoice.currency, locale)}
                </TD>
                <TD className="text-xs text-slate-600 tabular-nums">
                  {invoice.issuedAt ? formatDateTime(invoice.issuedAt, locale) : <PlannedIssue date={invoice.plannedIssueDate} overdue={invoice.issueOverdue} t={t} />}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
