'use client';

import { useMemo } from 'react';
import type { InvoiceRow } from '@/lib/invoices/queries';
import { INVOICE_STATUSES } from '@/lib/invoices/schemas';
import { useI18n } from '@/lib/i18n/client';
import { DataTable } from '../data-table/data-table';
import { DataTableToolbar, type FacetFilter } from '../data-table/data-table-toolbar';
import { getInvoicesColumns } from './invoices-columns';

/** The invoices list for ops (every filter) and for customers (their own, fewer columns). */
export function InvoicesTable({
  rows,
  pageCount,
  rowCount,
  months,
  variant,
}: {
  rows: InvoiceRow[];
  pageCount: number;
  rowCount: number;
  months: string[];
  variant: 'console' | 'portal';
}) {
  const { t, locale } = useI18n();
  const console_ = variant === 'console';
  const columns = useMemo(
    () => getInvoicesColumns(t, locale, { basePath: console_ ? '/invoices' : '/portal/invoices', showAccount: console_ }),
    [t, locale, console_],
  );
  const statuses = console_ ? INVOICE_STATUSES : (['ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOID'] as const);
  const filters: FacetFilter[] = [
    { param: 'month', label: t('invoices.filter.month'), options: months.map((m) => ({ value: m, label: m })) },
    { param: 'status', label: t('invoices.filter.status'), options: statuses.map((s) => ({ value: s, label: t(`invoice.status.${s}`) })) },
  ];
  if (console_) {
    filters.push(
      { param: 'scheme', label: t('invoices.filter.scheme'), options: (['LEGACY', 'CURRENT'] as const).map((s) => ({ value: s, label: t(`scheme.${s}`) })) },
      { param: 'currency', label: t('invoices.filter.currency'), options: ['CNY', 'USD'].map((c) => ({ value: c, label: c })) },
    );
  }
  return (
    <DataTable
      columns={columns}
      data={rows}
      pageCount={pageCount}
      rowCount={rowCount}
      getRowId={(row) => String(row.id)}
      emptyText={t(console_ ? 'invoices.empty' : 'bills.empty')}
      toolbar={<DataTableToolbar searchPlaceholder={t(console_ ? 'invoices.filter.search' : 'bills.filter.search')} filters={filters} />}
    />
  );
}
