import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The raw connection under Prisma: a real PostgreSQL pool when a URL is given, otherwise an
 * embedded PGlite database (a directory, or in memory for tests). Migrations and set-based
 * bulk SQL use it directly; everything else goes through Prisma on top of it.
 */
export type Driver =
  | { kind: 'postgres'; url: string; pool: pg.Pool; exec(sql: string): Promise<void>; query: Query; close(): Promise<void> }
  | { kind: 'pglite'; dir: string; pglite: PGlite; exec(sql: string): Promise<void>; query: Query; close(): Promise<void> };

export type Query = <T extends Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

export const DEFAULT_PGLITE_DIR = '.data/pglite';

export type OpenDriverOptions = {
  /** postgres://… ; when absent the embedded database is used. */
  url?: string;
  /** PGlite data directory, or 'memory://' for a throwaway database. */
  pgliteDir?: string;
  poolSize?: number;
};

export function openDriver(options: OpenDriverOptions = {}): Driver {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // A connection whose server process ends (a restart, pg_terminate_backend, a forced DROP
    // DATABASE) or whose network fails reports an 'error' event, whether it is idle in the pool
    // or held by a transaction between two queries; unheard, that event would end this process.
    // Heard once per connection and logged: the queries on it fail (their callers see why), the
    // pool discards it and opens a new one when next asked. The pool passes an idle connection's
    // error on to its own 'error' event, logged already.
    const connections = new Set<pg.PoolClient>();
    pool.on('connect', (client) => {
      connections.add(client);
      client.once('error', (error) => console.error(`[db] a PostgreSQL connection was lost: ${error.message}`));
      client.on('error', () => undefined);
    });
    pool.on('error', () => undefined);
    pool.on('remove', (client) => connections.delete(client));
    return {
      kind: 'postgres',
      url: options.url,
      pool,
      async exec(sql) {
        await pool.query(sql);
      },
      async query(sql, params) {
        const result = await pool.query(sql, params as unknown[]);
        return result.rows;
      },
      // The pool's end() resolves once its connections are asked to close, not once they have:
      // wait for them too, so that whoever drops the database next finds none to cut off.
      async close() {
        const closed = new Promise<void>((resolve) => {
          const check = () => {
            if (connections.size > 0) return;
            pool.off('remove', check);
            resolve();
          };
          pool.on('remove', check);
          check();
        });
        await pool.end();
        await closed;
      },
    };
  }
  const dir = options.pgliteDir ?? DEFAULT_PGLITE_DIR;
  if (!dir.startsWith('memory://')) mkdirSync(path.resolve(/*turbopackIgnore: true*/ dir), { recursive: true });
  const pglite = new PGlite(dir);
  return {
    kind: 'pglite',
    dir,
    pglite,
    async exec(sql) {
      await pglite.exec(sql);
    },
    async query(sql, params) {
      const result = await pglite.query(sql, params as unknown[]);
      return result.rows as never;
    },
    close: () => pglite.close(),
  };
}

/** DATABASE_URL when set (a real PostgreSQL), else the embedded database under .data/. */
export function driverOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenDriverOptions {
  return { url: env.DATABASE_URL || undefined, pgliteDir: env.PGLITE_DIR || undefined };
}

/**
 * The tables' owner, for migrations, the seed and role set-up: MIGRATION_DATABASE_URL when set,
 * else DATABASE_URL (one role for everything), else the embedded database. The console and the
 * workers connect with DATABASE_URL, which in production names a role that only reads and
 * writes rows (`npm run db:roles`).
 */
export function ownerDriverOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenDriverOptions {
  return { url: env.MIGRATION_DATABASE_URL || env.DATABASE_URL || undefined, pgliteDir: env.PGLITE_DIR || undefined };
}
