import { afterEach, expect, it, vi } from 'vitest';
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

type Pid = { pid: number };

const title = onPostgres
  ? 'replaces a connection the server closes, and has closed every connection when close() resolves (PostgreSQL)'
  : 'is closed when close() resolves (PGlite: one in-process database, no server to close a connection)';

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
  const database = new URL(app.url).pathname.slice(1);
  const before = await backends(database);
  const driver = openDriver({ url: app.url, poolSize: 4 });
  if (driver.kind !== 'postgres') throw new Error('expected PostgreSQL');
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const [first] = await driver.query<Pid>('SELECT pg_backend_pid() AS pid');
    const removed = new Promise((resolve) => driver.pool.once('remove', resolve));
    await app.query('SELECT pg_terminate_backend($1)', [first!.pid]);
    await removed;
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/idle PostgreSQL connection was lost: terminating connection/));
    const [next] = await driver.query<Pid>('SELECT pg_backend_pid() AS pid');
    expect(next!.pid).not.toBe(first!.pid);
    await Promise.all(Array.from({ length: 4 }, () => driver.query('SELECT pg_sleep(0.05)')));
    expect(await backends(database)).toBe(before + 4);
  } finally {
    await driver.close();
  }
  expect(await backends(database)).toBe(before);
});
