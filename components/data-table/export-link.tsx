'use client';

import { useSearchParams } from 'next/navigation';
import { useI18n } from '@/lib/i18n/client';
import { HIDE_PARAM } from './use-url-state';

/** Paging, sorting and column choices shape the screen, not the rows an export holds. */
const VIEW_ONLY_PARAMS = ['page', 'perPage', 'sort', HIDE_PARAM];

/** "Export CSV" for a list: the export route with the table's current filters. */
export function ExportLink({ path }: { path: string }) {
  const { t } = useI18n();
  const searchParams = useSearchParams();
  const params = new URLSearchParams(searchParams.toString());
  for (const key of VIEW_ONLY_PARAMS) params.delete(key);
  const query = params.toString();
  return (
    <a
      href={query ? `${path}?${query}` : path}
      download
      title={t('export.hint')}
      className="inline-flex h-8 items-center rounded-md border border-slate-300 bg-white px-2.5 text-xs text-slate-700 hover:bg-slate-50"
    >
      {t('export.csv')}
    </a>
  );
}
