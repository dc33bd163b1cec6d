/**
 * `npm run worker`: a job worker (billing-run shards, the calendar's ticks, re-ratings) against
 * DATABASE_URL; any number of them on any machines share the work. It never migrates: run
 * `npm run db:migrate` (as the database owner) first. WORKER_CONCURRENCY shards at once (1).
 */
import { disconnect, getDatabase } from '../lib/db/client';
import { startWorker } from '../lib/jobs/worker';

let database;
try {
  database = getDatabase();
  await startWorker(database);
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const where = database.driver.kind === 'postgres' ? 'PostgreSQL' : `the embedded database ${database.driver.dir}`;
console.log(`[worker] pid ${process.pid} takes jobs from ${where}`);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void disconnect(database!).finally(() => process.exit(0));
  });
}
