import type { InvoiceMoney } from '@/lib/balances/queries';
import type { Locale } from '@/lib/i18n/messages';
import type { InvoiceDetail } from '@/lib/invoices/queries';
import { lineTitle } from '../invoices/labels';
import type { CreditableLine } from './credit-note-form';

/** The invoice's lines with what credit notes already took from each, for the credit-note form. */
export function creditableLines(invoice: InvoiceDetail, money: InvoiceMoney, locale: Locale): CreditableLine[] {
  return invoice.apps.flatMap((app) =>
    app.lines.map((line) => ({
      position: line.position,
      title: `${lineTitle(line, locale)} · ${app.sdkAppId} · ${line.from === line.to ? line.from : `${line.from} – ${line.to}`}`,
      amount: line.amount,
      credited: money.creditedByLine[line.position] ?? '0.00',
    })),
  );
}
