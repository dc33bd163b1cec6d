'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { useMemo } from 'react';
import { formatDateTime } from '@/lib/i18n/format';
import { useI18n } from '@/lib/i18n/client';
import type { Locale } from '@/lib/i18n/messages';
import type { Translate } from '@/lib/i18n/translate';
import type { TicketRow } from '@/lib/migrations/queries';
import { TICKET_STATUSES } from '@/lib/migrations/schemas';
import { DataTable } from '../data-table/data-table';
import { DataTableToolbar } from '../data-table/data-table-toolbar';
import { TicketStatusBadge } from './ticket-status-badge';

export function getTicketsColumns(t: Translate, locale: Locale): ColumnDef<TicketRow, unknown>[] {
  return [
    {
      id: 'id',
      accessorKey: 'id',
      header: t('migrations.col.id'),
      meta: { label: t('migrations.col.id'), align: 'right', variant: 'number' },
      cell: ({ row }) => (
        <Link href={`/migrations/${row.original.id}`} className="font-mono text-xs font-medium text-sky-800 hover:underline">
          #{row.original.id}
        </Link>
      ),
    },
    {
      id: 'account',
      accessorKey: 'accountName',
      header: t('migrations.col.account'),
      meta: { label: t('migrations.col.account'), variant: 'text' },
      cell: ({ row }) => (
        <Link href={`/accounts/${row.original.accountId}`} className="text-sky-800 hover:underline">
          {row.original.accountName} <span className="font-mono text-xs text-slate-500">({row.original.accountId})</span>
        </Link>
      ),
    },
    {
      id: 'requestRef',
      accessorKey: 'requestRef',
      header: t('migrations.col.requestRef'),
      enableSorting: false,
      meta: { label: t('migrations.col.requestRef') },
      cell: ({ row }) => <span className="font-mono text-xs">{row.original.requestRef}</span>,
    },
    {
      id: 'status',
      accessorKey: 'status',
      header: t('migrations.col.status'),
      meta: { label: t('migrations.col.status'), variant: 'badge' },
      cell: ({ row }) => <TicketStatusBadge status={row.original.status} label={t(`migrations.status.${row.original.status}`)} />,
    },
    {
      id: 'effectiveOn',
      accessorKey: 'effectiveOn',
      header: t('migrations.col.effectiveOn'),
      meta: { label: t('migrations.col.effectiveOn'), variant: 'date' },
      cell: ({ row }) => <span className="tabular-nums">{row.original.effectiveOn ?? t('common.none')}</span>,
    },
    {
      id: 'manager',
      accessorKey: 'managerName',
      header: t('migrations.col.manager'),
      enableSorting: false,
      meta: { label: t('migrations.col.manager') },
      cell: ({ row }) => row.original.managerName ?? <span className="text-slate-500">{t('account.unmanaged')}</span>,
    },
    {
      id: 'createdBy',
      accessorKey: 'createdByName',
      header: t('migrations.col.createdBy'),
      enableSorting: false,
      meta: { label: t('migrations.col.createdBy') },
      cell: ({ row }) => row.original.createdByName ?? t('common.none'),
    },
    {
      id: 'createdAt',
      accessorKey: 'createdAt',
      header: t('migrations.col.createdAt'),
      meta: { label: t('migrations.col.createdAt'), variant: 'date' },
      cell: ({ row }) => <span className="tabular-nums">{formatDateTime(row.original.createdAt, locale)}</span>,
    },
  ];
}

export function TicketsTable({ rows, pageCount, rowCount }: { rows: TicketRow[]; pageCount: number; rowCount: number }) {
  const { t, locale } = useI18n();
  const columns = useMemo(() => getTicketsColumns(t, locale), [t, locale]);
  return (
    <DataTable
      columns={columns}
      data={rows}
      pageCount={pageCount}
      rowCount={rowCount}
      getRowId={(row) => String(row.id)}
      emptyText={t('migrations.empty')}
      toolbar={
        <DataTableToolbar
          searchPlaceholder={t('migrations.filter.search')}
          filters={[
            {
              param: 'status',
              label: t('migrations.filter.status'),
              options: TICKET_STATUSES.map((s) => ({ value: s, label: t(`migrations.status.${s}`) })),
            },
          ]}
        />
      }
    />
  );
}
