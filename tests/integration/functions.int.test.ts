import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { dumpFunctions, FUNCTIONS_FILE } from '../../lib/db/functions';
import { useTestDatabase } from './db';

const getDb = useTestDatabase();

it(`${FUNCTIONS_FILE} is every live function and trigger of a freshly migrated database`, async () => {
  const live = await dumpFunctions(getDb().driver);
  const stored = readFileSync(path.resolve(FUNCTIONS_FILE), 'utf8');
  // A plain equality check, with the fix in the message rather than a diff of 300 lines.
  if (live !== stored) {
    expect.fail(`${FUNCTIONS_FILE} is stale: a migration changed a function or trigger. Run \`npm run db:functions\` and commit the file.`);
  }
});
