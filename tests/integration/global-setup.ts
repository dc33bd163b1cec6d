import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDriver } from '../../lib/db/driver';
import { applyMigrations } from '../../lib/db/migrate';
import { withDatabase } from './pg-url';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
  }
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * With TEST_DATABASE_URL (a real PostgreSQL, as in CI), migrate a template database once per
 * run; each test file then clones it (see db.ts). The template's name is unique to the run, so
 * parallel runs on one server never drop each other's. Without it, each test file migrates its
 * own in-memory PGlite and nothing is prepared here.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  const template = `im_billing_template_${randomBytes(4).toString('hex')}`;
  project.provide('templateDb', template);
  if (!url) return async () => undefined;
  await admin(url, `CREATE DATABASE "${template}"`);
  const driver = openDriver({ url: withDatabase(url, template), poolSize: 1 });
  try {
    await applyMigrations(driver);
  } finally {
    await driver.close();
  }
  return async () => admin(url, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
}
