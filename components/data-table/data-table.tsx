'use client';

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useState, type ReactNode } from 'react';
import { useI18n } from '@/lib/i18n/client';
import { cn } from '../ui/cn';
import { DataTablePagination } from './data-table-pagination';
import { ExportLink } from './export-link';
import { SavedViewsMenu } from './saved-views';
import { HIDE_PARAM, useUrlState } from './use-url-state';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    label?: string;
    align?: 'left' | 'right';
    variant?: 'text' | 'number' | 'money' | 'date' | 'badge';
  }
}

/**
 * One generic table for every list: the server pages, sorts and filters; this component only
 * renders the page it is given and turns header clicks into URL changes.
 */
export function DataTable<TData>({
  columns,
  data,
  pageCount,
  rowCount,
  rowCountCapped = false,
  toolbar,
  getRowId,
  emptyText,
  rowSelection,
  onRowSelectionChange,
  exportPath,
  selectionBar,
}: {
  columns: ColumnDef<TData, unknown>[];
  data: TData[];
  pageCount: number;
  rowCount: number;
  /** The server counted up to `rowCount` and stopped: there are more rows (shown as "10,000+"). */
  rowCountCapped?: boolean;
  toolbar?: ReactNode;
  getRowId?: (row: TData) => string;
  emptyText?: string;
  /** Row selection (ids from getRowId), for tables with bulk actions; the page's rows only. */
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: OnChangeFn<RowSelectionState>;
  /** The list's CSV export route; the link carries the current filters. */
  exportPath?: string;
  /** Bulk actions for the selected rows, shown above the table. */
  selectionBar?: ReactNode;
}) {
  const { t } = useI18n();
  const { searchParams, setParams, pending } = useUrlState();
  const [sortId, sortDirection] = (searchParams.get('sort') ?? '').split('.');
  const sorting: SortingState = sortId ? [{ id: sortId, desc: sortDirection === 'desc' }] : [];
  // Hidden columns live in the URL (`hide=total,issuedAt`), like the table's other state.
  const [columnsOpen, setColumnsOpen] = useState(false);
  const hidden = (searchParams.get(HIDE_PARAM) ?? '').split(',').filter(Boolean);
  const columnVisibility: VisibilityState = Object.fromEntries(hidden.map((id) => [id, false]));

  // TanStack Table returns fresh functions each render; the React Compiler skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getRowId,
    pageCount,
    rowCount,
    state: { sorting, columnVisibility, ...(rowSelection ? { rowSelection } : {}) },
    enableRowSelection: Boolean(onRowSelectionChange),
    onRowSelectionChange,
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    getCoreRowModel: getCoreRowModel(),
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      setParams({ sort: first ? `${first.id}.${first.desc ? 'desc' : 'asc'}` : null }, { resetPage: true });
    },
  });

  const hideable = table.getAllLeafColumns().filter((column) => column.columnDef.enableHiding !== false && column.columnDef.meta?.label);
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        {toolbar}
        <div className="flex items-center gap-2">
          {exportPath ? <ExportLink path={exportPath} /> : null}
          <SavedViewsMenu />
          {hideable.length > 1 ? (
            <details className="relative text-xs" open={columnsOpen} onToggle={(event) => setColumnsOpen(event.currentTarget.open)}>
              <summary className="cursor-pointer rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-slate-700 hover:bg-slate-50">{t('table.columns')}</summary>
              {/* Rendered only while open: closed, the menu adds no controls to the page. */}
              {columnsOpen ? (
                <fieldset className="absolute right-0 z-10 mt-1 flex w-48 flex-col gap-1 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
                  <legend className="sr-only">{t('table.columns')}</legend>
                  {hideable.map((column) => (
                    <label key={column.id} className="flex items-center gap-2">
                      <input
                        type="checkbox"
                        aria-label={t('table.showColumn', { column: column.columnDef.meta?.label ?? column.id })}
                        checked={column.getIsVisible()}
                        onChange={(event) => {
                          const next = event.target.checked ? hidden.filter((id) => id !== column.id) : [...hidden, column.id];
                          setParams({ [HIDE_PARAM]: next.join(',') || null });
                        }}
                      />
                      {column.columnDef.meta?.label}
                    </label>
                  ))}
                </fieldset>
              ) : null}
            </details>
          ) : null}
        </div>
      </div>
      {selectionBar}
      <div className={cn('relative overflow-x-auto rounded-lg border border-slate-200 bg-white transition-opacity', pending && 'opacity-60')} aria-busy={pending}>
        <table className="w-full border-collapse text-sm">
          <thead className="bg-slate-50 text-left text-xs font-medium text-slate-600">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const sorted = header.column.getIsSorted();
                  const label = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      className={cn('border-b border-slate-200 px-3 py-2 font-medium whitespace-nowrap', meta?.align === 'right' && 'text-right')}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 hover:text-slate-900"
                          title={sorted === 'asc' ? t('common.sortDesc') : t('common.sortAsc')}
                        >
                          {label}
                          <span aria-hidden className="text-[10px] text-slate-500">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={table.getVisibleLeafColumns().length} className="px-3 py-10 text-center text-slate-500">
                  {emptyText ?? t('common.noResults')}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className={cn('hover:bg-slate-50/60', row.getIsSelected() && 'bg-sky-50/70')} aria-selected={onRowSelectionChange ? row.getIsSelected() : undefined}>
                  {row.getVisibleCells().map((cell) => (
                    <td
                      key={cell.id}
                      className={cn(
                        'px-3 py-1.5 align-top',
                        cell.column.columnDef.meta?.align === 'right' && 'text-right tabular-nums',
                      )}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <DataTablePagination pageCount={pageCount} rowCount={rowCount} rowCountCapped={rowCountCapped} />
    </div>
  );
}
