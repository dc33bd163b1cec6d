/**
 * Writing CSV that spreadsheets open safely: every CSV the console writes goes through
 * `csvCell`, so no cell is ever read as a formula (CSV injection, OWASP's "CSV Injection").
 *
 * A spreadsheet evaluates a cell whose text starts with `=`, `+`, `-` or `@` (Excel, LibreOffice,
 * Google Sheets), and Excel also when one of those follows leading whitespace, a TAB, CR or LF
 * (`\t=cmd|' /C calc'!A0`); the full-width forms (＝＋－＠) are turned into formulas by Excel in
 * East-Asian input modes. Such a cell gets a leading apostrophe: every spreadsheet shows it as
 * text, and a person reading the file sees the original after the apostrophe.
 *
 * One exception keeps the money readable: a plain decimal number (`-322.26`, `45.00`, `-10`) is
 * a number to every spreadsheet, a constant that calls nothing, so it is written as is and still
 * adds up in a SUM. Anything else that starts with a minus (`-2+3+cmd|…`, `-1e5`, `- 3`) is text.
 */

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;
/** Whitespace a spreadsheet skips before it looks for a formula sign. */
const LEADING_SPACE = /^[\s\u00a0\u3000\ufeff]+/;
const FORMULA_SIGN = /^[=+\-@\uff1d\uff0b\uff0d\uff20]/;
/** A cell starting with one of these may be read as a formula or split into another cell. */
const CONTROL_START = /^[\t\r\n]/;

export type CsvValue = string | number | bigint | null | undefined;

/** True when a spreadsheet could evaluate the text as a formula. */
export function isFormulaLike(text: string): boolean {
  if (PLAIN_DECIMAL.test(text)) return false;
  if (CONTROL_START.test(text)) return true;
  return FORMULA_SIGN.test(text.replace(LEADING_SPACE, ''));
}

/** One cell: neutralised (see above), then quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = isFormulaLike(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A whole file: CRLF line ends (RFC 4180) and a UTF-8 byte-order mark, so spreadsheet programs
 * read Chinese names right.
 */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
