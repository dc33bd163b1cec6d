import { LINE_CODE_LABELS, type LineCode } from '../billing/catalog';
import type { InvoiceDetail } from './queries';

function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote what CSV needs quoted, and neutralise spreadsheet formulas (= + - @ at the start of text).
  const safe = /^[=+@]/.test(text) || (/^-/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const INVOICE_CSV_COLUMNS = [
  'invoice',
  'status',
  'month',
  'currency',
  'sdkAppId',
  'app',
  'code',
  'description',
  'edition',
  'addon',
  'from',
  'to',
  'quantity',
  'unitPrice',
  'amount',
  'explanation',
] as const;

/**
 * An invoice as CSV: one row per line (amounts as exact decimal strings, in the invoice's
 * currency), then a TOTAL row. UTF-8 with a byte-order mark so spreadsheet programs read the
 * Chinese names right.
 */
export function invoiceCsv(invoice: InvoiceDetail): string {
  const ref = invoice.number ?? `DRAFT-${invoice.id}`;
  const rows: (string | number | null)[][] = [[...INVOICE_CSV_COLUMNS]];
  for (const app of invoice.apps) {
    for (const line of app.lines) {
      rows.push([
        ref,
        invoice.status,
        invoice.month,
        invoice.currency,
        app.sdkAppId,
        app.appName,
        line.code,
        LINE_CODE_LABELS[line.code as LineCode]?.labelEn ?? line.code,
        line.edition,
        line.addon,
        line.from,
        line.to,
        line.quantity,
        line.unitPrice,
        line.amount,
        line.explain,
      ]);
    }
  }
  rows.push([ref, invoice.status, invoice.month, invoice.currency, null, null, 'TOTAL', 'Total', null, null, invoice.period.from, invoice.period.to, null, null, invoice.total, null]);
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function invoiceCsvFilename(invoice: Pick<InvoiceDetail, 'id' | 'number' | 'month'>): string {
  return `${invoice.number ?? `draft-${invoice.id}`}_${invoice.month}.csv`;
}
