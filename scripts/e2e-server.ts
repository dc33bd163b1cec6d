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
buildIfNeeded(env);

serveNext(['-p', port, '-H', '127.0.0.1'], env);
