/**
 * `npm run db:seed -- [--accounts N] [--seed S] [--today YYYY-MM-DD] [--reset]`
 *
 * Loads the deterministic demo data (prisma/seed/seed-demo.ts) into DATABASE_URL, else the
 * embedded database (PGLITE_DIR, default .data/pglite). Applies pending migrations first.
 * Refuses a database that already has accounts or users unless --reset, which empties every
 * table (TRUNCATE … RESTART IDENTITY CASCADE) before seeding.
 */
import { parseArgs } from 'node:util';
import { today as consoleToday } from '../lib/clock';
import { connect, disconnect } from '../lib/db/client';
import { ownerDriverOptionsFromEnv } from '../lib/db/driver';
import { applyMigrations } from '../lib/db/migrate';
import {
  DEFAULT_ACCOUNTS,
  DEFAULT_SEED,
  existingData,
  resetDatabase,
  SeedError,
  seedDemo,
  USAGE_ACCOUNT_LIMIT,
  validateSeedOptions,
  type SeedDemoOptions,
} from './seed/seed-demo';

const USAGE = `usage: npm run db:seed -- [--accounts N] [--seed S] [--today YYYY-MM-DD] [--reset]
  --accounts N   accounts to create (default ${DEFAULT_ACCOUNTS}; usage only for the first ${USAGE_ACCOUNT_LIMIT.toLocaleString('en-US')} when more)
  --seed S       random seed (default ${DEFAULT_SEED}); the same arguments give the same rows
  --today D      the demo's today in the billing calendar (default: the real today, or CONSOLE_TODAY)
  --reset        empty every table first (TRUNCATE ... RESTART IDENTITY CASCADE)
Database: DATABASE_URL if set, else the embedded PGlite in PGLITE_DIR (default .data/pglite).`;

function parseInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new SeedError(`--${name} must be an integer (got ${value})`);
  return Number(value);
}

function parseOptions(argv: string[]): (SeedDemoOptions & { reset: boolean }) | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      accounts: { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  const options = {
    accounts: parseInteger('accounts', values.accounts, DEFAULT_ACCOUNTS),
    seed: parseInteger('seed', values.seed, DEFAULT_SEED),
    today: values.today ?? consoleToday(),
    reset: values.reset ?? false,
  };
  validateSeedOptions(options);
  return options;
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  const driverOptions = ownerDriverOptionsFromEnv();
  const target = driverOptions.url ? 'PostgreSQL (MIGRATION_DATABASE_URL or DATABASE_URL)' : `embedded PGlite (${driverOptions.pgliteDir ?? '.data/pglite'})`;
  const database = connect(driverOptions);
  try {
    const applied = await applyMigrations(database.driver);
    if (applied.length > 0) console.log(`migrations applied: ${applied.join(', ')}`);
    const existing = await existingData(database.driver);
    if (existing.accounts > 0 || existing.users > 0) {
      if (!options.reset) {
        console.error(
          `error: ${target} already has ${existing.accounts} accounts and ${existing.users} users; ` +
            'run again with --reset to empty it and seed afresh',
        );
        return 1;
      }
      const tables = await resetDatabase(database.driver);
      console.log(`reset: emptied ${tables.length} tables`);
    }
    console.log(
      `seeding ${target}: ${options.accounts.toLocaleString('en-US')} accounts, seed ${options.seed}, today ${options.today}`,
    );
    const s = await seedDemo(database.prisma, database.driver, options);
    const n = (x: number) => x.toLocaleString('en-US');
    console.log(
      [
        `accounts  ${n(s.accounts)} (${n(s.legacyAccounts)} LEGACY, ${n(s.currentAccounts)} CURRENT)`,
        `apps      ${n(s.apps)}`,
        `events    ${n(s.planEvents)} plan events, ${n(s.trialGrants)} trial grants, ${n(s.featureApplications)} feature applications, ${n(s.migrationTickets)} migration ticket`,
        `usage     ${n(s.usageRows)} daily rows ${s.usageFrom}..${s.usageTo} for ` +
          (s.usageAccounts < s.accounts ? `the first ${n(s.usageAccounts)} accounts only` : `all ${n(s.usageAccounts)} accounts`),
        `users     ${n(s.users)} (demo sign-ins: see prisma/seed/demo-users.ts)`,
        `prices    ${n(s.priceBooks)} price books`,
        `done in   ${(s.ms / 1000).toFixed(1)} s`,
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof SeedError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await disconnect(database);
  }
}

process.exitCode = await main();
