import { afterEach, describe, expect, it, vi } from 'vitest';
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

describe.skipIf(!onPostgres)('the PostgreSQL connection pool', () => {
  it('outlives the server closing an idle connection, and reconnects', async () => {
    const { driver: app } = getDb();
    if (app.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const driver = openDriver({ url: app.url, poolSize: 1 });
    if (driver.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const [first] = await driver.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const removed = new Promise((resolve) => driver.pool.once('remove', resolve));
      await app.query('SELECT pg_terminate_backend($1)', [first!.pid]);
      await removed;
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/idle PostgreSQL connection was closed by the server: terminating connection/));
      const [next] = await driver.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(next!.pid).not.toBe(first!.pid);
    } finally {
      await driver.close();
    }
  });

  it('has closed every connection when close() resolves', async () => {
    const { driver: app } = getDb();
    if (app.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const database = new URL(app.url).pathname.slice(1);
    const before = await backends(database);
    const driver = openDriver({ url: app.url, poolSize: 4 });
    if (driver.kind !== 'postgres') throw new Error('expected PostgreSQL');
    await Promise.all(Array.from({ length: 4 }, () => driver.query('SELECT pg_sleep(0.05)')));
    expect(await backends(database)).toBe(before + 4);
    await driver.close();
    expect(await backends(database)).toBe(before);
  });
});
