import type { Sql } from '../../lib/db/sql';

type ColumnType = 'bigint' | 'int' | 'text' | 'date' | 'timestamptz' | 'boolean' | 'numeric' | 'uuid' | 'jsonb';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** A Postgres enum type: the values travel as text[] and are cast per row. */
  enumType?: string;
}

export const CHUNK_ROWS = 5_000;

/**
 * Column-wise buffer for one table, written set-based: one
 * `INSERT … SELECT … FROM unnest($1::t[], $2::t[], …) WITH ORDINALITY … ORDER BY ord` per chunk
 * of rows, never a statement per row. Rows go in exactly in the order they were added, which
 * matters for the row triggers that read earlier rows (trial-grant numbering).
 */
export class BulkInsert {
  private readonly columns: unknown[][];
  private readonly statement: string;
  private pending = 0;
  written = 0;

  constructor(
    readonly table: string,
    private readonly specs: readonly ColumnSpec[],
    private readonly chunkRows = CHUNK_ROWS,
  ) {
    this.columns = specs.map(() => []);
    const arrayType = (s: ColumnSpec) => (s.enumType || s.type === 'jsonb' ? 'text' : s.type);
    const names = specs.map((s) => `"${s.name}"`).join(', ');
    const aliases = specs.map((_, i) => `c${i}`);
    const select = specs
      .map((s, i) => (s.enumType ? `u.c${i}::"${s.enumType}"` : s.type === 'jsonb' ? `u.c${i}::jsonb` : `u.c${i}`))
      .join(', ');
    const arrays = specs.map((s, i) => `$${i + 1}::${arrayType(s)}[]`).join(', ');
    this.statement =
      `INSERT INTO "${table}" (${names}) SELECT ${select} ` +
      `FROM unnest(${arrays}) WITH ORDINALITY AS u(${aliases.join(', ')}, ord) ORDER BY u.ord`;
  }

  add(values: readonly unknown[]): void {
    if (values.length !== this.specs.length) {
      throw new Error(`${this.table}: ${values.length} values for ${this.specs.length} columns`);
    }
    for (let i = 0; i < values.length; i++) this.columns[i]!.push(values[i] ?? null);
    this.pending++;
  }

  get size(): number {
    return this.pending;
  }

  /** Writes whole chunks only; call `flush` at the end for the rest. */
  async flushFull(sql: Sql): Promise<void> {
    while (this.pending >= this.chunkRows) await this.writeChunk(sql, this.chunkRows);
  }

  async flush(sql: Sql): Promise<void> {
    while (this.pending > 0) await this.writeChunk(sql, Math.min(this.pending, this.chunkRows));
  }

  private async writeChunk(sql: Sql, n: number): Promise<void> {
    const params = this.columns.map((column) => column.splice(0, n));
    await sql(this.statement, params);
    this.pending -= n;
    this.written += n;
  }
}
