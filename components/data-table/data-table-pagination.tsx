'use client';

import { useI18n } from '@/lib/i18n/client';
import { PER_PAGE_OPTIONS } from '@/lib/validation/table';
import { Button } from '../ui/button';
import { Select } from '../ui/form';
import { useUrlState } from './use-url-state';

export function DataTablePagination({ pageCount, rowCount, rowCountCapped = false }: { pageCount: number; rowCount: number; rowCountCapped?: boolean }) {
  const { t, locale } = useI18n();
  const { searchParams, setParams } = useUrlState();
  const page = Math.min(Math.max(1, Number(searchParams.get('page')) || 1), Math.max(1, pageCount));
  const perPage = Number(searchParams.get('perPage')) || 20;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-xs text-slate-600">
      <span>{t(rowCountCapped ? 'common.rowsAtLeast' : 'common.rows', { count: new Intl.NumberFormat(locale).format(rowCount) })}</span>
      <div className="flex items-center gap-2">
        <label htmlFor="per-page">{t('common.rowsPerPage')}</label>
        <Select
          id="per-page"
          value={String(perPage)}
          onChange={(event) => setParams({ perPage: event.target.value }, { resetPage: true })}
          className="h-7 text-xs"
        >
          {PER_PAGE_OPTIONS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
        <span aria-live="polite">{t(rowCountCapped ? 'common.pageAtLeast' : 'common.page', { page, pageCount: Math.max(1, pageCount) })}</span>
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setParams({ page: page - 1 })}>
          {t('common.previous')}
        </Button>
        <Button variant="secondary" size="sm" disabled={page >= pageCount} onClick={() => setParams({ page: page + 1 })}>
          {t('common.next')}
        </Button>
      </div>
    </div>
  );
}
