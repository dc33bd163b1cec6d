'use client';

import { useMemo } from 'react';
import type { AccountRow } from '@/lib/accounts/queries';
import { DATA_CENTERS } from '@/lib/billing/catalog';
import { useI18n } from '@/lib/i18n/client';
import { DataTable } from '../data-table/data-table';
import { DataTableToolbar } from '../data-table/data-table-toolbar';
import { getAccountsColumns } from './accounts-columns';

export function AccountsTable({ rows, pageCount, rowCount }: { rows: AccountRow[]; pageCount: number; rowCount: number }) {
  const { t, locale } = useI18n();
  const columns = useMemo(() => getAccountsColumns(t, locale), [t, locale]);
  return (
    <DataTable
      exportPath="/accounts/export.csv"
      columns={columns}
      data={rows}
      pageCount={pageCount}
      rowCount={rowCount}
      getRowId={(row) => String(row.id)}
      toolbar={
        <DataTableToolbar
          searchPlaceholder={t('accounts.filter.search')}
          filters={[
            {
              param: 'scheme',
              label: t('accounts.filter.scheme'),
              options: (['LEGACY', 'CURRENT'] as const).map((s) => ({ value: s, label: t(`scheme.${s}`) })),
            },
            {
              param: 'currency',
              label: t('accounts.filter.currency'),
              options: ['CNY', 'USD'].map((c) => ({ value: c, label: c })),
            },
            {
              param: 'dc',
              label: t('accounts.filter.dataCenter'),
              options: DATA_CENTERS.map((dc) => ({ value: dc, label: t(`dc.${dc}`) })),
            },
          ]}
        />
      }
    />
  );
}
