import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { lineTitle } from '@/components/invoices/labels';
import { SELLER } from '@/components/invoices/seller';
import type { CreditNoteDocument, InvoiceMoney } from '../balances/queries';
import { renderExplanation } from '../i18n/explain';
import { formatDateTime, formatMoney, formatUnitPrice } from '../i18n/format';
import type { Locale } from '../i18n/messages';
import { makeTranslate, type Translate } from '../i18n/translate';
import type { InvoiceDetail, InvoiceLineView } from '../invoices/queries';

/**
 * Invoices and credit notes as PDF files, drawn with pdfkit on the server in the viewer's
 * language, with the content of the printed page. The font is Noto Sans SC from the
 * @expo-google-fonts/noto-sans-sc package (SIL OFL 1.1): it covers Latin and Chinese, and pdfkit
 * embeds only the glyphs a document uses.
 */

const FONT_DIR = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans-sc');
let fonts: { regular: Buffer; bold: Buffer } | undefined;

function loadFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(path.join(FONT_DIR, '400Regular', 'NotoSansSC_400Regular.ttf')),
    bold: readFileSync(path.join(FONT_DIR, '700Bold', 'NotoSansSC_700Bold.ttf')),
  };
  return fonts;
}

/**
 * How a line explains itself in the viewer's language: the one place the PDFs render an
 * explanation (the invoice page renders it the same way).
 */
export function lineExplanation(line: Pick<InvoiceLineView, 'explanation'>, locale: Locale): string {
  return renderExplanation(line.explanation, locale);
}

type Doc = InstanceType<typeof PDFDocument>;
const LEFT = 48;
const RIGHT = 547;
const WIDTH = RIGHT - LEFT;
const GREY = '#475569';
const INK = '#0f172a';

function newDocument(title: string): { doc: Doc; done: Promise<Buffer> } {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({ size: 'A4', margins: { top: 48, bottom: 48, left: LEFT, right: 595 - RIGHT }, info: { Title: title, Author: SELLER.name } });
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  doc.font('body');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Seller on the left, the document's heading, number and status on the right. */
function header(doc: Doc, t: Translate, heading: string, number: string, status: string): void {
  const top = doc.y;
  doc.font('body').fontSize(8).fillColor(GREY).text(t('invoice.seller'), LEFT, top, { width: 260 });
  doc.font('bold').fontSize(11).fillColor(INK).text(SELLER.name, { width: 260 });
  doc.font('body').fontSize(9).fillColor(GREY);
  for (const line of SELLER.address) doc.text(line, { width: 260 });
  doc.text(SELLER.email, { width: 260 }).text(t('invoice.taxId', { id: SELLER.taxId }), { width: 260 });
  const leftBottom = doc.y;
  doc.font('bold').fontSize(20).fillColor(INK).text(heading, 330, top, { width: RIGHT - 330, align: 'right' });
  doc.font('body').fontSize(12).text(number, { width: RIGHT - 330, align: 'right' });
  doc.fontSize(9).fillColor(GREY).text(status, { width: RIGHT - 330, align: 'right' });
  doc.y = Math.max(leftBottom, doc.y) + 10;
  rule(doc);
}

function rule(doc: Doc, weight = 0.5): void {
  doc.moveTo(LEFT, doc.y).lineTo(RIGHT, doc.y).lineWidth(weight).strokeColor('#cbd5e1').stroke();
  doc.y += 8;
}

/** Bill-to on the left; label/value pairs on the right. */
function parties(doc: Doc, t: Translate, account: { id: number; name: string; contactEmail: string }, meta: [string, string][]): void {
  const top = doc.y;
  doc.font('body').fontSize(8).fillColor(GREY).text(t('invoice.billTo'), LEFT, top, { width: 240 });
  doc.font('bold').fontSize(11).fillColor(INK).text(account.name, { width: 240 });
  doc.font('body').fontSize(9).fillColor(GREY).text(t('invoice.accountId', { id: account.id }), { width: 240 }).text(account.contactEmail, { width: 240 });
  const leftBottom = doc.y;
  let y = top;
  for (const [label, value] of meta) {
    doc.font('body').fontSize(9).fillColor(GREY).text(label, 300, y, { width: 110 });
    doc.fillColor(INK).text(value, 410, y, { width: RIGHT - 410, align: 'right' });
    y = Math.max(doc.y, y + 12);
  }
  doc.y = Math.max(leftBottom, y) + 8;
  rule(doc);
}

type Column = { width: number; align: 'left' | 'right' };

/** One table row: the first cell may wrap (with a grey second paragraph); the others stay on one line. */
function row(doc: Doc, columns: Column[], cells: string[], options: { note?: string; bold?: boolean; size?: number } = {}): void {
  const size = options.size ?? 9;
  doc.font(options.bold ? 'bold' : 'body').fontSize(size);
  const first = columns[0]!.width;
  const noteHeight = options.note ? doc.font('body').fontSize(size - 1).heightOfString(options.note, { width: first }) : 0;
  doc.font(options.bold ? 'bold' : 'body').fontSize(size);
  const height = doc.heightOfString(cells[0] ?? '', { width: first }) + noteHeight + 4;
  ensureRoom(doc, height);
  const top = doc.y;
  let x = LEFT;
  cells.forEach((cell, i) => {
    const column = columns[i]!;
    doc.font(options.bold ? 'bold' : 'body').fontSize(size).fillColor(INK).text(cell, x, top, { width: column.width - (i === 0 ? 6 : 0), align: column.align });
    if (i === 0 && options.note) doc.font('body').fontSize(size - 1).fillColor(GREY).text(options.note, x, doc.y, { width: column.width - 6 });
    x += column.width;
  });
  doc.y = top + height;
}

const LINE_COLUMNS: Column[] = [
  { width: 235, align: 'left' },
  { width: 92, align: 'left' },
  { width: 50, align: 'right' },
  { width: 60, align: 'right' },
  { width: WIDTH - 437, align: 'right' },
];

export async function invoicePdf(invoice: InvoiceDetail, money: InvoiceMoney | null, locale: Locale): Promise<Buffer> {
  const t = makeTranslate(locale);
  const fmt = (amount: string) => formatMoney(amount, invoice.currency, locale);
  const number = invoice.number ?? t('invoice.draftNumber', { id: invoice.id });
  const { doc, done } = newDocument(`${t('invoice.heading')} ${number}`);
  header(doc, t, t('invoice.heading'), number, t(`invoice.status.${invoice.status}`));
  const meta: [string, string][] = [[t('invoice.period'), `${invoice.period.from} – ${invoice.period.to}`]];
  if (invoice.issuedAt) meta.push([t('invoice.issuedOn'), formatDateTime(invoice.issuedAt, locale)]);
  if (money?.dueDate) meta.push([t('money.invoice.dueDate'), money.dueDate]);
  if (invoice.paidAt) meta.push([t('invoice.paidOn'), formatDateTime(invoice.paidAt, locale)]);
  meta.push([t('invoice.scheme'), t(`scheme.${invoice.scheme}`)], [t('invoice.currency'), invoice.currency]);
  parties(doc, t, invoice.account, meta);
  if (invoice.status === 'VOID') {
    doc.font('body').fontSize(9).fillColor('#be123c').text(t('invoice.voidNote', { reason: invoice.voidReason ?? '' }), LEFT, doc.y, { width: WIDTH });
    doc.moveDown(0.5);
  }
  const quantity = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 6 });
  for (const app of invoice.apps) {
    ensureRoom(doc, 60);
    doc.font('bold').fontSize(10).fillColor(INK).text(`${app.appName}  SDKAppID ${app.sdkAppId}`, LEFT, doc.y, { width: WIDTH });
    doc.moveDown(0.2);
    row(doc, LINE_COLUMNS, [t('invoice.col.item'), t('invoice.col.period'), t('invoice.col.quantity'), t('invoice.col.unitPrice'), t('invoice.col.amount')], { size: 8 });
    for (const line of app.lines) {
      row(
        doc,
        LINE_COLUMNS,
        [
          lineTitle(line, locale),
          line.from === line.to ? line.from : `${line.from} – ${line.to}`,
          quantity.format(line.quantity as unknown as number),
          formatUnitPrice(line.unitPrice, invoice.currency, locale),
          fmt(line.amount),
        ],
        { note: lineExplanation(line, locale) },
      );
    }
    row(doc, [{ width: WIDTH - 100, align: 'right' }, { width: 100, align: 'right' }], [t('invoice.subtotal', { app: app.sdkAppId }), fmt(app.subtotal)]);
    doc.moveDown(0.5);
  }
  if (invoice.apps.length === 0) doc.font('body').fontSize(9).text(t('invoice.noLines'), LEFT, doc.y);
  rule(doc, 1.5);
  const totals: [string, string][] = [[t('invoice.total'), fmt(invoice.total)]];
  if (money && invoice.status !== 'DRAFT' && invoice.status !== 'VOID') {
    totals.push([t('money.invoice.paid'), fmt(money.paid)], [t('money.invoice.credited'), fmt(money.credited)], [t('money.invoice.amountDue'), fmt(money.amountDue)]);
  }
  for (const [label, value] of totals) row(doc, [{ width: WIDTH - 140, align: 'right' }, { width: 140, align: 'right' }], [label, value], { bold: true, size: 11 });
  if (money && money.creditNotes.length > 0) {
    doc.moveDown(0.5);
    doc.font('bold').fontSize(10).fillColor(INK).text(t('money.invoice.creditNotes'), LEFT, doc.y, { width: WIDTH });
    for (const note of money.creditNotes) {
      row(doc, [{ width: WIDTH - 100, align: 'left' }, { width: 100, align: 'right' }], [`${note.number} · ${t(`money.cn.reason.${note.reason as 'OTHER'}`)} · ${note.text}`, fmt(`-${note.total}`)]);
    }
  }
  doc.moveDown(1);
  doc.font('body').fontSize(8).fillColor(GREY).text(t('invoice.totalNote', { currency: invoice.currency }), LEFT, doc.y, { width: WIDTH });
  doc.text(t('invoice.footer', { seller: SELLER.name }), { width: WIDTH });
  doc.end();
  return done;
}

export async function creditNotePdf(note: CreditNoteDocument, invoice: InvoiceDetail, locale: Locale): Promise<Buffer> {
  const t = makeTranslate(locale);
  const fmt = (amount: string) => formatMoney(amount, note.currency, locale);
  const { doc, done } = newDocument(`${t('money.cn.heading')} ${note.number}`);
  header(doc, t, t('money.cn.heading'), note.number, `${t('money.cn.invoice')} ${note.invoice.number}`);
  parties(doc, t, note.account, [
    [t('money.cn.issuedOn'), formatDateTime(note.issuedAt, locale)],
    [t('money.cn.invoice'), note.invoice.number],
    [t('invoice.period'), `${invoice.period.from} – ${invoice.period.to}`],
    [t('money.cn.reasonLabel'), t(`money.cn.reason.${note.reason as 'OTHER'}`)],
    [t('invoice.currency'), note.currency],
  ]);
  doc.font('body').fontSize(10).fillColor(INK).text(note.text, LEFT, doc.y, { width: WIDTH });
  doc.moveDown(0.5);
  doc.font('bold').fontSize(10).text(t('money.cn.linesHeading'), LEFT, doc.y, { width: WIDTH });
  const byPosition = new Map(invoice.apps.flatMap((app) => app.lines.map((line) => [line.position, { line, app }] as const)));
  const columns: Column[] = [{ width: 330, align: 'left' }, { width: 80, align: 'right' }, { width: WIDTH - 410, align: 'right' }];
  row(doc, columns, [t('money.cn.col.line'), t('money.cn.col.amount'), t('money.cn.col.credit')], { size: 8 });
  for (const credited of note.lines) {
    const found = byPosition.get(credited.position);
    const title = found ? `${credited.position}. ${lineTitle(found.line, locale)} · SDKAppID ${found.app.sdkAppId}` : `${credited.position}`;
    row(doc, columns, [title, found ? fmt(found.line.amount) : '', fmt(`-${credited.amount}`)], { note: found ? lineExplanation(found.line, locale) : undefined });
  }
  rule(doc, 1.5);
  const totals: [string, string][] = [
    [t('money.cn.total'), fmt(`-${note.total}`)],
    [t('money.cn.appliedToDue'), fmt(note.appliedToDue)],
    [`${t('money.cn.remainder')} (${t(`money.cn.remainder.${note.remainderTo}`)})`, fmt(note.remainder)],
  ];
  for (const [label, value] of totals) row(doc, [{ width: WIDTH - 140, align: 'right' }, { width: 140, align: 'right' }], [label, value], { bold: true, size: 11 });
  doc.moveDown(1);
  doc.font('body').fontSize(8).fillColor(GREY).text(t('money.cn.footer', { invoice: note.invoice.number }), LEFT, doc.y, { width: WIDTH });
  doc.end();
  return done;
}
