import { notFound } from 'next/navigation';
import Decimal from 'decimal.js';
import { addonName, editionName, lineTitle } from '@/components/invoices/labels';
import { UsageBarChart } from '@/components/portal/usage-chart';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/guard';
import { addDays, monthBounds } from '@/lib/billing/dates';
import { today } from '@/lib/clock';
import { renderExplanation } from '@/lib/i18n/explain';
import { formatCount, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/messages';
import { getI18n } from '@/lib/i18n/server';
import type { Translate } from '@/lib/i18n/translate';
import { getMonthToDate, type MonthApp } from '@/lib/self-service/month';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.portalMonth');

/** Every day of the month up to today, with the app's figures where reported (a gap stays a gap). */
function chartRows(app: MonthApp, month: string, day: string) {
  const { from } = monthBounds(month);
  const byDate = new Map(app.days.map((d) => [d.date, d]));
  const rows: Record<string, string | number | null>[] = [];
  for (let date = from; date <= day; date = addDays(date, 1)) {
    const d = byDate.get(date);
    rows.push({
      day: Number(date.slice(8)),
      dau: d?.dau ?? null,
      peakGroups: d?.peakGroups ?? null,
      mau: d?.mau ?? null,
      domestic: d?.barrageDomesticMbps == null ? null : Number(d.barrageDomesticMbps),
      intl: d?.barrageIntlMbps == null ? null : Number(d.barrageIntlMbps),
    });
  }
  return rows;
}

function peakOf(values: (number | string | null)[]): string | null {
  let best: Decimal | null = null;
  for (const v of values) {
    if (v === null) continue;
    const d = new Decimal(v);
    if (best === null || d.gt(best)) best = d;
  }
  return best === null ? null : best.toString();
}

function AppCharts({ app, scheme, month, day, quotas, t, locale }: { app: MonthApp; scheme: 'LEGACY' | 'CURRENT'; month: string; day: string; quotas: { dau: number; peakGroups: number; mau: number }; t: Translate; locale: Locale }) {
  const rows = chartRows(app, month, day);
  const summary = (peak: string | null) => (peak === null ? t('month.usage.none') : t('month.usage.peak', { value: formatCount(peak, locale) }));
  const billedNote = app.paid ? null : <Badge>{t('month.usage.notBilled', { edition: editionName(app.edition) })}</Badge>;
  return (
    <Card
      title={
        <span className="flex flex-wrap items-baseline gap-x-2">
          <span>{app.name}</span>
          <span className="font-mono text-xs font-normal text-slate-500">{app.sdkAppId}</span>
          <span className="text-xs font-normal text-slate-500">{editionName(app.edition)}</span>
        </span>
      }
      actions={billedNote}
    >
      <div className="grid min-w-0 gap-4 lg:grid-cols-2" data-testid={`month-app-${app.sdkAppId}`}>
        {scheme === 'LEGACY' ? (
          <>
            <UsageBarChart
              title={t('month.usage.dau')}
              summary={summary(peakOf(app.days.map((d) => d.dau)))}
              data={rows}
              series={[{ key: 'dau', label: t('month.usage.dau'), color: '#0284c7' }]}
              quota={quotas.dau}
              quotaLabel={t('month.usage.quota', { quota: formatCount(quotas.dau, locale) })}
              locale={locale}
            />
            <UsageBarChart
              title={t('month.usage.groups')}
              summary={summary(peakOf(app.days.map((d) => d.peakGroups)))}
              data={rows}
              series={[{ key: 'peakGroups', label: t('month.usage.groups'), color: '#7c3aed' }]}
              quota={quotas.peakGroups}
              quotaLabel={t('month.usage.quota', { quota: formatCount(quotas.peakGroups, locale) })}
              locale={locale}
            />
            <div className="flex flex-col gap-1 lg:col-span-2">
              <UsageBarChart
                title={t('month.usage.barrage')}
                summary={`${t('month.usage.barrageDomestic')} ${summary(peakOf(app.days.map((d) => d.barrageDomesticMbps)))} · ${t('month.usage.barrageIntl')} ${summary(peakOf(app.days.map((d) => d.barrageIntlMbps)))}`}
                data={rows}
                series={[
                  { key: 'domestic', label: t('month.usage.barrageDomestic'), color: '#059669' },
                  { key: 'intl', label: t('month.usage.barrageIntl'), color: '#db2777' },
                ]}
                locale={locale}
              />
              <p className="text-xs text-slate-500">{t('month.usage.barrageNote')}</p>
            </div>
          </>
        ) : (
          <div className="flex flex-col gap-1 lg:col-span-2">
            <UsageBarChart
              title={t('month.usage.mau')}
              summary={summary(peakOf(app.days.map((d) => d.mau)))}
              data={rows}
              series={[{ key: 'mau', label: 'MAU', color: '#0284c7' }]}
              quota={quotas.mau}
              quotaLabel={t('month.usage.quota', { quota: formatCount(quotas.mau, locale) })}
              locale={locale}
            />
            <p className="text-xs text-slate-500">{t('month.usage.mauNote', { quota: formatCount(quotas.mau, locale) })}</p>
          </div>
        )}
      </div>
    </Card>
  );
}

/** The customer's month so far: usage against the free quotas, the estimated invoice, the coming renewals. */
export default async function PortalMonthPage() {
  const actor = await requireRole('CUSTOMER');
  if (actor.accountId === null) notFound();
  const day = today();
  const [{ t, locale }, view] = await Promise.all([getI18n(), getMonthToDate(actor.accountId, day)]);
  if (!view) notFound();
  const estimate = view.estimate;
  const scheme = estimate.ok ? estimate.invoice.scheme : view.scheme;
  const names = new Map(view.apps.map((a) => [a.sdkAppId, a.name]));
  return (
    <>
      <PageHeader title={t('month.title')} description={t('month.description', { month: view.month })} breadcrumbs={[{ label: t('nav.home'), href: '/portal' }, { label: t('nav.month') }]} />
      <div className="flex min-w-0 flex-col gap-4">
        <Card
          title={
            <span className="flex items-center gap-2">
              {t('month.estimate.title')} <Badge tone="amber">{t('month.estimate.label')}</Badge>
            </span>
          }
        >
          <div className="flex flex-col gap-3 text-sm" data-testid="month-estimate">
            <p className="text-xs text-slate-600">{t('month.estimate.note', { today: view.today, month: view.month })}</p>
            {!estimate.ok ? (
              <p className="text-rose-700">{t('month.estimate.error', { error: estimate.error })}</p>
            ) : (
              <>
                <p className="flex flex-wrap items-baseline gap-2">
                  <span className="text-slate-600">{t('month.estimate.total')}</span>
                  <strong className="text-lg tabular-nums" data-testid="month-estimate-total">
                    {formatMoney(estimate.invoice.total, estimate.invoice.currency, locale)}
                  </strong>
                </p>
                {estimate.invoice.lines.length === 0 ? (
                  <p className="text-slate-500">{t('month.estimate.none')}</p>
                ) : (
                  <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label={t('month.estimate.title')}>
                    {estimate.invoice.lines.map((line, i) => (
                      <li key={i} className="flex flex-col gap-0.5 px-3 py-2 sm:flex-row sm:items-start sm:justify-between sm:gap-4" data-testid="estimate-line">
                        <div className="min-w-0">
                          <div className="font-medium text-slate-900">{lineTitle({ code: line.code, edition: line.edition ?? null, addon: line.addon ?? null }, locale)}</div>
                          <div className="text-xs text-slate-500">
                            {names.get(String(line.sdkAppId)) ?? line.sdkAppId} · <span className="font-mono">{line.sdkAppId}</span> · {line.from === line.to ? line.from : `${line.from} – ${line.to}`}
                          </div>
                          <div className="text-xs break-words text-slate-600" data-testid="line-explain">
                            {renderExplanation(line.explanation, locale)}
                          </div>
                        </div>
                        <div className="shrink-0 text-right tabular-nums">{formatMoney(line.amount, estimate.invoice.currency, locale)}</div>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </div>
        </Card>

        <Card title={t('month.renewals.title')}>
          {view.renewals.length === 0 ? (
            <p className="text-sm text-slate-500">{t('month.renewals.none')}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm" data-testid="month-renewals">
              {view.renewals.map((r) => (
                <li key={`${r.sdkAppId}-${r.kind}-${r.kind === 'ADDON' ? r.addon : ''}`}>
                  {t('month.renewals.item', {
                    item: `${r.name} (${r.sdkAppId}) · ${r.kind === 'PACKAGE' ? editionName(r.edition) : `${addonName(r.addon, locale)} · ${editionName(r.edition)}`}`,
                    date: r.on,
                  })}
                </li>
              ))}
            </ul>
          )}
        </Card>

        <section aria-labelledby="month-usage" className="flex min-w-0 flex-col gap-4">
          <h2 id="month-usage" className="text-sm font-semibold text-slate-700">
            {t('month.usage.title')}
          </h2>
          {view.apps.map((app) => (
            <AppCharts key={app.sdkAppId} app={app} scheme={scheme} month={view.month} day={view.today} quotas={view.quotas} t={t} locale={locale} />
          ))}
        </section>
      </div>
    </>
  );
}
