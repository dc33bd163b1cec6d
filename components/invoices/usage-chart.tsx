'use client';

import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '@/lib/i18n/client';
import { formatCount } from '@/lib/i18n/format';
import type { UsageSeries } from '@/lib/invoices/queries';

const BLUE = '#0369a1';
const AMBER = '#b45309';

/**
 * One month of one measure as daily bars (recharts), with the free quota as a dashed line: a
 * day above it is amber. The figure's label carries the peak for screen readers.
 */
export function UsageChart({ series, title, quotaLabel }: { series: UsageSeries; title: string; quotaLabel: string }) {
  const { t, locale } = useI18n();
  const reported = series.days.filter((d): d is { date: string; value: number } => d.value !== null);
  const peakDay = reported.reduce<{ date: string; value: number } | null>((best, d) => (best === null || d.value > best.value ? d : best), null);
  const summary = peakDay ? t('invoice.chart.peak', { value: formatCount(peakDay.value, locale), date: peakDay.date }) : t('invoice.chart.none');
  const data = series.days.map((d) => ({ day: Number(d.date.slice(8)), date: d.date, value: d.value }));
  return (
    <figure className="min-w-0" aria-label={`${title}: ${summary}; ${quotaLabel}`}>
      <figcaption className="mb-1 flex items-baseline justify-between gap-2 text-xs">
        <span className="font-medium text-slate-800">{title}</span>
        <span className="text-slate-600">{summary}</span>
      </figcaption>
      <div className="h-40 w-full rounded border border-slate-100 bg-white" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart accessibilityLayer={false} data={data} margin={{ top: 14, right: 12, bottom: 0, left: 4 }}>
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="day" tick={{ fontSize: 10, fill: '#475569' }} interval={6} tickLine={false} />
            <YAxis tick={{ fontSize: 10, fill: '#475569' }} width={52} tickFormatter={(v: number) => formatCount(v, locale)} domain={[0, (max: number) => Math.max(max, series.quota) * 1.08]} />
            <Tooltip formatter={(v) => formatCount(Number(v), locale)} labelFormatter={(_, payload) => String(payload?.[0]?.payload?.date ?? '')} />
            <Bar dataKey="value" name={title} isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.date} fill={d.value !== null && d.value > series.quota ? AMBER : BLUE} />
              ))}
            </Bar>
            <ReferenceLine y={series.quota} stroke="#be123c" strokeDasharray="5 4" label={{ value: quotaLabel, position: 'insideTopRight', fontSize: 10, fill: '#9f1239' }} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
