import { formatCount } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/messages';
import type { Translate } from '@/lib/i18n/translate';
import type { UsageSeries } from '@/lib/invoices/queries';

const W = 520;
const H = 150;
const PAD = { top: 14, right: 12, bottom: 22, left: 52 };

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    if (step * magnitude >= value) return step * magnitude;
  }
  return 10 * magnitude;
}

/**
 * One month of one measure as daily bars, with the free quota drawn as a dashed line: a day
 * above it is amber. Hand-rolled SVG (no chart library); the numbers are in the label for
 * screen readers.
 */
export function UsageChart({ series, title, quotaLabel, locale, t }: { series: UsageSeries; title: string; quotaLabel: string; locale: Locale; t: Translate }) {
  const values = series.days.map((d) => d.value);
  const reported = values.filter((v): v is number => v !== null);
  const peak = reported.length ? Math.max(...reported) : 0;
  const top = niceMax(Math.max(peak, series.quota) * 1.08);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / series.days.length;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const quotaY = y(series.quota);
  const peakIndex = values.indexOf(peak);
  const summary = reported.length
    ? t('invoice.chart.peak', { value: formatCount(peak, locale), date: series.days[peakIndex]?.date ?? '' })
    : t('invoice.chart.none');
  const label = `${title}: ${summary}; ${quotaLabel}`;
  const ticks = series.days.map((d, i) => ({ i, day: Number(d.date.slice(8)) })).filter((d) => d.day === 1 || d.day % 7 === 1 || d.i === series.days.length - 1);
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 flex items-baseline justify-between gap-2 text-xs">
        <span className="font-medium text-slate-800">{title}</span>
        <span className="text-slate-500">{summary}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="h-auto w-full rounded border border-slate-100 bg-white">
        <title>{label}</title>
        {[0, top / 2, top].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e2e8f0" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(v) + 3} textAnchor="end" fontSize={10} fill="#64748b">
              {formatCount(v, locale)}
            </text>
          </g>
        ))}
        {series.days.map((d, i) =>
          d.value === null ? null : (
            <rect
              key={d.date}
              x={PAD.left + i * slot + slot * 0.15}
              y={y(d.value)}
              width={slot * 0.7}
              height={Math.max(0, PAD.top + plotH - y(d.value))}
              fill={d.value > series.quota ? '#f59e0b' : '#0284c7'}
            >
              <title>{`${d.date}: ${formatCount(d.value, locale)}`}</title>
            </rect>
          ),
        )}
        <line x1={PAD.left} x2={W - PAD.right} y1={quotaY} y2={quotaY} stroke="#e11d48" strokeWidth={1.5} strokeDasharray="5 4" />
        <text x={W - PAD.right} y={quotaY - 4} textAnchor="end" fontSize={10} fill="#be123c" stroke="#ffffff" strokeWidth={3} paintOrder="stroke">
          {quotaLabel}
        </text>
        {ticks.map((tick) => (
          <text key={tick.i} x={PAD.left + tick.i * slot + slot / 2} y={H - 6} textAnchor="middle" fontSize={10} fill="#64748b">
            {tick.day}
          </text>
        ))}
      </svg>
    </figure>
  );
}
