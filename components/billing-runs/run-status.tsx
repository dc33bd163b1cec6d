'use client';

import { useI18n } from '@/lib/i18n/client';
import { Badge } from '../ui/badge';

export function RunStatusBadge({ status, stale }: { status: 'RUNNING' | 'SUCCEEDED' | 'FAILED'; stale?: boolean }) {
  const { t } = useI18n();
  if (status === 'RUNNING' && stale) return <Badge tone="red">{t('runs.status.STALE')}</Badge>;
  return <Badge tone={status === 'RUNNING' ? 'amber' : status === 'SUCCEEDED' ? 'green' : 'red'}>{t(`runs.status.${status}`)}</Badge>;
}

/** Accounts done of total, as a bar and in words. */
export function RunProgressBar({ done, total }: { done: number; total: number }) {
  const { t } = useI18n();
  const percent = total === 0 ? 100 : Math.round((done / total) * 100);
  return (
    <div className="flex min-w-48 items-center gap-2">
      <div className="h-2 flex-1 overflow-hidden rounded bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-label={t('runs.progress.label')}>
        <div className="h-full bg-sky-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-xs text-slate-600 tabular-nums">{t('runs.progress.value', { done, total, percent })}</span>
    </div>
  );
}
