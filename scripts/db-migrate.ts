import { openDriver, ownerDriverOptionsFromEnv } from '../lib/db/driver';
import { applyMigrations } from '../lib/db/migrate';

const driver = openDriver(ownerDriverOptionsFromEnv());
try {
  const applied = await applyMigrations(driver);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await driver.close();
}
