'use client';

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type ChartSeries = { key: string; label: string; color: string };

/**
 * One measure of one app, day by day, as bars, with the free quota as a dashed line (when the
 * measure has one). The figures the chart draws are also in its accessible label: a screen
 * reader, or a chart that cannot be drawn, still says what matters.
 */
export function UsageBarChart({
  title,
  summary,
  data,
  series,
  quota,
  quotaLabel,
  locale,
}: {
  title: string;
  summary: string;
  data: Record<string, string | number | null>[];
  series: ChartSeries[];
  quota?: number;
  quotaLabel?: string;
  locale: 'en' | 'zh';
}) {
  const number = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 3 });
  return (
    <figure className="flex min-w-0 flex-col gap-1" role="group" aria-label={`${title}: ${summary}`} data-testid="usage-chart">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-2 text-xs">
        <span className="font-medium text-slate-700">{title}</span>
        <span className="text-slate-500">{summary}</span>
      </figcaption>
      <div className="h-44 w-full min-w-0">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="day" tick={{ fontSize: 10 }} interval="preserveStartEnd" tickLine={false} />
            <YAxis tick={{ fontSize: 10 }} width={48} tickFormatter={(v: number) => number.format(v)} allowDecimals />
            <Tooltip formatter={(value) => (typeof value === 'number' ? number.format(value) : String(value))} labelFormatter={(label) => String(label)} />
            {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
            ))}
            {quota !== undefined ? (
              <ReferenceLine
                y={quota}
                stroke="#d97706"
                strokeDasharray="5 4"
                ifOverflow="extendDomain"
                label={{ value: quotaLabel ?? '', position: 'insideTopRight', fontSize: 10, fill: '#b45309' }}
              />
            ) : null}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
