import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDriver } from '../lib/db/driver';
import { dumpFunctions, FUNCTIONS_FILE } from '../lib/db/functions';
import { applyMigrations } from '../lib/db/migrate';

// Regenerates prisma/functions.sql from a fresh in-memory database with every migration applied
// (never from DATABASE_URL, whose functions may be from another branch).
const driver = openDriver({ pgliteDir: 'memory://' });
try {
  await applyMigrations(driver);
  const text = await dumpFunctions(driver);
  writeFileSync(path.resolve(FUNCTIONS_FILE), text);
  console.log(`wrote ${FUNCTIONS_FILE}`);
} finally {
  await driver.close();
}
