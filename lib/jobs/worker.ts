import 'server-only';
import { BILLING_TIME_ZONE } from '../clock';
import type { Database } from '../db/client';
import { getBoss, QUEUES, type PgBoss } from './boss';

/**
 * A worker: takes the billing runs' shards, the calendar's ticks and the accounts' re-ratings
 * from the job queue. Any number of processes on any machines may run one against the same
 * database (`npm run worker`); `npm start` runs one inside the web server unless WORKERS=0.
 */

export type WorkerOptions = {
  /** Shards this process works on at once (each already pipelines its reads and writes). */
  concurrency?: number;
  /** Run the calendar's schedule (a tick every two minutes); BILLING_CALENDAR=off turns it off. */
  calendar?: boolean;
};

/** The calendar's tick: every two minutes, in the billing calendar's zone. */
export const TICK_CRON = '*/2 * * * *';

const started = new WeakMap<Database, Promise<PgBoss>>();
const shardWorkers = new WeakMap<Database, string[]>();

/** A run was just planned here: this process's shard workers look now instead of at their next poll. */
export async function wakeShardWorkers(database: Database): Promise<void> {
  const ids = shardWorkers.get(database);
  if (!ids) return;
  const boss = await started.get(database);
  for (const id of ids) boss?.notifyWorker(id);
}

export function calendarEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.BILLING_CALENDAR !== 'off';
}

export function startWorker(database: Database, options: WorkerOptions = {}): Promise<PgBoss> {
  let worker = started.get(database);
  if (!worker) {
    worker = register(database, options);
    started.set(database, worker);
    worker.catch(() => started.delete(database));
  }
  return worker;
}

async function register(database: Database, options: WorkerOptions): Promise<PgBoss> {
  const boss = await getBoss(database);
  const { executeShard, failRun } = await import('../billing-runs/commands');
  const { tick, rerateAccount } = await import('../calendar/commands');
  const concurrency = options.concurrency ?? (Number(process.env.WORKER_CONCURRENCY) || 1);
  const ids: string[] = [];
  shardWorkers.set(database, ids);
  for (let i = 0; i < concurrency; i++) {
    const id = await boss.work<{ runId: number; shardId: number; chunkSize: number }>(
      QUEUES.shard,
      { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 0.5 },
      async ([job]) => {
        if (!job) return;
        try {
          await executeShard(job.data);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          console.error(`[jobs] billing run ${job.data.runId}, shard ${job.data.shardId} (attempt ${job.retryCount + 1}): ${message}`);
          // Its retries spent: the run ends FAILED with the cause, and ops (or the calendar) start it again.
          if (job.retryCount >= job.retryLimit) await failRun(job.data.runId, message);
          throw error;
        }
      },
    );
    ids.push(id);
  }
  await boss.work<{ accountId: number; month: string }>(QUEUES.rerate, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    if (job) await rerateAccount(job.data.accountId, job.data.month);
  });
  await boss.work(QUEUES.tick, { batchSize: 1, pollingIntervalSeconds: 2 }, async () => {
    await tick();
  });
  if (options.calendar ?? calendarEnabled()) {
    await boss.schedule(QUEUES.tick, TICK_CRON, {}, { tz: BILLING_TIME_ZONE });
    // Now as well: a console started after a step's time catches up at once.
    await boss.send(QUEUES.tick, {});
  } else if (!calendarEnabled()) {
    // BILLING_CALENDAR=off: the schedule is stored in the database, so it is taken out there.
    // A worker merely started without it (a shell's, a test's) leaves the others' schedule alone.
    await boss.unschedule(QUEUES.tick).catch(() => undefined);
  }
  return boss;
}
