import type { InvoiceMoney } from '@/lib/balances/queries';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/messages';
import type { Translate } from '@/lib/i18n/translate';
import { buttonClass } from '../ui/button';
import { Card } from '../ui/card';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';

/**
 * An issued invoice's money: amount due, due date (overdue flagged), what was paid and credited,
 * the payments applied and its credit notes with their PDFs, beside the invoice itself.
 */
export function InvoiceMoneyPanel({
  money,
  t,
  locale,
  creditNotePdf,
  actions,
}: {
  money: InvoiceMoney;
  t: Translate;
  locale: Locale;
  creditNotePdf: (id: number) => string;
  actions?: React.ReactNode;
}) {
  const fmt = (amount: string) => formatMoney(amount, money.currency, locale);
  return (
    <Card title={t('money.invoice.amountDue')} actions={actions}>
      <dl className="grid gap-3 sm:grid-cols-4" data-testid="invoice-money">
        <div>
          <dt className="text-xs text-slate-500">{t('money.invoice.amountDue')}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="invoice-amount-due">
            {fmt(money.amountDue)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('money.invoice.dueDate')}</dt>
          <dd className="text-sm font-medium tabular-nums" data-testid="invoice-due-date">
            {money.dueDate ?? '—'}
            {money.overdueDays > 0 ? (
              <span className="ml-2 rounded border border-rose-300 px-1.5 py-0.5 text-xs font-semibold text-rose-700" data-testid="invoice-overdue">
                {t('money.invoice.overdueDays', { days: money.overdueDays })}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('money.invoice.paid')}</dt>
          <dd className="text-sm font-medium tabular-nums" data-testid="invoice-paid">
            {fmt(money.paid)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t('money.invoice.credited')}</dt>
          <dd className="text-sm font-medium tabular-nums" data-testid="invoice-credited">
            {fmt(money.credited)}
          </dd>
        </div>
      </dl>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <section>
          <h3 className="mb-1 text-sm font-semibold text-slate-800">{t('money.invoice.payments')}</h3>
          {money.payments.length === 0 ? (
            <p className="text-sm text-slate-500">{t('money.invoice.noPayments')}</p>
          ) : (
            <ul className="text-sm">
              {money.payments.map((p) => (
                <li key={p.id} className="flex justify-between gap-3 border-b border-slate-100 py-1 tabular-nums">
                  <span className="text-slate-600">{formatDateTime(p.createdAt, locale)}</span>
                  <span>{fmt(p.amount)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <h3 className="mb-1 text-sm font-semibold text-slate-800">{t('money.invoice.creditNotes')}</h3>
          {money.creditNotes.length === 0 ? (
            <p className="text-sm text-slate-500">{t('money.invoice.noCreditNotes')}</p>
          ) : (
            <Table data-testid="credit-notes">
              <THead>
                <tr>
                  <TH>{t('money.cn.col.number')}</TH>
                  <TH>{t('money.cn.reasonLabel')}</TH>
                  <TH className="text-right">{t('money.cn.total')}</TH>
                  <TH />
                </tr>
              </THead>
              <TBody>
                {money.creditNotes.map((c) => (
                  <TR key={c.id}>
                    <TD className="font-mono text-xs">{c.number}</TD>
                    <TD className="text-xs">
                      {t(`money.cn.reason.${c.reason as 'OTHER'}`)} · {c.text}
                    </TD>
                    <TD className="text-right whitespace-nowrap tabular-nums">{fmt(c.total)}</TD>
                    <TD>
                      <a className={buttonClass('secondary', 'sm')} href={creditNotePdf(c.id)} download>
                        PDF
                      </a>
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </section>
      </div>
    </Card>
  );
}
