'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BilledPoint, MigrationPoint, RevenueMixPoint } from '@/lib/dashboard/queries';
import { useI18n } from '@/lib/i18n/client';
import { formatCount, formatMoney } from '@/lib/i18n/format';

const COLORS = ['#0369a1', '#b45309', '#047857', '#7c3aed'];

/** Decimal strings become numbers here and only here: to size a bar, never to add money. */
const drawn = (amount: string | undefined) => (amount === undefined ? 0 : Number(amount));

function ChartFrame({ title, summary, children }: { title: string; summary: string; children: React.ReactElement }) {
  return (
    <figure aria-label={`${title}: ${summary}`} className="min-w-0">
      <figcaption className="mb-1 text-xs font-medium text-slate-800">{title}</figcaption>
      <div className="h-56 w-full" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Billed per month of one currency, stacked by scheme. */
export function BilledChart({ months, points, currency }: { months: string[]; points: BilledPoint[]; currency: string }) {
  const { t, locale } = useI18n();
  const mine = points.filter((p) => p.currency === currency);
  const data = months.map((month) => ({
    month,
    LEGACY: drawn(mine.find((p) => p.month === month && p.scheme === 'LEGACY')?.total),
    CURRENT: drawn(mine.find((p) => p.month === month && p.scheme === 'CURRENT')?.total),
  }));
  const summary = mine.map((p) => `${p.month} ${t(`scheme.${p.scheme as 'LEGACY' | 'CURRENT'}`)} ${formatMoney(p.total, currency, locale)}`).join('; ') || t('dashboard.nothing');
  return (
    <ChartFrame title={t('dashboard.billed', { currency })} summary={summary}>
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="month" tick={{ fontSize: 10, fill: '#475569' }} />
        <YAxis tick={{ fontSize: 10, fill: '#475569' }} width={70} tickFormatter={(v: number) => formatCount(v, locale)} />
        <Tooltip formatter={(v) => formatMoney(String(v), currency, locale)} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        <Bar dataKey="LEGACY" name={t('scheme.LEGACY')} stackId="s" fill={COLORS[0]} isAnimationActive={false} />
        <Bar dataKey="CURRENT" name={t('scheme.CURRENT')} stackId="s" fill={COLORS[2]} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

/** Prepaid (packages, add-ons, retention) against overage and usage charges, per month of one currency. */
export function MixChart({ months, points, currency }: { months: string[]; points: RevenueMixPoint[]; currency: string }) {
  const { t, locale } = useI18n();
  const mine = points.filter((p) => p.currency === currency);
  const data = months.map((month) => {
    const point = mine.find((p) => p.month === month);
    return { month, prepaid: drawn(point?.prepaid), overage: drawn(point?.overage) };
  });
  const summary = mine.map((p) => `${p.month}: ${formatMoney(p.prepaid, currency, locale)} / ${formatMoney(p.overage, currency, locale)}`).join('; ') || t('dashboard.nothing');
  return (
    <ChartFrame title={t('dashboard.mix', { currency })} summary={summary}>
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="month" tick={{ fontSize: 10, fill: '#475569' }} />
        <YAxis tick={{ fontSize: 10, fill: '#475569' }} width={70} tickFormatter={(v: number) => formatCount(v, locale)} />
        <Tooltip formatter={(v) => formatMoney(String(v), currency, locale)} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        <Bar dataKey="prepaid" name={t('dashboard.prepaid')} fill={COLORS[0]} isAnimationActive={false} />
        <Bar dataKey="overage" name={t('dashboard.overage')} fill={COLORS[1]} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

/** Legacy accounts migrated per month (by the day they moved to the current scheme). */
export function MigrationChart({ months, points }: { months: string[]; points: MigrationPoint[] }) {
  const { t } = useI18n();
  const data = months.map((month) => ({ month, migrated: points.find((p) => p.month === month)?.migrated ?? 0 }));
  const summary = points.map((p) => `${p.month}: ${p.migrated}`).join('; ') || t('dashboard.nothing');
  return (
    <ChartFrame title={t('dashboard.migrated')} summary={summary}>
      <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="month" tick={{ fontSize: 10, fill: '#475569' }} />
        <YAxis tick={{ fontSize: 10, fill: '#475569' }} allowDecimals={false} width={32} />
        <Tooltip />
        <Bar dataKey="migrated" name={t('dashboard.migratedShort')} fill={COLORS[3]} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
