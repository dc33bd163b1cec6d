/**
 * `npm start`: the whole console on one command. Generates the Prisma client if missing,
 * migrates the database (DATABASE_URL, else the embedded PGlite under .data/), seeds the demo
 * data on first run into the embedded database only (or with --demo / CONSOLE_DEMO_DATA=1),
 * builds the app when its sources changed since the last build, then serves
 * http://localhost:$PORT (3000). `--dev` runs `next dev` instead of building.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildIfNeeded, ensurePrismaClient, serveNext } from './lib/build';

const dev = process.argv.includes('--dev');
const port = process.env.PORT ?? '3000';
const root = process.cwd();

function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(root, '.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

ensurePrismaClient();

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXTAUTH_SECRET: authSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
};
Object.assign(process.env, env);

// The embedded database is one process's at a time: prepare it, close it, then hand it to Next.
const { demoRequested, prepareDatabase } = await import('./lib/prepare-db');
const { today } = await import('../lib/clock');
await prepareDatabase({ today: today(), demo: demoRequested() || undefined });

if (!dev) buildIfNeeded(env);
serveNext([...(dev ? ['--dev'] : []), '-p', port], env);
