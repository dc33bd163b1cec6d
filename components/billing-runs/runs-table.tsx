'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { useMemo } from 'react';
import type { BillingRunRow } from '@/lib/billing-runs/queries';
import { formatDateTime } from '@/lib/i18n/format';
import { useI18n } from '@/lib/i18n/client';
import { DataTable } from '../data-table/data-table';
import { DataTableToolbar } from '../data-table/data-table-toolbar';
import { RunProgressBar, RunStatusBadge } from './run-status';

/** The history of billing runs (server-side paging and sorting, state in the URL). */
export function RunsTable({ rows, pageCount, rowCount }: { rows: BillingRunRow[]; pageCount: number; rowCount: number }) {
  const { t, locale } = useI18n();
  const columns = useMemo<ColumnDef<BillingRunRow, unknown>[]>(
    () => [
      {
        id: 'id',
        accessorKey: 'id',
        header: t('runs.col.id'),
        enableSorting: false,
        meta: { label: t('runs.col.id'), align: 'right' },
        cell: ({ row }) => (
          <Link href={`/billing-runs/${row.original.id}`} className="font-mono text-xs font-medium text-sky-800 hover:underline">
            #{row.original.id}
          </Link>
        ),
      },
      { id: 'month', accessorKey: 'month', header: t('runs.col.month'), meta: { label: t('runs.col.month') } },
      {
        id: 'status',
        accessorKey: 'status',
        header: t('runs.col.status'),
        meta: { label: t('runs.col.status'), variant: 'badge' },
        cell: ({ row }) => <RunStatusBadge status={row.original.status} stale={row.original.stale} />,
      },
      {
        id: 'progress',
        header: t('runs.col.progress'),
        enableSorting: false,
        meta: { label: t('runs.col.progress') },
        cell: ({ row }) => <RunProgressBar done={row.original.doneAccounts} total={row.original.totalAccounts} />,
      },
      { id: 'invoices', accessorKey: 'invoiceCount', header: t('runs.col.invoices'), enableSorting: false, meta: { label: t('runs.col.invoices'), align: 'right' } },
      {
        id: 'failed',
        accessorKey: 'failedAccounts',
        header: t('runs.col.failed'),
        enableSorting: false,
        meta: { label: t('runs.col.failed'), align: 'right' },
        cell: ({ row }) => <span className={row.original.failedAccounts > 0 ? 'font-medium text-rose-700' : undefined}>{row.original.failedAccounts}</span>,
      },
      { id: 'skipped', accessorKey: 'skippedAccounts', header: t('runs.col.skipped'), enableSorting: false, meta: { label: t('runs.col.skipped'), align: 'right' } },
      { id: 'startedBy', accessorKey: 'startedBy', header: t('runs.col.startedBy'), enableSorting: false, meta: { label: t('runs.col.startedBy') } },
      {
        id: 'startedAt',
        accessorKey: 'startedAt',
        header: t('runs.col.startedAt'),
        meta: { label: t('runs.col.startedAt'), variant: 'date' },
        cell: ({ row }) => <span className="tabular-nums">{formatDateTime(row.original.startedAt, locale)}</span>,
      },
    ],
    [t, locale],
  );
  return (
    <DataTable
      columns={columns}
      data={rows}
      pageCount={pageCount}
      rowCount={rowCount}
      getRowId={(row) => String(row.id)}
      emptyText={t('runs.empty')}
      toolbar={
        <DataTableToolbar
          searchParam="month"
          searchPlaceholder={t('runs.filter.month')}
          filters={[
            {
              param: 'status',
              label: t('runs.col.status'),
              options: (['RUNNING', 'SUCCEEDED', 'FAILED'] as const).map((s) => ({ value: s, label: t(`runs.status.${s}`) })),
            },
          ]}
        />
      }
    />
  );
}
