import 'server-only';
import { csvCell, type CsvValue } from '../csv';

type Cell = CsvValue;

function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** One page of an export and the keyset cursor after it (null: the last page). */
export type ExportPage<C> = { rows: Cell[][]; next: C | null };

export type CsvExport<C> = {
  filename: string;
  header: string[];
  /** Reads the page after `cursor` (null: the first), at most EXPORT_PAGE_ROWS rows, in key order. */
  page: (cursor: C | null) => Promise<ExportPage<C>>;
};

/** Rows read per query: enough to keep round trips few, small enough that memory stays flat. */
export const EXPORT_PAGE_ROWS = 2_000;

/**
 * A CSV download streamed page by page: each page is read with a keyset cursor (never OFFSET)
 * only when the client has taken the previous one, so 100,000 rows cost one page of memory.
 * A UTF-8 BOM lets spreadsheet programs read Chinese names.
 */
export function csvResponse<C>(spec: CsvExport<C>): Response {
  const encoder = new TextEncoder();
  let cursor: C | null = null;
  let started = false;
  let done = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(`\uFEFF${csvLine(spec.header)}`));
          return;
        }
        if (done) {
          controller.close();
          return;
        }
        const page = await spec.page(cursor);
        if (page.rows.length) controller.enqueue(encoder.encode(page.rows.map(csvLine).join('')));
        cursor = page.next;
        if (page.next === null) done = true;
      },
    },
    { highWaterMark: 1 },
  );
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${spec.filename}"`,
      'cache-control': 'no-store',
    },
  });
}
