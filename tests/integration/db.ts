import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { connect, disconnect, setDatabase, type Database } from '../../lib/db/client';
import { applyMigrations } from '../../lib/db/migrate';
import { withDatabase } from './pg-url';

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, migrated database of its own: a clone of the migrated template on PostgreSQL
 * (TEST_DATABASE_URL), else an in-memory PGlite. It is also installed as the app's database,
 * so server code under test (getDatabase(), db) talks to it.
 */
export async function createTestDatabase(): Promise<{ db: Database; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `im_billing_test_${randomBytes(5).toString('hex')}`;
    await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${inject('templateDb')}"`);
    const db = connect({ url: withDatabase(base, name), poolSize: 20 });
    setDatabase(db);
    return {
      db,
      async drop() {
        setDatabase(undefined);
        await disconnect(db);
        await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const db = connect({ pgliteDir: 'memory://' });
  await applyMigrations(db.driver);
  setDatabase(db);
  return {
    db,
    async drop() {
      setDatabase(undefined);
      await disconnect(db);
    },
  };
}

/** Registers beforeAll/afterAll for a test file and returns a getter for its database. */
export function useTestDatabase(): () => Database {
  let handle: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.drop();
  });
  return () => {
    if (!handle) throw new Error('test database is not ready: call inside a test');
    return handle.db;
  };
}
