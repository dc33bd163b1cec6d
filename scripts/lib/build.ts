import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A digest of everything the production build depends on, to rebuild only when it changed. */
export function sourceFingerprint(root = process.cwd()): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(full).update(readFileSync(full));
    }
  };
  for (const dir of ['app', 'components', 'lib', 'public']) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ['package-lock.json', 'next.config.js', 'proxy.ts', 'postcss.config.mjs', 'tsconfig.json', 'prisma/schema.prisma']) {
    if (existsSync(path.join(root, file))) hash.update(file).update(readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

/** Runs `next build` unless .next already holds a build of exactly these sources. */
export function buildIfNeeded(env: NodeJS.ProcessEnv, root = process.cwd()): void {
  const dist = path.join(root, env.NEXT_DIST_DIR || '.next');
  const stamp = path.join(dist, 'source-fingerprint');
  const fingerprint = sourceFingerprint(root);
  if (existsSync(path.join(dist, 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return;
  console.log('[build] building the console (sources changed since the last build)…');
  const result = spawnSync(path.join(root, 'node_modules/.bin/next'), ['build'], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, fingerprint);
}

export function ensurePrismaClient(root = process.cwd()): void {
  if (existsSync(path.join(root, 'lib/generated/prisma/client.ts'))) return;
  const result = spawnSync('node', ['scripts/prisma-generate.mjs'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * Runs the console's server (scripts/server.ts: Next.js plus the client-address headers) in
 * the foreground with `[--dev] -p PORT [-H HOST]`, passing Ctrl-C / SIGTERM on and exiting with it.
 */
export function serveNext(args: string[], env: NodeJS.ProcessEnv, root = process.cwd()): void {
  // `next start` and `next dev` set NODE_ENV themselves; a custom server must.
  const mode: NodeJS.ProcessEnv = { ...env, NODE_ENV: args.includes('--dev') ? 'development' : 'production' };
  const server = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'scripts/server.ts'), ...args], { stdio: 'inherit', env: mode });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}
