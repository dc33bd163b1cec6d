import Link from 'next/link';
import type { BalanceView, LedgerRow } from '@/lib/balances/queries';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/messages';
import type { Translate } from '@/lib/i18n/translate';
import { Card } from '../ui/card';
import { EmptyState } from '../ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';

/**
 * An account's balance per currency with what is open, and its ledger (newest first). The same
 * card for ops, the account's manager and the customer; `invoiceHref` points each at their own
 * invoice pages, and `actions` holds ops' forms.
 */
export function BalanceCard({
  balances,
  ledger,
  t,
  locale,
  invoiceHref,
  actions,
  hint,
}: {
  balances: BalanceView[];
  ledger: LedgerRow[];
  t: Translate;
  locale: Locale;
  invoiceHref: (id: number) => string;
  actions?: React.ReactNode;
  hint?: string;
}) {
  return (
    <Card title={t('money.balance.title')} actions={actions}>
      <div className="grid gap-3 sm:grid-cols-2" data-testid="balances">
        {balances.map((b) => (
          <div key={b.currency} className="rounded-md border border-slate-200 p-3" data-testid={`balance-${b.currency}`}>
            <p className="text-xs text-slate-500">{t('money.balance.amount', { currency: b.currency })}</p>
            <p className="text-xl font-semibold text-slate-900 tabular-nums" data-testid={`balance-amount-${b.currency}`}>
              {formatMoney(b.balance, b.currency, locale)}
            </p>
            <p className="mt-1 text-xs text-slate-600 tabular-nums">
              {t('money.balance.due', { currency: b.currency })}: {formatMoney(b.openDue, b.currency, locale)}
              {b.overdueInvoices > 0 ? <span className="ml-2 font-medium text-rose-700">{t('money.balance.overdue', { count: b.overdueInvoices })}</span> : null}
            </p>
          </div>
        ))}
      </div>
      {hint ? <p className="mt-2 text-xs text-slate-500">{hint}</p> : null}
      <h3 className="mt-4 mb-1 text-sm font-semibold text-slate-800">{t('money.ledger.title')}</h3>
      {ledger.length === 0 ? (
        <EmptyState title={t('money.ledger.empty')} />
      ) : (
        <div className="relative overflow-x-auto">
          <Table data-testid="ledger">
            <THead>
              <tr>
                <TH>{t('money.ledger.col.date')}</TH>
                <TH>{t('money.ledger.col.kind')}</TH>
                <TH>{t('money.ledger.col.detail')}</TH>
                <TH className="text-right">{t('money.ledger.col.amount')}</TH>
                <TH className="text-right">{t('money.ledger.col.balance')}</TH>
              </tr>
            </THead>
            <TBody>
              {ledger.map((e) => (
                <TR key={e.id}>
                  <TD className="text-xs whitespace-nowrap text-slate-600 tabular-nums">{formatDateTime(e.createdAt, locale)}</TD>
                  <TD className="whitespace-nowrap">{t(`money.kind.${e.kind}`)}</TD>
                  <TD className="text-xs text-slate-700">
                    {e.invoiceId && e.invoiceNumber ? (
                      <Link className="font-mono text-sky-800 hover:underline" href={invoiceHref(e.invoiceId)}>
                        {e.invoiceNumber}
                      </Link>
                    ) : null}
                    {e.creditNoteNumber ? <span className="font-mono">{e.creditNoteNumber}</span> : null}
                    {[e.reference, e.reason].filter(Boolean).map((text) => (
                      <span key={text} className="ml-1">
                        {text}
                      </span>
                    ))}
                  </TD>
                  <TD className={e.amount.startsWith('-') ? 'text-right whitespace-nowrap tabular-nums' : 'text-right whitespace-nowrap text-emerald-700 tabular-nums'}>
                    {formatMoney(e.amount, e.currency, locale)}
                  </TD>
                  <TD className="text-right whitespace-nowrap tabular-nums">{formatMoney(e.balanceAfter, e.currency, locale)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      )}
    </Card>
  );
}
