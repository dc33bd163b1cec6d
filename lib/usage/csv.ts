import type { Locale } from '../i18n/messages';
import type { ValidationKey } from '../i18n/messages/validation';
import { renderFieldMessage, type FieldMessage } from '../validation/messages';
import { COUNT_FIELDS, MAX_USAGE_ROWS, parseUsageRows, USAGE_FIELDS, type UsageField, type UsageRowInput } from './schemas';

/**
 * The CSV import: the same rows as the API, one per line, under a header naming the columns
 * (any order; sdkAppId and date required, the measures optional; an empty cell is "not
 * reported"). Errors point at the file's line (the header is line 1), so ops can fix the file.
 */

/** A file error: `key` and `params` say it in any language, `reason` is its English text. */
export type CsvError = { line: number; field: string; key: ValidationKey; params: FieldMessage['params']; reason: string };

function csvError(line: number, field: string, key: ValidationKey, params: FieldMessage['params'] = {}): CsvError {
  return { line, field, key, params, reason: renderFieldMessage({ key, params }, 'en') };
}

/** A refusal of the whole file: its English `message` and the same as a key (`note`). */
function refused(rows: number, note: FieldMessage, errors: CsvError[] = [], valid?: { rows: UsageRowInput[]; rowLines: number[] }): CsvValidation {
  return { ok: false, rows, message: renderFieldMessage(note, 'en'), note, errors, ...(valid ? { valid } : {}) };
}

export type CsvValidation =
  | { ok: true; rows: UsageRowInput[]; lines: number; /** The file line of each row. */ rowLines: number[] }
  | {
      ok: false;
      message: string;
      /** `message` as a key, to show in the viewer's language. */
      note: FieldMessage;
      errors: CsvError[];
      rows: number;
      /** The rows that passed, with their file line: the database checks still run on them. */
      valid?: { rows: UsageRowInput[]; rowLines: number[] };
    };

export const CSV_TEMPLATE = `${USAGE_FIELDS.join(',')}\n1400000001,2026-10-01,12000,150000,,,3.5,0.8\n`;

/**
 * Cap on a file's size: the API's body limit, so the import takes every batch the API takes
 * (10,000 rows of eight quoted columns with CRLF are about 1.2 MB).
 */
export const MAX_CSV_BYTES = 8 * 1024 * 1024;

type Record_ = { line: number; cells: string[] };

/** RFC 4180 records: quoted cells may hold commas, quotes ("") and line breaks; CRLF or LF. */
export function splitCsv(text: string): Record_[] {
  const records: Record_[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    cells.push(cell);
    // A blank line is no record.
    if (!(cells.length === 1 && cells[0]!.trim() === '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

const HEADER_ALIASES = new Map<string, UsageField>(USAGE_FIELDS.map((f) => [f.toLowerCase(), f]));

function headerField(raw: string): UsageField | null {
  return HEADER_ALIASES.get(raw.trim().toLowerCase().replace(/[_\s-]/g, '')) ?? null;
}

const COUNT = new Set<string>(COUNT_FIELDS);

/** `3 of 40 rows have errors; …` */
export function describeCsvErrors(errors: readonly CsvError[], rows: number, locale: Locale = 'en'): string {
  return renderFieldMessage(csvSummary(errors, rows), locale);
}

function csvSummary(errors: readonly CsvError[], rows: number): FieldMessage {
  const badLines = new Set(errors.map((e) => e.line)).size;
  return { key: 'field.csv.summary', params: { bad: badLines.toLocaleString('en-US'), rows: rows.toLocaleString('en-US') } };
}

/** Parses and validates a usage CSV with the API's rules; nothing is looked up in the database. */
export function validateUsageCsv(text: string, options: { today: string }): CsvValidation {
  // A character is at least one byte: a text longer than the byte cap is over it.
  if (text.length > MAX_CSV_BYTES) {
    return refused(0, { key: 'field.csv.tooLarge', params: { max: MAX_CSV_BYTES.toLocaleString('en-US') } });
  }
  const records = splitCsv(text);
  const header = records.shift();
  if (!header) return refused(0, { key: 'field.csv.empty', params: {} });
  const errors: CsvError[] = [];
  const columns: (UsageField | null)[] = [];
  const seen = new Set<UsageField>();
  header.cells.forEach((raw, i) => {
    const field = headerField(raw);
    if (field === null) {
      errors.push(csvError(header.line, raw.trim() || `column ${i + 1}`, 'field.csv.unknownColumn', { fields: USAGE_FIELDS.join(', ') }));
    } else if (seen.has(field)) {
      errors.push(csvError(header.line, field, 'field.csv.twice'));
    } else {
      seen.add(field);
    }
    columns.push(field);
  });
  for (const required of ['sdkAppId', 'date'] as const) {
    if (!seen.has(required)) errors.push(csvError(header.line, required, 'field.csv.missing'));
  }
  if (errors.length > 0) return refused(records.length, { key: 'field.csv.header', params: {} }, errors);
  if (records.length > MAX_USAGE_ROWS) {
    return refused(records.length, { key: 'field.csv.tooMany', params: { max: MAX_USAGE_ROWS.toLocaleString('en-US'), count: records.length.toLocaleString('en-US') } });
  }

  const objects: Record<string, unknown>[] = [];
  const lineOf: number[] = [];
  for (const record of records) {
    if (record.cells.length !== columns.length) {
      errors.push(csvError(record.line, 'row', 'field.csv.cells', { cells: record.cells.length, columns: columns.length }));
      continue;
    }
    const object: Record<string, unknown> = {};
    record.cells.forEach((raw, i) => {
      const field = columns[i]!;
      const value = raw.trim();
      if (value === '') return;
      // Counts travel as numbers, as in the API; anything else stays text for the validator to name.
      object[field] = COUNT.has(field) && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    });
    objects.push(object);
    lineOf.push(record.line);
  }
  if (records.length === 0) return refused(0, { key: 'field.csv.noRows', params: {} });
  const parsed = parseUsageRows(objects, { ...options, rowLabel: (index) => `line ${lineOf[index] ?? '?'}` });
  if (!parsed.ok) errors.push(...parsed.errors.map((e) => ({ line: lineOf[e.index] ?? 0, field: e.field, key: e.key, params: e.params, reason: e.reason })));
  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    const valid = parsed.ok
      ? { rows: parsed.rows, rowLines: lineOf }
      : { rows: parsed.valid.rows, rowLines: parsed.valid.indexes.map((i) => lineOf[i] ?? 0) };
    return refused(records.length, csvSummary(errors, records.length), errors, valid);
  }
  if (!parsed.ok) return refused(records.length, { key: 'field.usage.invalid', params: { detail: parsed.message } });
  return { ok: true, rows: parsed.rows, lines: records.length, rowLines: lineOf };
}
