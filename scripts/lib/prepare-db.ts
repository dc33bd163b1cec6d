/**
 * Migrates the database the environment points at, as its owner (MIGRATION_DATABASE_URL, else
 * DATABASE_URL, else the embedded database). Demo data (with its published passwords) is loaded
 * into an empty database only when it is the embedded one or when asked for (`demo`, `--demo`,
 * CONSOLE_DEMO_DATA=1); an empty real PostgreSQL gets no user, and the way to create the first
 * one is printed. Imported lazily by the start scripts, after the Prisma client has been generated.
 */
export type PrepareDatabaseOptions = {
  today: string;
  accounts?: number;
  /** Load the demo data into an empty database whatever it is; default: only the embedded one. */
  demo?: boolean;
  log?: (line: string) => void;
};

export type PrepareDatabaseResult = { applied: string[]; demoLoaded: boolean; users: number };

export const FIRST_USER_HINT = [
  '[db] this database has no users. Create the first ops user with:',
  '[db]   npm run user:create -- --role OPS --email you@example.com',
  '[db] (the password is prompted for). Demo data with published passwords: --demo or CONSOLE_DEMO_DATA=1.',
];

/** Whether the demo data was asked for on the command line or in the environment. */
export function demoRequested(argv: string[] = process.argv, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return argv.includes('--demo') || env.CONSOLE_DEMO_DATA === '1' || env.CONSOLE_DEMO_DATA === 'true';
}

export async function prepareDatabase(options: PrepareDatabaseOptions): Promise<PrepareDatabaseResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { connect, disconnect } = await import('../../lib/db/client');
  const { ownerDriverOptionsFromEnv } = await import('../../lib/db/driver');
  const { applyMigrations } = await import('../../lib/db/migrate');
  const database = connect(ownerDriverOptionsFromEnv());
  try {
    const applied = await applyMigrations(database.driver);
    if (applied.length) log(`[db] migrations applied: ${applied.join(', ')}`);
    let users = await database.prisma.user.count();
    let demoLoaded = false;
    if (users === 0 && (options.demo ?? database.driver.kind === 'pglite')) {
      const { seedDemo } = await import('../../prisma/seed/seed-demo');
      log('[db] first run: loading the demo data…');
      const summary = await seedDemo(database.prisma, database.driver, { accounts: options.accounts ?? 200, seed: 20261123, today: options.today });
      log(`[db] demo data loaded: ${JSON.stringify(summary)}`);
      demoLoaded = true;
      users = await database.prisma.user.count();
    } else if (users === 0) {
      for (const line of FIRST_USER_HINT) log(line);
    }
    return { applied, demoLoaded, users };
  } finally {
    await disconnect(database);
  }
}
