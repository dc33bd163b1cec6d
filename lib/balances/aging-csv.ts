import { csvDocument, type CsvValue } from '../csv';
import type { AgingRow, OpenInvoiceRow } from './queries';

export const AGING_CSV_COLUMNS = ['section', 'currency', 'invoice', 'account_id', 'account', 'due_date', 'days_overdue', 'bucket', 'amount_due'] as const;

/** The bucket of an open invoice by days past its due date (DOMAIN.md section 12's aging). */
export function agingBucket(daysOverdue: number): 'current' | 'd1_30' | 'd31_60' | 'd61_90' | 'd90plus' {
  if (daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return 'd1_30';
  if (daysOverdue <= 60) return 'd31_60';
  if (daysOverdue <= 90) return 'd61_90';
  return 'd90plus';
}

/** Totals per currency and bucket first, then every open invoice; amounts stay decimal text. */
export function agingCsv(aging: readonly AgingRow[], open: readonly OpenInvoiceRow[]): string {
  const rows: CsvValue[][] = [[...AGING_CSV_COLUMNS]];
  for (const a of aging) {
    for (const bucket of ['current', 'd1_30', 'd31_60', 'd61_90', 'd90plus'] as const) rows.push(['total', a.currency, null, null, null, null, null, bucket, a[bucket]]);
    rows.push(['total', a.currency, null, null, null, null, null, 'all', a.total]);
  }
  for (const o of open) rows.push(['invoice', o.currency, o.number, o.accountId, o.accountName, o.dueDate, o.daysOverdue, agingBucket(o.daysOverdue), o.amountDue]);
  // The shared writer neutralises formula-like cells (an account named "=cmd|…").
  return csvDocument(rows);
}
