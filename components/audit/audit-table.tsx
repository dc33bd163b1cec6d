'use client';

import { useMemo, useState } from 'react';
import { describeAction } from '@/lib/audit/describe';
import type { AuditRow } from '@/lib/audit/queries';
import { useI18n } from '@/lib/i18n/client';
import { DataTable } from '../data-table/data-table';
import { DataTableToolbar } from '../data-table/data-table-toolbar';
import { useUrlState } from '../data-table/use-url-state';
import { DateInput, isIsoDate } from '../ui/date-input';
import { Input } from '../ui/form';
import { getAuditColumns } from './audit-columns';

/** A day filter typed as YYYY-MM-DD: written to the URL once it is a whole date (or cleared). */
function DateFilter({ param, label }: { param: string; label: string }) {
  const { searchParams, setParams } = useUrlState();
  const current = searchParams.get(param) ?? '';
  const [text, setText] = useState(current);
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setText(current);
  }
  return (
    <label className="flex items-center gap-1.5 text-xs text-slate-600">
      <span>{label}</span>
      <DateInput
        aria-label={label}
        value={text}
        onChange={(e) => {
          const value = e.target.value.trim();
          setText(value);
          if ((value === '' || isIsoDate(value)) && value !== current) setParams({ [param]: value }, { resetPage: true });
        }}
      />
    </label>
  );
}

/** Account id and date range, written to the URL like the toolbar's other filters. */
function AuditExtraFilters() {
  const { t } = useI18n();
  const { searchParams, setParams } = useUrlState();
  const account = searchParams.get('account') ?? '';
  return (
    <>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const value = new FormData(event.currentTarget).get('account');
          setParams({ account: typeof value === 'string' ? value.trim() : null }, { resetPage: true });
        }}
        className="flex items-center gap-1.5 text-xs text-slate-600"
      >
        <label htmlFor="audit-account">{t('audit.filter.account')}</label>
        {/* Keyed by the URL's value: a navigation (reset, back) shows what the URL says. */}
        <Input
          key={account}
          id="audit-account"
          name="account"
          inputMode="numeric"
          defaultValue={account}
          onBlur={(e) => e.target.value.trim() !== account && setParams({ account: e.target.value.trim() }, { resetPage: true })}
          className="w-24"
        />
      </form>
      <DateFilter param="from" label={t('audit.filter.from')} />
      <DateFilter param="to" label={t('audit.filter.to')} />
    </>
  );
}

export function AuditTable({ rows, pageCount, rowCount, actions }: { rows: AuditRow[]; pageCount: number; rowCount: number; actions: string[] }) {
  const { t, locale } = useI18n();
  const columns = useMemo(() => getAuditColumns(t, locale), [t, locale]);
  return (
    <DataTable
      exportPath="/audit/export.csv"
      columns={columns}
      data={rows}
      pageCount={pageCount}
      rowCount={rowCount}
      getRowId={(row) => row.id}
      emptyText={t('audit.empty')}
      toolbar={
        <DataTableToolbar
          searchParam="actor"
          searchPlaceholder={t('audit.filter.actor')}
          filters={[{ param: 'action', label: t('audit.filter.action'), options: actions.map((a) => ({ value: a, label: describeAction(t, a) })) }]}
          extraParams={['account', 'from', 'to']}
        >
          <AuditExtraFilters />
        </DataTableToolbar>
      }
    />
  );
}
