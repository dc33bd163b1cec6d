import pg from 'pg';
import { openDriver } from '../../lib/db/driver';
import { applyMigrations } from '../../lib/db/migrate';
import { TEMPLATE_DB, withDatabase } from './pg-url';

/**
 * With TEST_DATABASE_URL (a real PostgreSQL, as in CI), migrate a template database once; each
 * test file then clones it (see db.ts). Without it, each test file migrates its own in-memory
 * PGlite, so nothing needs to be prepared here.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return async () => undefined;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  } finally {
    await admin.end();
  }
  const driver = openDriver({ url: withDatabase(url, TEMPLATE_DB), poolSize: 1 });
  try {
    await applyMigrations(driver);
  } finally {
    await driver.close();
  }
  return async () => undefined;
}
