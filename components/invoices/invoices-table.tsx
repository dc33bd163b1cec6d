'use client';

import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { InvoiceRow } from '@/lib/invoices/queries';
import { INVOICE_STATUSES } from '@/lib/invoices/schemas';
import { useI18n } from '@/lib/i18n/client';
import { DataTable } from '../data-table/data-table';
import { DataTableToolbar, type FacetFilter } from '../data-table/data-table-toolbar';
import { InvoicesBulkBar } from './invoices-bulk-bar';
import { getInvoicesColumns } from './invoices-columns';

/** The invoices list for ops (every filter) and for customers (their own, fewer columns). */
export function InvoicesTable({
  rows,
  pageCount,
  rowCount,
  months,
  variant,
  canIssue = false,
}: {
  rows: InvoiceRow[];
  pageCount: number;
  rowCount: number;
  months: string[];
  variant: 'console' | 'portal';
  /** Ops may issue the selected drafts. */
  canIssue?: boolean;
}) {
  const { t, locale } = useI18n();
  const console_ = variant === 'console';
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const columns = useMemo(() => {
    const base = getInvoicesColumns(t, locale, { basePath: console_ ? '/invoices' : '/portal/invoices', showAccount: console_ });
    return console_ ? [selectColumn(t), ...base] : base;
  }, [t, locale, console_]);
  // A selection is of the rows on screen: rows that left the page (filter, page) drop out.
  const selected = rows.filter((row) => rowSelection[String(row.id)]);
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
      rowSelection={console_ ? rowSelection : undefined}
      onRowSelectionChange={console_ ? setRowSelection : undefined}
      exportPath={console_ ? '/invoices/export.csv' : undefined}
      selectionBar={console_ ? <InvoicesBulkBar selected={selected} canIssue={canIssue} onClear={() => setRowSelection({})} /> : undefined}
      toolbar={<DataTableToolbar searchPlaceholder={t(console_ ? 'invoices.filter.search' : 'bills.filter.search')} filters={filters} />}
    />
  );
}

function selectColumn(t: ReturnType<typeof useI18n>['t']): ColumnDef<InvoiceRow, unknown> {
  return {
    id: 'select',
    enableSorting: false,
    enableHiding: false,
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label={t('table.selectAll')}
        checked={table.getIsAllPageRowsSelected()}
        ref={(input) => {
          if (input) input.indeterminate = table.getIsSomePageRowsSelected();
        }}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={t('table.selectRow', { id: row.original.number ?? `${row.original.accountName} ${row.original.month}` })}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  };
}
