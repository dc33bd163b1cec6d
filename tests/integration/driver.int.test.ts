import { afterEach, expect, it, vi } from 'vitest';
import { driverTransaction } from '../../lib/db/sql';
import { openDriver } from '../../lib/db/driver';
import { onPostgres, useTestDatabase } from './db';

const getDb = useTestDatabase();

afterEach(() => {
  vi.restoreAllMocks();
});

async function backends(database: string): Promise<number> {
  const [row] = await getDb().driver.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [database]);
  return row!.n;
}

/** Ends a backend as a restart or an administrator would, and waits (up to 5 s) until it has. */
async function terminate(url: string, pid: number): Promise<void> {
  const admin = openDriver({ url, poolSize: 1 });
  try {
    const [row] = await admin.query<{ ended: boolean }>('SELECT pg_terminate_backend($1, 5000) AS ended', [pid]);
    expect(row!.ended).toBe(true);
  } finally {
    await admin.close();
  }
}

type Pid = { pid: number };
const LOST = /^\[db\] a PostgreSQL connection was lost: (terminating connection due to administrator command|Connection terminated unexpectedly)$/;

const title = onPostgres
  ? 'outlives connections the server ends, idle or in a transaction, and has closed every connection when close() resolves (PostgreSQL)'
  : 'is closed when close() resolves (PGlite: one in-process database, no server to end a connection)';

it(title, async () => {
  const app = getDb().driver;
  if (app.kind === 'pglite') {
    const driver = openDriver({ pgliteDir: 'memory://' });
    expect(await driver.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await driver.close();
    expect(driver.kind === 'pglite' && driver.pglite.closed).toBe(true);
    await expect(driver.query('SELECT 1')).rejects.toThrow(/closed/i);
    return;
  }
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

  // Idle in the pool: logged, and the next query gets a new connection.
  const database = new URL(app.url).pathname.slice(1);
  const before = await backends(database);
  const driver = openDriver({ url: app.url, poolSize: 4 });
  if (driver.kind !== 'postgres') throw new Error('expected PostgreSQL');
  try {
    const [first] = await driver.query<Pid>('SELECT pg_backend_pid() AS pid');
    const removed = new Promise((resolve) => driver.pool.once('remove', resolve));
    await terminate(app.url, first!.pid);
    await removed;
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(LOST));
    const [next] = await driver.query<Pid>('SELECT pg_backend_pid() AS pid');
    expect(next!.pid).not.toBe(first!.pid);
    await Promise.all(Array.from({ length: 4 }, () => driver.query('SELECT pg_sleep(0.05)')));
    expect(await backends(database)).toBe(before + 4);
  } finally {
    await driver.close();
  }
  expect(await backends(database)).toBe(before);

  // Held by a transaction between two statements (as the billing run's cursors are while it
  // rates): the transaction fails with the cause, nothing of it is written, the next one works.
  logged.mockClear();
  await expect(
    driverTransaction(async (sql) => {
      await sql(`CREATE TABLE "lost_connection_probe" (id int)`);
      const [own] = (await sql('SELECT pg_backend_pid() AS pid')) as Pid[];
      await terminate(app.url, own!.pid);
      return sql('SELECT 1');
    }),
  ).rejects.toThrow(/terminating connection|Connection terminated|not queryable/);
  expect(logged).toHaveBeenCalledTimes(1);
  expect(logged).toHaveBeenCalledWith(expect.stringMatching(LOST));
  const probe = await driverTransaction((sql) => sql(`SELECT to_regclass('"lost_connection_probe"') AS t`));
  expect(probe).toEqual([{ t: null }]);
});
