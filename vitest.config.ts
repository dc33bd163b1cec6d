import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@': root, 'server-only': `${root}tests/server-only-stub.ts` } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // *.pg.test.ts need a PostgreSQL server (other databases, roles, worker processes
          // sharing it): collected only with TEST_DATABASE_URL, as in CI, never skipped.
          include: ['tests/integration/**/*.int.test.ts', ...(process.env.TEST_DATABASE_URL ? ['tests/integration/**/*.pg.test.ts'] : [])],
          globalSetup: ['tests/integration/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
