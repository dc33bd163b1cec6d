// `prisma generate` without network: the CLI wants a native schema engine it would download,
// which generation does not use; pointing the variable at any existing file satisfies it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const bin = 'node_modules/.bin/prisma';
if (!existsSync(bin)) {
  console.error('prisma CLI missing: run npm ci first');
  process.exit(1);
}
const result = spawnSync(bin, ['generate'], { stdio: ['ignore', 'pipe', 'inherit'], env });
if (result.status !== 0) {
  process.stdout.write(result.stdout);
  process.exit(result.status ?? 1);
}
