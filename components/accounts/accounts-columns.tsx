'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import type { AccountRow } from '@/lib/accounts/queries';
import { BILLING_TIME_ZONE } from '@/lib/clock';
import type { Translate } from '@/lib/i18n/translate';
import { Badge } from '../ui/badge';

export function getAccountsColumns(t: Translate, locale: string): ColumnDef<AccountRow, unknown>[] {
  const dateFormat = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-CA', { dateStyle: 'medium', timeZone: BILLING_TIME_ZONE });
  return [
    {
      id: 'id',
      accessorKey: 'id',
      header: t('accounts.col.id'),
      meta: { label: t('accounts.col.id'), align: 'right', variant: 'number' },
      cell: ({ row }) => <span className="font-mono text-xs">{row.original.id}</span>,
    },
    {
      id: 'name',
      accessorKey: 'name',
      header: t('accounts.col.name'),
      meta: { label: t('accounts.col.name'), variant: 'text' },
      cell: ({ row }) => (
        <Link href={`/accounts/${row.original.id}`} className="font-medium text-sky-800 hover:underline">
          {row.original.name}
        </Link>
      ),
    },
    {
      id: 'scheme',
      accessorKey: 'scheme',
      header: t('accounts.col.scheme'),
      meta: { label: t('accounts.col.scheme'), variant: 'badge' },
      cell: ({ row }) => (
        <span className="flex items-center gap-1">
          <Badge tone={row.original.scheme === 'LEGACY' ? 'amber' : 'blue'}>{t(`scheme.${row.original.scheme}`)}</Badge>
          {row.original.scheme === 'CURRENT' && row.original.currentFrom && row.original.currentFrom > row.original.createdAt.slice(0, 10) ? (
            <span className="text-xs text-slate-500">→ {row.original.currentFrom}</span>
          ) : null}
        </span>
      ),
    },
    {
      id: 'currency',
      accessorKey: 'currency',
      header: t('accounts.col.currency'),
      enableSorting: false,
      meta: { label: t('accounts.col.currency') },
    },
    {
      id: 'apps',
      accessorKey: 'appCount',
      header: t('accounts.col.apps'),
      enableSorting: false,
      meta: { label: t('accounts.col.apps'), align: 'right', variant: 'number' },
    },
    {
      id: 'dataCenters',
      accessorKey: 'dataCenters',
      header: t('accounts.col.dataCenters'),
      enableSorting: false,
      meta: { label: t('accounts.col.dataCenters') },
      cell: ({ row }) => (
        <span className="flex flex-wrap gap-1">
          {row.original.dataCenters.map((dc) => (
            <Badge key={dc}>{t(`dc.${dc}` as never)}</Badge>
          ))}
        </span>
      ),
    },
    {
      id: 'manager',
      accessorKey: 'managerName',
      header: t('accounts.col.manager'),
      enableSorting: false,
      meta: { label: t('accounts.col.manager') },
      cell: ({ row }) => row.original.managerName ?? <span className="text-slate-400">{t('account.unmanaged')}</span>,
    },
    {
      id: 'createdAt',
      accessorKey: 'createdAt',
      header: t('accounts.col.createdAt'),
      meta: { label: t('accounts.col.createdAt'), variant: 'date' },
      cell: ({ row }) => <span className="tabular-nums">{dateFormat.format(new Date(row.original.createdAt))}</span>,
    },
  ];
}
