import 'server-only';
import { getDatabase, inDriverTransaction, refuseInsideTransaction, type Tx } from './client';
import type { Driver } from './driver';

export { auditInsert, writeAuditSql } from './audit';

/**
 * Set-based SQL for the billing run's bulk paths (loading inputs, writing thousands of draft
 * lines). Prisma's raw queries cost several times the statement itself on large array
 * parameters and results, so those paths talk to the driver directly: the same SQL runs on a
 * Prisma transaction (corrections) or on a driver transaction (the run's chunks).
 */
export type Sql = <T extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: readonly unknown[]) => Promise<T[]>;

/**
 * A PostgreSQL array literal for values that need no quoting (numbers, dates, enum names,
 * decimal strings): built in one join, where the driver would escape every element.
 */
export function arrayLiteral(values: readonly (string | number | null)[]): string {
  // Most columns have no NULL: joined as they are, without a mapped copy.
  return `{${(values.includes(null) ? values.map((v) => (v === null ? 'NULL' : v)) : values).join(',')}}`;
}

/** The separator of textList: a control character no text we store contains. */
const UNIT_SEPARATOR = '\x1f';

/**
 * Non-empty texts as one parameter, read back in SQL with `string_to_array($n, chr(31))`: one
 * join, where an array literal would quote and escape each text. A text holding the separator,
 * or a lone empty text (read back as no text), would come back wrong: refused, never expected.
 */
export function textList(values: readonly string[]): string {
  const joined = values.join(UNIT_SEPARATOR);
  let separators = 0;
  for (let i = joined.indexOf(UNIT_SEPARATOR); i !== -1; i = joined.indexOf(UNIT_SEPARATOR, i + 1)) separators++;
  if (separators !== Math.max(0, values.length - 1) || (values.length === 1 && joined === '')) {
    throw new Error('textList: the texts must be non-empty and free of the unit separator (U+001F)');
  }
  return joined;
}

/** A Prisma interactive transaction as an Sql executor. */
export function prismaSql(tx: Pick<Tx, '$queryRawUnsafe'>): Sql {
  return (text, params = []) => tx.$queryRawUnsafe(text, ...params);
}

/**
 * The driver outside any transaction (reads). Refused inside a Prisma interactive transaction:
 * on PGlite it would wait for that transaction forever, on PostgreSQL it would read outside it.
 */
export function driverSql(): Sql {
  refuseInsideTransaction('driverSql()');
  const driver = getDatabase().driver;
  return (text, params = []) => {
    refuseInsideTransaction('driverSql()');
    return driver.query(text, [...params]);
  };
}

export type DriverTransactionOptions = {
  /**
   * On PostgreSQL, commit without waiting for the commit's WAL flush (`synchronous_commit =
   * off`): for a step of a longer job whose last transaction waits for it (WAL is flushed in
   * order, so once that one is durable, so is every step before it).
   */
  asyncCommit?: boolean;
  /**
   * On PostgreSQL, plan afresh (`DISCARD PLANS`) for a transaction that inserts into tables
   * growing fast. A foreign key's check (or a trigger's query) is a query the backend plans once
   * and keeps; planned while the referenced table was nearly empty (the first run on a new
   * database, or statistics taken at its start), it stays a sequential scan, and as the run adds
   * thousands of invoices each check reads them all: seen here to turn a 7-second run into a
   * minute, when lines still had a foreign key to their invoice.
   */
  freshPlans?: boolean;
  /** A driver other than the app's database (the seed's, which opens its own). */
  driver?: Driver;
};

/**
 * One transaction on one connection of the driver: committed when `fn` resolves, rolled back
 * when it throws. On PGlite it holds the database's transaction lock, so nothing else runs
 * inside it; the API enforces it: it refuses to start inside a Prisma interactive transaction
 * or another driver transaction, and the app's Prisma client (`db`) refuses to run inside it.
 * `fn` uses only the `sql` it is given.
 */
export async function driverTransaction<T>(fn: (sql: Sql) => Promise<T>, options: DriverTransactionOptions = {}): Promise<T> {
  refuseInsideTransaction('driverTransaction()');
  const driver = options.driver ?? getDatabase().driver;
  return inDriverTransaction(() => runDriverTransaction(driver, fn, options));
}

async function runDriverTransaction<T>(driver: Driver, fn: (sql: Sql) => Promise<T>, options: DriverTransactionOptions): Promise<T> {
  if (driver.kind === 'postgres') {
    const client = await driver.pool.connect();
    try {
      // One round trip (the simple protocol takes several statements without parameters).
      const begin = ['BEGIN', ...(options.asyncCommit ? ['SET LOCAL synchronous_commit = off'] : []), ...(options.freshPlans ? ['DISCARD PLANS'] : [])];
      await client.query(begin.join('; '));
      const result = await fn(async (text, params = []) => (await client.query(text, [...params])).rows);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  return driver.pglite.transaction((tx) => fn(async (text, params = []) => (await tx.query(text, [...params])).rows as never));
}
