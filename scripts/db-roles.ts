/**
 * `npm run db:roles`: sets up the role the console and the workers connect as.
 *
 *   MIGRATION_DATABASE_URL=postgresql://owner:…@host/im_billing \
 *   DATABASE_URL=postgresql://im_billing_app:…@host/im_billing npm run db:roles
 *
 * Connects as the owner (MIGRATION_DATABASE_URL), applies pending migrations, then creates or
 * updates DATABASE_URL's user as a role that can only read and write rows (lib/db/roles.ts).
 */
import { openDriver } from '../lib/db/driver';
import { applyMigrations } from '../lib/db/migrate';
import { roleFromUrl, setUpAppRole } from '../lib/db/roles';

const ownerUrl = process.env.MIGRATION_DATABASE_URL;
const appUrl = process.env.DATABASE_URL;
if (!ownerUrl || !appUrl) {
  console.error('error: set MIGRATION_DATABASE_URL (the tables\' owner) and DATABASE_URL (the app role to set up)');
  process.exit(2);
}
let app: ReturnType<typeof roleFromUrl>;
try {
  app = roleFromUrl(appUrl);
} catch (error) {
  console.error(`error: DATABASE_URL: ${(error as Error).message}`);
  process.exit(2);
}
const driver = openDriver({ url: ownerUrl, poolSize: 1 });
try {
  const applied = await applyMigrations(driver);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  for (const statement of await setUpAppRole(driver, app)) console.log(`${statement};`);
  console.log(`role ${app.role}: rows only (no DDL, no TRUNCATE, not a superuser)`);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await driver.close();
}
