import 'server-only';
import type pg from 'pg';
import { getDatabase } from '../db/client';
import { eachRatingInput, INPUTS_SQL, type InputRow, type LoadedAccount, type RatingApp } from '../rating/inputs';
import { driverSql } from '../db/sql';

/**
 * One chunk of the run's accounts. `accounts()` decodes the rows into the engine's inputs one
 * account at a time, as the rating loop asks for them: the millions of small objects live
 * briefly (a batch read ahead waits as compact row texts), which keeps the garbage collector's
 * work and the memory down.
 */
export type InputBatch = { accountIds: number[]; accounts(): Iterable<LoadedAccount<RatingApp>> };

export type InputReaderOptions = {
  accountIds: readonly number[];
  usageFrom: string;
  usageTo: string;
  /** Accounts per batch (a batch is one chunk of the run). */
  batchAccounts: number;
};

/** Reads the run's inputs batch by batch, in account order; `next()` resolves to null at the end. */
export interface InputReader {
  next(): Promise<InputBatch | null>;
  close(): Promise<void>;
}

/** Rows are grouped by account: count the groups. */
function countAccounts(rows: readonly InputRow[]): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) if (i === 0 || rows[i]!.accountId !== rows[i - 1]!.accountId) n++;
  return n;
}

/** Rows fetched per round trip from the cursor. */
const FETCH_ROWS = 2_000;

/**
 * On PostgreSQL: one read-only transaction holding a cursor over INPUTS_SQL for every account of
 * the run, fetched a few thousand apps at a time and cut into batches at account boundaries.
 * One statement for the whole month, so the planner cannot fall back to a full scan of the
 * usage table per chunk, and memory stays bounded by the batch. The snapshot is the run's start.
 */
async function cursorReader(pool: pg.Pool, options: InputReaderOptions): Promise<InputReader> {
  const client = await pool.connect();
  let open = true;
  const close = async (commit: boolean) => {
    if (!open) return;
    open = false;
    try {
      await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    } finally {
      client.release();
    }
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Compiling this one long query with LLVM costs more than it saves.
    await client.query('SET LOCAL jit = off');
    // An app's month is some thirty rows on as many pages: the planner's bitmap scan (build a
    // page bitmap, then visit it) costs a third more than walking the index, 100,000 times.
    await client.query('SET LOCAL enable_bitmapscan = off');
    await client.query(`DECLARE run_inputs NO SCROLL CURSOR FOR ${INPUTS_SQL}`, [[...options.accountIds], options.usageFrom, options.usageTo]);
  } catch (error) {
    await close(false).catch(() => undefined);
    throw error;
  }
  let carry: InputRow[] = [];
  let ended = false;
  // Calls run one after the other on the cursor, whoever makes them.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    next: () => serial(async () => {
      try {
        let rows = carry;
        carry = [];
        while (!ended) {
          // One account more than needed: the last one may continue in the next fetch.
          if (countAccounts(rows) > options.batchAccounts) break;
          const fetched = await client.query<InputRow>(`FETCH ${FETCH_ROWS} FROM run_inputs`);
          if (fetched.rows.length === 0) ended = true;
          rows = rows.length ? rows.concat(fetched.rows) : fetched.rows;
        }
        if (rows.length === 0) {
          await close(true);
          return null;
        }
        // Cut where the (batchAccounts + 1)-th account starts; the rest waits for the next batch.
        let accounts = 0;
        let cut = rows.length;
        for (let i = 0; i < rows.length; i++) {
          if (i === 0 || rows[i]!.accountId !== rows[i - 1]!.accountId) accounts++;
          if (accounts > options.batchAccounts) {
            cut = i;
            break;
          }
        }
        if (!ended && cut === rows.length) {
          // Unreachable: the loop above fetched until an account more than needed arrived.
          throw new Error('input reader: incomplete batch');
        }
        carry = rows.slice(cut);
        rows = rows.slice(0, cut);
        const batchRows = rows;
        const accountIds: number[] = [];
        for (let i = 0; i < batchRows.length; i++) if (i === 0 || batchRows[i]!.accountId !== batchRows[i - 1]!.accountId) accountIds.push(batchRows[i]!.accountId);
        return { accountIds, accounts: () => eachRatingInput(batchRows, options) };
      } catch (error) {
        await close(false).catch(() => undefined);
        throw error;
      }
    }),
    close: () => close(false),
  };
}

/** On PGlite (one connection, and a cursor would hold it for the whole run): one statement per batch. */
function batchReader(options: InputReaderOptions): InputReader {
  const read = driverSql();
  let start = 0;
  return {
    async next() {
      const accountIds = options.accountIds.slice(start, start + options.batchAccounts);
      start += options.batchAccounts;
      if (accountIds.length === 0) return null;
      const rows = (await read(INPUTS_SQL, [accountIds, options.usageFrom, options.usageTo])) as InputRow[];
      return { accountIds, accounts: () => eachRatingInput(rows, options) };
    },
    close: async () => undefined,
  };
}

/**
 * Cursors read in parallel on PostgreSQL: the accounts are dealt to them in blocks of a batch,
 * and `next()` takes a batch from each in turn, so with as many calls in flight as cursors each
 * database backend reads its next batch while the others are being rated and written.
 */
export const PARALLEL_CURSORS = 2;

function interleave(readers: InputReader[]): InputReader {
  let turn = 0;
  const finished = new Set<number>();
  return {
    async next() {
      while (finished.size < readers.length) {
        const index = turn % readers.length;
        turn++;
        if (finished.has(index)) continue;
        const batch = await readers[index]!.next();
        if (batch) return batch;
        finished.add(index);
      }
      return null;
    },
    async close() {
      await Promise.all(readers.map((r) => r.close().catch(() => undefined)));
    },
  };
}

export async function openInputReader(options: InputReaderOptions): Promise<InputReader> {
  const driver = getDatabase().driver;
  if (driver.kind !== 'postgres') return batchReader(options);
  const parts: number[][] = Array.from({ length: PARALLEL_CURSORS }, () => []);
  for (let i = 0; i < options.accountIds.length; i++) {
    parts[Math.floor(i / options.batchAccounts) % PARALLEL_CURSORS]!.push(options.accountIds[i]!);
  }
  const readers: InputReader[] = [];
  try {
    for (const part of parts) if (part.length > 0) readers.push(await cursorReader(driver.pool, { ...options, accountIds: part }));
  } catch (error) {
    await Promise.all(readers.map((r) => r.close().catch(() => undefined)));
    throw error;
  }
  return interleave(readers);
}
