'use client';

import Decimal from 'decimal.js';
import { formatLimitValue } from '@/lib/billing/catalog';
import type { InvoiceLineData } from '@/lib/billing/serialize';
import { useI18n } from '@/lib/i18n/client';
import { renderExplanation } from '@/lib/i18n/explain';
import { formatMoney } from '@/lib/i18n/format';
import type { PlanPreview } from '@/lib/plans/preview';
import { Badge } from '../ui/badge';
import { cn } from '../ui/cn';
import { addonLabel, bilingual, editionLabel, lineCodeLabel } from './labels';

/** What a change will cost, as the engine rated it: lines that appear and disappear, and the limits before and after. */
export function PlanConfirmation({ preview }: { preview: PlanPreview }) {
  const { t, locale } = useI18n();
  const changedMonths = preview.months.filter((m) => m.added.length > 0 || m.removed.length > 0);
  const lineName = (line: InvoiceLineData) =>
    [lineCodeLabel(line.code, locale), line.addon ? addonLabel(line.addon, locale) : null, line.edition && !line.addon ? editionLabel(line.edition) : null]
      .filter(Boolean)
      .join(' · ');
  return (
    <div className="flex flex-col gap-4" data-testid="plan-confirmation">
      <p className="text-sm font-medium text-slate-900">{summary(preview, t)}</p>
      {changedMonths.length > 0 ? (
        <ul className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm" aria-label={t('plan.confirm.netTitle')}>
          {changedMonths.map((month) => {
            const delta = new Decimal(month.totalAfter).minus(month.totalBefore);
            return (
              <li key={month.month} data-testid={`net-${month.month}`}>
                {t('plan.confirm.net', {
                  month: month.month,
                  before: formatMoney(month.totalBefore, month.currency, locale),
                  after: formatMoney(month.totalAfter, month.currency, locale),
                })}{' '}
                <strong className={delta.isNegative() ? 'text-emerald-800' : 'text-slate-900'}>
                  ({delta.isNegative() ? '' : '+'}
                  {formatMoney(delta.toFixed(2), month.currency, locale)})
                </strong>
              </li>
            );
          })}
        </ul>
      ) : null}

      {changedMonths.length === 0 ? (
        <p className="text-sm text-slate-600">{t('plan.confirm.noBillingChange', { months: preview.months.map((m) => m.month).join(', ') })}</p>
      ) : (
        changedMonths.map((month) => (
          <section key={month.month} aria-label={t('plan.confirm.invoice', { month: month.month, currency: month.currency })}>
            <h3 className="mb-1.5 text-xs font-semibold text-slate-600 uppercase">
              {t('plan.confirm.invoice', { month: month.month, currency: month.currency })}
            </h3>
            <div className="relative overflow-x-auto"><table className="w-full border-collapse text-sm">
              <thead className="bg-slate-50 text-left text-xs text-slate-600">
                <tr>
                  <th className="px-2 py-1 font-medium">{t('plan.confirm.change')}</th>
                  <th className="px-2 py-1 font-medium">{t('plan.confirm.line')}</th>
                  <th className="px-2 py-1 text-right font-medium">{t('plan.confirm.amount')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {month.added.map((line, i) => (
                  <tr key={`a${i}`}>
                    <td className="px-2 py-1 align-top">
                      <Badge tone="green">{t('plan.confirm.added')}</Badge>
                    </td>
                    <td className="px-2 py-1 align-top">
                      <div>
                        {lineName(line)} <span className="text-xs whitespace-nowrap text-slate-600 tabular-nums">{line.from}..{line.to}</span>
                      </div>
                      <div className="text-xs text-slate-500">{renderExplanation(line.explanation, locale)}</div>
                    </td>
                    <td className={cn('px-2 py-1 text-right align-top font-medium whitespace-nowrap tabular-nums', line.amount.startsWith('-') && 'text-emerald-700')}>
                      {formatMoney(line.amount, month.currency, locale)}
                    </td>
                  </tr>
                ))}
                {month.removed.map((line, i) => (
                  <tr key={`r${i}`} className="text-slate-500">
                    <td className="px-2 py-1 align-top">
                      <Badge tone="neutral">{t('plan.confirm.removed')}</Badge>
                    </td>
                    <td className="px-2 py-1 align-top">
                      <div className="line-through">
                        {lineName(line)} <span className="text-xs whitespace-nowrap tabular-nums">{line.from}..{line.to}</span>
                      </div>
                      <div className="text-xs">{renderExplanation(line.explanation, locale)}</div>
                    </td>
                    <td className="px-2 py-1 text-right align-top whitespace-nowrap tabular-nums line-through">{formatMoney(line.amount, month.currency, locale)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t border-slate-200 text-xs text-slate-700">
                  <td colSpan={2} className="px-2 py-1 text-right">
                    {t('plan.confirm.total')}
                  </td>
                  <td className="px-2 py-1 text-right whitespace-nowrap tabular-nums" data-testid={`total-${month.month}`}>
                    {formatMoney(month.totalBefore, month.currency, locale)} → <strong>{formatMoney(month.totalAfter, month.currency, locale)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table></div>
          </section>
        ))
      )}
      <p className="text-xs text-slate-500">{t('plan.confirm.note')}</p>

      <section aria-label={t('plan.confirm.limits', { date: preview.effectiveOn })}>
        <h3 className="mb-1.5 text-xs font-semibold text-slate-600 uppercase">{t('plan.confirm.limits', { date: preview.effectiveOn })}</h3>
        <div className="relative overflow-x-auto"><table className="w-full border-collapse text-sm">
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              <th className="px-2 py-1 font-medium">{t('app.limits.item')}</th>
              <th className="px-2 py-1 text-right font-medium">{t('plan.confirm.before')}</th>
              <th className="px-2 py-1 text-right font-medium">{t('plan.confirm.after')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.limits.map((limit) => (
              <tr key={limit.key} className={limit.changed ? 'bg-amber-50' : undefined}>
                <td className="px-2 py-1">
                  {bilingual(limit, locale)}
                  {!limit.raisable && limit.key === 'friendsPerUser' ? <span className="ml-1 text-xs text-slate-500">({t('app.limits.notRaisable')})</span> : null}
                </td>
                <td className="px-2 py-1 text-right tabular-nums">{formatLimitValue(limit.before, locale)}</td>
                <td className={cn('px-2 py-1 text-right tabular-nums', limit.changed && 'font-semibold')}>{formatLimitValue(limit.after, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      </section>
    </div>
  );
}

function summary(preview: PlanPreview, t: ReturnType<typeof useI18n>['t']): string {
  const e = preview.event;
  switch (preview.kind) {
    case 'edition-change':
      return t('plan.kind.editionChange', { from: editionLabel(preview.before.edition), to: editionLabel(preview.after.edition), date: preview.effectiveOn });
    case 'downgrade-schedule':
      return t('plan.kind.downgradeSchedule', { to: editionLabel(preview.after.pendingDowngrade?.edition ?? 'PROFESSIONAL'), date: preview.effectiveOn });
    case 'downgrade-cancel':
      return t('plan.kind.downgradeCancel', { edition: editionLabel(preview.after.edition) });
    case 'addon-start':
      return t('plan.kind.addonStart', { addon: e.type === 'addon' ? addonLabel(e.addon, 'en') : '', date: preview.effectiveOn });
    case 'addon-stop':
      return t('plan.kind.addonStop', { addon: e.type === 'addon' ? addonLabel(e.addon, 'en') : '', date: preview.effectiveOn });
    case 'addon-stop-cancel':
      return t('plan.kind.addonStopCancel', { addon: e.type === 'addon' ? addonLabel(e.addon, 'en') : '' });
    case 'retention-start':
      return t('plan.kind.retentionStart', { days: e.type === 'addon' && 'days' in e ? e.days : '', date: preview.effectiveOn });
    case 'retention-stop':
      return t('plan.kind.retentionStop', { date: preview.effectiveOn });
  }
}
