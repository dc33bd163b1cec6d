import { LINE_CODE_LABELS, type LineCode } from '../billing/catalog';
import { csvDocument, type CsvValue } from '../csv';
import { renderExplanation } from '../i18n/explain';
import type { Locale } from '../i18n/messages';
import type { InvoiceDetail } from './queries';

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
 * currency), then a TOTAL row; cells neutralised and quoted by lib/csv.ts. Column names and codes
 * are fixed (for programs); the description and the explanation are in the reader's language.
 */
export function invoiceCsv(invoice: InvoiceDetail, locale: Locale): string {
  const label = (code: string) => {
    const labels = LINE_CODE_LABELS[code as LineCode];
    return labels === undefined ? code : locale === 'zh' ? labels.labelZh : labels.labelEn;
  };
  const ref = invoice.number ?? `DRAFT-${invoice.id}`;
  const rows: CsvValue[][] = [[...INVOICE_CSV_COLUMNS]];
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
        label(line.code),
        line.edition,
        line.addon,
        line.from,
        line.to,
        line.quantity,
        line.unitPrice,
        line.amount,
        renderExplanation(line.explanation, locale),
      ]);
    }
  }
  rows.push([ref, invoice.status, invoice.month, invoice.currency, null, null, 'TOTAL', locale === 'zh' ? '合计' : 'Total', null, null, invoice.period.from, invoice.period.to, null, null, invoice.total, null]);
  return csvDocument(rows);
}

export function invoiceCsvFilename(invoice: Pick<InvoiceDetail, 'id' | 'number' | 'month'>): string {
  return `${invoice.number ?? `draft-${invoice.id}`}_${invoice.month}.csv`;
}
