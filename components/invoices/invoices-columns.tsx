'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/messages';
import type { Translate } from '@/lib/i18n/translate';
import type { InvoiceRow } from '@/lib/invoices/queries';
import { Badge } from '../ui/badge';
import { PlannedIssue } from './planned-issue';
import { InvoiceStatusBadge } from './status-badge';

export function getInvoicesColumns(t: Translate, locale: Locale, options: { basePath: string; showAccount: boolean }): ColumnDef<InvoiceRow, unknown>[] {
  const columns: ColumnDef<InvoiceRow, unknown>[] = [
    {
      id: 'number',
      accessorKey: 'number',
      header: t('invoices.col.number'),
      meta: { label: t('invoices.col.number') },
      cell: ({ row }) => (
        <Link href={`${options.basePath}/${row.original.id}`} className="font-mono text-xs font-medium text-sky-800 hover:underline">
          {row.original.number ?? t('invoices.draftNumber', { id: row.original.id })}
        </Link>
      ),
    },
    {
      id: 'month',
      accessorKey: 'month',
      header: t('invoices.col.month'),
      meta: { label: t('invoices.col.month'), variant: 'date' },
      cell: ({ row }) => <span className="tabular-nums">{row.original.month}</span>,
    },
  ];
  if (options.showAccount) {
    columns.push({
      id: 'account',
      accessorKey: 'accountName',
      header: t('invoices.col.account'),
      meta: { label: t('invoices.col.account') },
      cell: ({ row }) => (
        <Link href={`/accounts/${row.original.accountId}`} className="hover:underline">
          {row.original.accountName} <span className="text-xs text-slate-400">#{row.original.accountId}</span>
        </Link>
      ),
    });
    columns.push({
      id: 'scheme',
      accessorKey: 'scheme',
      header: t('invoices.col.scheme'),
      enableSorting: false,
      meta: { label: t('invoices.col.scheme'), variant: 'badge' },
      cell: ({ row }) => <Badge tone={row.original.scheme === 'LEGACY' ? 'amber' : 'blue'}>{t(`scheme.${row.original.scheme}`)}</Badge>,
    });
  }
  columns.push(
    {
      id: 'status',
      accessorKey: 'status',
      header: t('invoices.col.status'),
      meta: { label: t('invoices.col.status'), variant: 'badge' },
      cell: ({ row }) => (
        <span className="flex items-center gap-1">
          <InvoiceStatusBadge status={row.original.status} />
          {row.original.replacesNumber ? <span className="text-xs text-slate-500">{t('invoices.replaces', { number: row.original.replacesNumber })}</span> : null}
        </span>
      ),
    },
    {
      id: 'lines',
      accessorKey: 'lineCount',
      header: t('invoices.col.lines'),
      enableSorting: false,
      meta: { label: t('invoices.col.lines'), align: 'right', variant: 'number' },
    },
    {
      id: 'total',
      accessorKey: 'total',
      header: t('invoices.col.total'),
      meta: { label: t('invoices.col.total'), align: 'right', variant: 'money' },
      cell: ({ row }) => (
        <span className={row.original.status === 'VOID' ? 'text-slate-400 line-through' : 'font-medium'}>
          {formatMoney(row.original.total, row.original.currency, locale)}
        </span>
      ),
    },
    {
      id: 'issuedAt',
      accessorKey: 'issuedAt',
      header: t('invoices.col.issued'),
      meta: { label: t('invoices.col.issued'), variant: 'date' },
      cell: ({ row }) =>
        row.original.issuedAt ? (
          <span className="tabular-nums">{formatDateTime(row.original.issuedAt, locale)}</span>
        ) : (
          <span className="text-xs text-slate-500">
            <PlannedIssue date={row.original.plannedIssueDate} overdue={row.original.issueOverdue} t={t} />
          </span>
        ),
    },
  );
  return columns;
}
