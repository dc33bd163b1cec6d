import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { requireRole } from '@/lib/auth/guard';
import { AGING_BUCKETS, getAging, listOpenInvoices } from '@/lib/balances/queries';
import { today } from '@/lib/clock';
import { formatMoney } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.receivables');

/** Receivables aging per currency (current, 1–30, 31–60, 61–90, 90+ days overdue) and the open invoices behind it. */
export default async function ReceivablesPage() {
  await requireRole('OPS');
  const day = today();
  const [{ t, locale }, aging, open] = await Promise.all([getI18n(), getAging(day), listOpenInvoices(day, 200)]);
  return (
    <>
      <PageHeader
        title={t('money.aging.title')}
        description={t('money.aging.description', { today: day })}
        breadcrumbs={[{ label: t('nav.receivables') }]}
        actions={
          <a className={buttonClass('secondary')} href="/receivables/csv" download>
            {t('money.aging.csv')}
          </a>
        }
      />
      <div className="flex flex-col gap-4">
        <Card title={t('money.aging.title')}>
          {aging.length === 0 ? (
            <EmptyState title={t('money.aging.empty')} />
          ) : (
            <div className="overflow-x-auto">
              <Table data-testid="aging">
                <THead>
                  <tr>
                    <TH>{t('money.aging.col.currency')}</TH>
                    {AGING_BUCKETS.map((b) => (
                      <TH key={b} className="text-right">
                        {t(`money.aging.col.${b}`)}
                      </TH>
                    ))}
                    <TH className="text-right">{t('money.aging.col.total')}</TH>
                    <TH className="text-right">{t('money.aging.col.invoices')}</TH>
                  </tr>
                </THead>
                <TBody>
                  {aging.map((row) => (
                    <TR key={row.currency}>
                      <TD className="font-medium">{row.currency}</TD>
                      {AGING_BUCKETS.map((b) => (
                        <TD key={b} className="text-right whitespace-nowrap tabular-nums">
                          {formatMoney(row[b], row.currency, locale)}
                        </TD>
                      ))}
                      <TD className="text-right font-semibold whitespace-nowrap tabular-nums">{formatMoney(row.total, row.currency, locale)}</TD>
                      <TD className="text-right tabular-nums">{row.invoices}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            </div>
          )}
        </Card>
        {open.length > 0 ? (
          <Card title={t('money.aging.open')}>
            <div className="overflow-x-auto">
              <Table>
                <THead>
                  <tr>
                    <TH>{t('money.aging.col.invoice')}</TH>
                    <TH>{t('money.aging.col.account')}</TH>
                    <TH>{t('money.aging.col.dueDate')}</TH>
                    <TH className="text-right">{t('money.aging.col.daysOverdue')}</TH>
                    <TH className="text-right">{t('money.aging.col.amountDue')}</TH>
                  </tr>
                </THead>
                <TBody>
                  {open.map((o) => (
                    <TR key={o.id}>
                      <TD>
                        <Link className="font-mono text-xs text-sky-800 hover:underline" href={`/invoices/${o.id}`}>
                          {o.number}
                        </Link>
                      </TD>
                      <TD>
                        <Link className="hover:underline" href={`/accounts/${o.accountId}`}>
                          {o.accountName}
                        </Link>
                      </TD>
                      <TD className="tabular-nums">{o.dueDate}</TD>
                      <TD className={o.daysOverdue > 0 ? 'text-right font-medium text-rose-700 tabular-nums' : 'text-right tabular-nums'}>{o.daysOverdue}</TD>
                      <TD className="text-right whitespace-nowrap tabular-nums">{formatMoney(o.amountDue, o.currency, locale)}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
