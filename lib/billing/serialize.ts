/**
 * Invoices as plain JSON (DOMAIN.md section 9): amounts with two decimals, unit
 * prices and quantities keeping their own precision, all as strings; `explain` is
 * the English rendering of the line's explanation.
 *
 * The simulator prints exactly InvoiceJson. The console's DTOs (InvoiceData) add each
 * line's explanation as data, so a page renders it in its reader's language.
 */
import { renderExplanation } from '../i18n/explain';
import type { AddonCode, Currency, Edition, LineCode, Scheme } from './catalog';
import { formatAmount, formatPlain } from './money';
import type { Explanation, Invoice, InvoiceLine } from './types';

export interface InvoiceLineJson {
  sdkAppId: number;
  code: LineCode;
  edition?: Edition;
  addon?: AddonCode;
  from: string;
  to: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  explain: string;
}

export interface InvoiceJson {
  month: string;
  scheme: Scheme;
  currency: Currency;
  total: string;
  lines: InvoiceLineJson[];
}

export function serializeLine(line: InvoiceLine): InvoiceLineJson {
  const json: InvoiceLineJson = { sdkAppId: line.sdkAppId, code: line.code } as InvoiceLineJson;
  if (line.edition !== undefined) json.edition = line.edition;
  if (line.addon !== undefined) json.addon = line.addon;
  json.from = line.from;
  json.to = line.to;
  json.quantity = formatPlain(line.quantity);
  json.unitPrice = formatPlain(line.unitPrice);
  json.amount = formatAmount(line.amount);
  json.explain = renderExplanation(line.explanation, 'en');
  return json;
}

/** A line as the console carries it: the contract's fields and the explanation as data. */
export interface InvoiceLineData extends InvoiceLineJson {
  explanation: Explanation;
}

export interface InvoiceData extends Omit<InvoiceJson, 'lines'> {
  lines: InvoiceLineData[];
}

export function lineData(line: InvoiceLine): InvoiceLineData {
  const json = serializeLine(line) as InvoiceLineData;
  json.explanation = line.explanation;
  return json;
}

export function invoiceData(invoice: Invoice): InvoiceData {
  return {
    month: invoice.month,
    scheme: invoice.scheme,
    currency: invoice.currency,
    total: formatAmount(invoice.total),
    lines: invoice.lines.map(lineData),
  };
}

export function serializeInvoice(invoice: Invoice): InvoiceJson {
  return {
    month: invoice.month,
    scheme: invoice.scheme,
    currency: invoice.currency,
    total: formatAmount(invoice.total),
    lines: invoice.lines.map(serializeLine),
  };
}
