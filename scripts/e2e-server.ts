/**
 * The server Playwright starts: a production build on a fresh database with the demo data, on
 * port 3100. The database is PostgreSQL when TEST_DATABASE_URL is set (CI), else an embedded
 * PGlite under .data/e2e. "Today" is pinned so screenshots and amounts are repeatable.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { buildIfNeeded, ensurePrismaClient, serveNext } from './lib/build';

export const E2E_TODAY = '2026-11-23';
const port = process.env.E2E_PORT ?? '3100';
const root = process.cwd();

ensurePrismaClient();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  CONSOLE_TODAY: E2E_TODAY,
  // The journeys run and issue months by hand: the calendar must not issue them first. The
  // server's own worker still runs the shards (e2e/ops-calendar.spec.ts drives the steps).
  BILLING_CALENDAR: 'off',
  NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production',
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
};
delete env.DATABASE_URL;
const base = process.env.TEST_DATABASE_URL;
if (base) {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const name = `im_billing_e2e_${port}`;
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  const dir = path.join(root, '.data', `e2e-${port}`);
  rmSync(dir, { recursive: true, force: true });
  env.PGLITE_DIR = dir;
}
Object.assign(process.env, env);

const { prepareDatabase } = await import('./lib/prepare-db');
await prepareDatabase({ today: E2E_TODAY, demo: true });
{
  // The phone journeys' own accounts and customers (e2e/customer-portal-phone.spec.ts).
  const { connect, disconnect } = await import('../lib/db/client');
  const { driverOptionsFromEnv } = await import('../lib/db/driver');
  const { addE2eFixtures } = await import('../prisma/seed/e2e-fixtures');
  const database = connect(driverOptionsFromEnv());
  try {
    await addE2eFixtures(database.prisma, E2E_TODAY);
  } finally {
    await disconnect(database);
  }
}
buildIfNeeded(env);

serveNext(['-p', port, '-H', '127.0.0.1'], env);
