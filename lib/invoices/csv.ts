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

/** The header a Chinese reader gets; the code column keeps the machine codes in both languages. */
const INVOICE_CSV_HEADERS_ZH: Record<(typeof INVOICE_CSV_COLUMNS)[number], string> = {
  invoice: '账单编号',
  status: '状态',
  month: '账期',
  currency: '币种',
  sdkAppId: 'SDKAppID',
  app: '应用',
  code: '代码',
  description: '项目',
  edition: '版本',
  addon: '增值服务',
  from: '起始日',
  to: '结束日',
  quantity: '数量',
  unitPrice: '单价',
  amount: '金额',
  explanation: '计算说明',
};

/**
 * An invoice as CSV: one row per line (amounts as exact decimal strings, in the invoice's
 * currency), then a TOTAL row; cells neutralised and quoted by lib/csv.ts. The header, the
 * description and the explanation are in the reader's language; the code column (PACKAGE,
 * DAU_OVERAGE, TOTAL) is the same in every language, for programs.
 */
export function invoiceCsv(invoice: InvoiceDetail, locale: Locale): string {
  const label = (code: string) => {
    const labels = LINE_CODE_LABELS[code as LineCode];
    return labels === undefined ? code : locale === 'zh' ? labels.labelZh : labels.labelEn;
  };
  const ref = invoice.number ?? `DRAFT-${invoice.id}`;
  const rows: CsvValue[][] = [locale === 'zh' ? INVOICE_CSV_COLUMNS.map((column) => INVOICE_CSV_HEADERS_ZH[column]) : [...INVOICE_CSV_COLUMNS]];
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
