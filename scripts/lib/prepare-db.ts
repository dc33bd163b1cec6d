/**
 * Migrates the database the environment points at and loads the demo data when it has no users
 * yet. Imported lazily by the start scripts, after the Prisma client has been generated.
 */
export async function prepareDatabase(options: { today: string; accounts?: number }): Promise<void> {
  const { connect, disconnect } = await import('../../lib/db/client');
  const { driverOptionsFromEnv } = await import('../../lib/db/driver');
  const { applyMigrations } = await import('../../lib/db/migrate');
  const database = connect(driverOptionsFromEnv());
  try {
    const applied = await applyMigrations(database.driver);
    if (applied.length) console.log(`[db] migrations applied: ${applied.join(', ')}`);
    if ((await database.prisma.user.count()) === 0) {
      const { seedDemo } = await import('../../prisma/seed/seed-demo');
      console.log('[db] first run: loading the demo data…');
      const summary = await seedDemo(database.prisma, database.driver, { accounts: options.accounts ?? 200, seed: 20261123, today: options.today });
      console.log(`[db] demo data loaded: ${JSON.stringify(summary)}`);
    }
  } finally {
    await disconnect(database);
  }
}
