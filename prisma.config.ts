import { defineConfig } from 'prisma/config';

// Prisma 7 keeps the connection out of the schema. The console applies migrations with its
// own applier (lib/db/migrate.ts), so the CLI is used only for `prisma generate`.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
