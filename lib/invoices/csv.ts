import { ADDON_NAMES, EDITIONS, LINE_CODE_LABELS, type AddonCode, type Edition, type LineCode } from '../billing/catalog';
import { explainFor } from '../billing/explain-zh';
import { csvDocument, type CsvValue } from '../csv';
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

/** The header a Chinese reader gets; the English header keeps the machine names. */
const ZH_COLUMNS: Record<(typeof INVOICE_CSV_COLUMNS)[number], string> = {
  invoice: '账单编号',
  status: '状态',
  month: '月份',
  currency: '币种',
  sdkAppId: 'SDKAppID',
  app: '应用',
  code: '代码',
  description: '项目',
  edition: '版本',
  addon: '增值服务',
  from: '起',
  to: '止',
  quantity: '数量',
  unitPrice: '单价',
  amount: '金额',
  explanation: '计算方式',
};

/** `Package · Professional 专业版`, `附加服务 · 群成员上限扩展 · 专业版`: what the line is, in the reader's language. */
function lineName(line: { code: string; edition: string | null; addon: string | null }, locale: Locale): string {
  const label = LINE_CODE_LABELS[line.code as LineCode];
  const parts = [label ? (locale === 'zh' ? label.labelZh : label.labelEn) : line.code];
  const addon = line.addon ? ADDON_NAMES[line.addon as AddonCode] : undefined;
  if (addon) parts.push(locale === 'zh' ? addon.nameZh : addon.nameEn);
  const edition = line.edition ? EDITIONS[line.edition as Edition] : undefined;
  if (edition) parts.push(`${edition.nameEn} ${edition.nameZh}`);
  return parts.join(' · ');
}

/**
 * An invoice as CSV in the reader's language: one row per line (amounts as exact decimal strings,
 * in the invoice's currency), then a TOTAL row; cells neutralised and quoted by lib/csv.ts. The
 * line's readable name and explanation follow the language; the `code` column keeps the machine
 * code (DAU_OVERAGE) whatever the language.
 */
export function invoiceCsv(invoice: InvoiceDetail, locale: Locale = 'en'): string {
  const ref = invoice.number ?? `DRAFT-${invoice.id}`;
  const rows: CsvValue[][] = [locale === 'zh' ? INVOICE_CSV_COLUMNS.map((c) => ZH_COLUMNS[c]) : [...INVOICE_CSV_COLUMNS]];
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
        lineName(line, locale),
        line.edition,
        line.addon,
        line.from,
        line.to,
        line.quantity,
        line.unitPrice,
        line.amount,
        explainFor(line.explain, locale),
      ]);
    }
  }
  rows.push([ref, invoice.status, invoice.month, invoice.currency, null, null, 'TOTAL', locale === 'zh' ? '合计' : 'Total', null, null, invoice.period.from, invoice.period.to, null, null, invoice.total, null]);
  return csvDocument(rows);
}

export function invoiceCsvFilename(invoice: Pick<InvoiceDetail, 'id' | 'number' | 'month'>): string {
  return `${invoice.number ?? `draft-${invoice.id}`}_${invoice.month}.csv`;
}
