import Link from 'next/link';
import { renderExplanation } from '@/lib/i18n/explain';
import { formatDateTime, formatMoney, formatUnitPrice } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/messages';
import type { Translate } from '@/lib/i18n/translate';
import type { InvoiceDetail } from '@/lib/invoices/queries';
import { cn } from '../ui/cn';
import { lineTitle } from './labels';
import { PlannedIssue } from './planned-issue';
import { SELLER } from './seller';

function Meta({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="flex justify-between gap-4 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right font-medium text-slate-900 tabular-nums" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

const STATUS_CLASS: Record<InvoiceDetail['status'], string> = {
  DRAFT: 'border-slate-300 text-slate-600',
  ISSUED: 'border-sky-300 text-sky-800',
  PARTIALLY_PAID: 'border-amber-300 text-amber-800',
  PAID: 'border-emerald-300 text-emerald-800',
  VOID: 'border-rose-300 text-rose-700',
};

/**
 * The invoice as a document: seller and customer blocks, number and dates, the lines grouped
 * by app with their explanations, the total. The same markup prints as the invoice (print CSS
 * hides the console around it), for ops and for the customer.
 */
export function InvoiceDocument({ invoice, t, locale, basePath }: { invoice: InvoiceDetail; t: Translate; locale: Locale; basePath: string }) {
  const money = (amount: string) => formatMoney(amount, invoice.currency, locale);
  // Quantities are decimal strings (days, units, Mbps-days); Intl formats the string exactly.
  const quantity = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 6 });
  return (
    <article className="print-sheet rounded-lg border border-slate-200 bg-white p-8 shadow-xs print:p-0" aria-label={t('invoice.document')}>
      <header className="flex flex-wrap items-start justify-between gap-6 border-b border-slate-200 pb-5">
        <div>
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t('invoice.seller')}</p>
          <p className="mt-1 text-base font-semibold text-slate-900">{SELLER.name}</p>
          {SELLER.address.map((line) => (
            <p key={line} className="text-sm text-slate-600">
              {line}
            </p>
          ))}
          <p className="text-sm text-slate-600">{SELLER.email}</p>
          <p className="text-sm text-slate-600">{t('invoice.taxId', { id: SELLER.taxId })}</p>
        </div>
        <div className="min-w-64 text-right">
          <h2 className="text-2xl font-semibold tracking-tight text-slate-900">{t('invoice.heading')}</h2>
          <p className="mt-1 font-mono text-base text-slate-800" data-testid="invoice-number">
            {invoice.number ?? t('invoice.draftNumber', { id: invoice.id })}
          </p>
          <span className={cn('mt-2 inline-block rounded border px-2 py-0.5 text-xs font-semibold uppercase', STATUS_CLASS[invoice.status])} data-testid="invoice-status">
            {t(`invoice.status.${invoice.status}`)}
          </span>
        </div>
      </header>

      <section className="grid gap-6 border-b border-slate-200 py-5 sm:grid-cols-2">
        <div>
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t('invoice.billTo')}</p>
          <p className="mt-1 text-base font-semibold text-slate-900">{invoice.account.name}</p>
          <p className="text-sm text-slate-600">{t('invoice.accountId', { id: invoice.account.id })}</p>
          <p className="text-sm text-slate-600">{invoice.account.contactEmail}</p>
        </div>
        <dl className="flex flex-col gap-1">
          <Meta label={t('invoice.period')}>
            {invoice.period.from} – {invoice.period.to}
          </Meta>
          {invoice.issuedAt ? (
            <Meta label={t('invoice.issuedOn')} testId="invoice-issued">
              {formatDateTime(invoice.issuedAt, locale)}
            </Meta>
          ) : (
            <Meta label={t('invoice.plannedIssue')}>
              <PlannedIssue date={invoice.plannedIssueDate} overdue={invoice.issueOverdue} t={t} label={false} />
            </Meta>
          )}
          {invoice.paidAt ? <Meta label={t('invoice.paidOn')}>{formatDateTime(invoice.paidAt, locale)}</Meta> : null}
          {invoice.voidedAt ? <Meta label={t('invoice.voidedOn')}>{formatDateTime(invoice.voidedAt, locale)}</Meta> : null}
          <Meta label={t('invoice.scheme')}>{t(`scheme.${invoice.scheme}`)}</Meta>
          <Meta label={t('invoice.currency')}>{invoice.currency}</Meta>
        </dl>
      </section>

      {invoice.status === 'VOID' ? (
        <p className="mt-4 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800" role="note">
          {/* The reason as typed, apart from the sentence: it has its own punctuation. */}
          <span>{t('invoice.voidReason')}</span> <q className="font-medium whitespace-pre-line" data-testid="void-reason">{invoice.voidReason}</q>
          {invoice.replacedBy ? (
            <>
              {' '}
              <Link className="font-medium underline" href={`${basePath}/${invoice.replacedBy.id}`}>
                {t('invoice.correctedBy', { number: invoice.replacedBy.number ?? t('invoice.draftNumber', { id: invoice.replacedBy.id }) })}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {invoice.replaces ? (
        <p className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note">
          {t('invoice.correctionOf')}{' '}
          <Link className="font-medium underline" href={`${basePath}/${invoice.replaces.id}`}>
            {invoice.replaces.number ?? `#${invoice.replaces.id}`}
          </Link>
        </p>
      ) : null}

      <section className="mt-5 flex flex-col gap-5">
        {invoice.apps.map((app) => (
          <div key={app.sdkAppId} className="break-inside-avoid">
            <div className="flex items-baseline justify-between border-b border-slate-300 pb-1">
              <h3 className="text-sm font-semibold text-slate-900">
                {app.appName} <span className="font-mono text-xs font-normal text-slate-500">SDKAppID {app.sdkAppId}</span>
              </h3>
              <span className="text-xs text-slate-500">{t(`dc.${app.dataCenter}` as never)}</span>
            </div>
            <div className="relative overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th className="py-1.5 pr-3 font-medium">{t('invoice.col.item')}</th>
                  <th className="py-1.5 pr-3 font-medium whitespace-nowrap">{t('invoice.col.period')}</th>
                  <th className="py-1.5 pr-3 text-right font-medium">{t('invoice.col.quantity')}</th>
                  <th className="py-1.5 pr-3 text-right font-medium whitespace-nowrap">{t('invoice.col.unitPrice')}</th>
                  <th className="py-1.5 text-right font-medium">{t('invoice.col.amount')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {app.lines.map((line) => (
                  <tr key={line.position} className="align-top">
                    <td className="py-1.5 pr-3">
                      <div className="font-medium text-slate-900">{lineTitle(line, locale)}</div>
                      <div className="text-xs text-slate-600" data-testid="line-explain">
                        {renderExplanation(line.explanation, locale)}
                      </div>
                    </td>
                    <td className="py-1.5 pr-3 text-xs whitespace-nowrap text-slate-600 tabular-nums">
                      {line.from === line.to ? line.from : `${line.from} – ${line.to}`}
                    </td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">{quantity.format(line.quantity as unknown as number)}</td>
                    <td className="py-1.5 pr-3 text-right whitespace-nowrap tabular-nums">{formatUnitPrice(line.unitPrice, invoice.currency, locale)}</td>
                    <td className={cn('py-1.5 text-right whitespace-nowrap tabular-nums', line.amount.startsWith('-') && 'text-emerald-700')}>{money(line.amount)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={4} className="pt-1 pr-3 text-right text-xs text-slate-500">
                    {t('invoice.subtotal', { app: app.sdkAppId })}
                  </td>
                  <td className="pt-1 text-right text-sm font-medium whitespace-nowrap tabular-nums">{money(app.subtotal)}</td>
                </tr>
              </tfoot>
            </table>
            </div>
          </div>
        ))}
        {invoice.apps.length === 0 ? <p className="text-sm text-slate-500">{t('invoice.noLines')}</p> : null}
      </section>

      <footer className="mt-6 flex items-center justify-between border-t-2 border-slate-800 pt-3">
        <span className="text-sm text-slate-600">{t('invoice.totalNote', { currency: invoice.currency })}</span>
        <span className="text-xl font-semibold text-slate-900 tabular-nums" data-testid="invoice-total">
          {t('invoice.total')} {money(invoice.total)}
        </span>
      </footer>
      <p className="mt-4 text-xs text-slate-500">{t('invoice.footer', { seller: SELLER.name })}</p>
    </article>
  );
}
