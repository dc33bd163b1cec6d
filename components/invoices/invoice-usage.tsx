import type { Locale } from '@/lib/i18n/messages';
import type { Translate } from '@/lib/i18n/translate';
import { formatCount } from '@/lib/i18n/format';
import type { InvoiceDetail, UsageSeries } from '@/lib/invoices/queries';
import { Card } from '../ui/card';
import { UsageChart } from './usage-chart';

/** Charts of the month's daily usage per app of the invoice, with the free quota drawn in (not printed). */
export function InvoiceUsage({ invoice, series, t, locale }: { invoice: InvoiceDetail; series: UsageSeries[]; t: Translate; locale: Locale }) {
  if (series.length === 0) return null;
  return (
    <div className="no-print">
      <Card title={t('invoice.usage.title', { month: invoice.month })}>
        <div className="flex flex-col gap-5">
          {invoice.apps.map((app) => {
            const own = series.filter((s) => s.sdkAppId === app.sdkAppId);
            return (
              <section key={app.sdkAppId} aria-label={t('invoice.usage.app', { app: app.appName, id: app.sdkAppId })}>
                <h3 className="mb-2 text-xs font-semibold text-slate-700">
                  {app.appName} <span className="font-mono font-normal text-slate-500">{app.sdkAppId}</span>
                </h3>
                <div className="grid gap-4 md:grid-cols-2">
                  {own.map((s) => (
                    <UsageChart
                      key={s.metric}
                      series={s}
                      title={t(`invoice.usage.metric.${s.metric}`)}
                      quotaLabel={t('invoice.usage.quota', { value: formatCount(s.quota, locale) })}
                    />
                  ))}
                </div>
              </section>
            );
          })}
          <p className="text-xs text-slate-500">{t('invoice.usage.note')}</p>
        </div>
      </Card>
    </div>
  );
}
