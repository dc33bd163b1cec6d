'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { useMemo } from 'react';
import { formatCount, formatDateTime } from '@/lib/i18n/format';
import { useI18n } from '@/lib/i18n/client';
import type { UsageRow } from '@/lib/usage/queries';
import { DataTable } from '../data-table/data-table';
import { DataTableToolbar } from '../data-table/data-table-toolbar';
import { Badge } from '../ui/badge';

export function UsageTable({ rows, pageCount, rowCount, rowCountCapped, months }: { rows: UsageRow[]; pageCount: number; rowCount: number; rowCountCapped: boolean; months: string[] }) {
  const { t, locale } = useI18n();
  const columns = useMemo<ColumnDef<UsageRow, unknown>[]>(() => {
    const count = (key: 'dau' | 'peakGroups' | 'mau' | 'pcc') => ({
      id: key,
      accessorKey: key,
      header: t(`usage.col.${key}`),
      enableSorting: false,
      meta: { label: t(`usage.col.${key}`), align: 'right' as const },
      cell: ({ row }: { row: { original: UsageRow } }) => (row.original[key] === null ? <span className="text-slate-300">—</span> : formatCount(row.original[key]!, locale)),
    });
    return [
      {
        id: 'sdkAppId',
        accessorKey: 'sdkAppId',
        header: t('usage.col.app'),
        meta: { label: t('usage.col.app') },
        cell: ({ row }) => (
          <Link href={`/accounts/${row.original.accountId}`} className="hover:underline">
            <span className="font-mono text-xs">{row.original.sdkAppId}</span> <span className="text-xs text-slate-500">{row.original.appName}</span>
          </Link>
        ),
      },
      { id: 'date', accessorKey: 'date', header: t('usage.col.date'), meta: { label: t('usage.col.date') } },
      count('dau'),
      count('peakGroups'),
      count('mau'),
      count('pcc'),
      {
        id: 'barrage',
        header: t('usage.col.barrage'),
        enableSorting: false,
        meta: { label: t('usage.col.barrage'), align: 'right' },
        cell: ({ row }) =>
          row.original.barrageDomesticMbps === null && row.original.barrageIntlMbps === null ? (
            <span className="text-slate-300">—</span>
          ) : (
            `${row.original.barrageDomesticMbps ?? '—'} / ${row.original.barrageIntlMbps ?? '—'}`
          ),
      },
      {
        id: 'source',
        accessorKey: 'source',
        header: t('usage.col.source'),
        enableSorting: false,
        meta: { label: t('usage.col.source') },
        cell: ({ row }) => (
          <span className="flex flex-col">
            <Badge tone={row.original.source === 'API' ? 'blue' : row.original.source === 'CSV' ? 'violet' : 'neutral'}>{row.original.source}</Badge>
            <span className="text-xs text-slate-500">{row.original.sentBy}</span>
          </span>
        ),
      },
      {
        id: 'updatedAt',
        accessorKey: 'updatedAt',
        header: t('usage.col.updatedAt'),
        meta: { label: t('usage.col.updatedAt') },
        cell: ({ row }) => <span className="text-xs tabular-nums">{formatDateTime(row.original.updatedAt, locale)}</span>,
      },
    ];
  }, [t, locale]);
  return (
    <DataTable
      exportPath="/usage/export.csv"
      columns={columns}
      data={rows}
      pageCount={pageCount}
      rowCount={rowCount}
      rowCountCapped={rowCountCapped}
      getRowId={(row) => `${row.sdkAppId}-${row.date}`}
      emptyText={t('usage.empty')}
      toolbar={
        <DataTableToolbar
          searchParam="app"
          searchPlaceholder={t('usage.filter.app')}
          filters={[
            { param: 'month', label: t('usage.filter.month'), options: months.map((m) => ({ value: m, label: m })) },
            { param: 'source', label: t('usage.col.source'), options: ['API', 'CSV', 'SEED'].map((s) => ({ value: s, label: s })) },
          ]}
        />
      }
    />
  );
}
