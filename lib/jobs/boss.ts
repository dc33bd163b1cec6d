import PgBoss from 'pg-boss';
import type { Database } from '../db/client';
import type { Driver } from '../db/driver';

/**
 * The job system: pg-boss 10 on the console's own database (PostgreSQL, or the embedded PGlite
 * through the same `executeSql` adapter). Its schema and queues are created by the migration
 * step (installJobSchema, run by the database owner); workers only read and write rows.
 */

export const JOB_SCHEMA = 'pgboss';

/** The queues: a billing run's shards, the calendar's tick, one account's re-rating. */
export const QUEUES = {
  shard: 'billing-run-shard',
  tick: 'billing-calendar-tick',
  rerate: 'billing-rerate',
} as const;

/** How long a worker may hold a shard before another takes it (its lease), in seconds. */
export function shardLeaseSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.BILLING_SHARD_LEASE_SECONDS);
  return Number.isInteger(value) && value >= 2 ? value : 30;
}

/** Queue options created with the schema. Per-job options (a shard's lease) override them. */
const QUEUE_OPTIONS: Record<(typeof QUEUES)[keyof typeof QUEUES], Omit<PgBoss.Queue, 'name'>> = {
  [QUEUES.shard]: { policy: 'standard', retryLimit: 10, retryDelay: 1, expireInSeconds: 30 },
  [QUEUES.tick]: { policy: 'singleton', retryLimit: 0, expireInSeconds: 300 },
  // `short`: one queued job per key at a time, so events arriving while one waits are absorbed (debounce).
  [QUEUES.rerate]: { policy: 'short', retryLimit: 3, retryDelay: 30, expireInSeconds: 300 },
};

export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** pg-boss's `db` option for a driver: a pool on PostgreSQL, the one PGlite otherwise. */
export function bossDb(driver: Driver): { executeSql: ExecuteSql } {
  if (driver.kind === 'postgres') {
    return { executeSql: async (text, values) => ({ rows: (await driver.pool.query(text, values)).rows }) };
  }
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await driver.pglite.query(text, values)).rows as Record<string, unknown>[] };
      // Plans without parameters may hold several statements (pg-boss's maintenance wraps them in BEGIN/COMMIT).
      const results = await driver.pglite.exec(text);
      return { rows: (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[] };
    },
  };
}

/** An Sql-like executor inside the caller's transaction, as pg-boss's per-call `db` option. */
export function transactionDb(query: (text: string, values: unknown[]) => Promise<Record<string, unknown>[]>): { executeSql: ExecuteSql } {
  return { executeSql: async (text, values = []) => ({ rows: await query(text, values) }) };
}

/**
 * Creates pg-boss's schema and this console's queues, or migrates them to the installed
 * pg-boss's version: part of the migration step, inside its lock, as the database owner.
 */
export async function installJobSchema(run: ExecuteSql): Promise<void> {
  const installed = await run(`SELECT to_regclass('${JOB_SCHEMA}.version') IS NOT NULL AS "installed"`);
  if (!installed.rows[0]?.installed) {
    await run(PgBoss.getConstructionPlans(JOB_SCHEMA));
  } else {
    const { rows } = await run(`SELECT version FROM ${JOB_SCHEMA}.version`);
    const version = Number(rows[0]?.version);
    const target = Number((PgBoss.getConstructionPlans(JOB_SCHEMA).match(/INSERT INTO \S+\.version\(version\) VALUES \('(\d+)'\)/i) ?? [])[1]);
    if (Number.isInteger(target) && version < target) await run(PgBoss.getMigrationPlans(JOB_SCHEMA, String(version)));
  }
  for (const [name, options] of Object.entries(QUEUE_OPTIONS)) {
    await run(`SELECT ${JOB_SCHEMA}.create_queue($1, $2)`, [name, JSON.stringify(options)]);
  }
  await run(`SELECT ${JOB_SCHEMA}.create_queue($1, $2)`, ['__pgboss__send-it', JSON.stringify({ policy: 'standard' })]);
}

export type BossOptions = {
  /** Run the cron scheduler (the calendar's tick) and pg-boss's maintenance (lease expiry). */
  supervise?: boolean;
};

const bosses = new WeakMap<Database, Promise<PgBoss>>();

/**
 * The database's pg-boss instance, started once per process and database. Never migrates
 * (`migrate: false`): a worker runs as the application's role, which may not create tables.
 */
export function getBoss(database: Database, options: BossOptions = {}): Promise<PgBoss> {
  let boss = bosses.get(database);
  if (!boss) {
    const supervise = options.supervise ?? true;
    const instance = new PgBoss({
      db: bossDb(database.driver),
      schema: JOB_SCHEMA,
      migrate: false,
      supervise,
      schedule: supervise,
      // Expired leases are noticed within a few seconds of running out.
      maintenanceIntervalSeconds: 2,
      // The minimum pg-boss accepts for its cron (a schedule fires at most once per minute).
      archiveCompletedAfterSeconds: 3600,
    });
    instance.on('error', (error: Error) => console.error(`[jobs] ${error.message}`));
    boss = instance.start();
    boss.catch(() => bosses.delete(database));
    bosses.set(database, boss);
    database.onClose ??= [];
    database.onClose.push(async () => {
      bosses.delete(database);
      await boss!.catch(() => undefined);
      await instance.stop({ graceful: false, close: false, wait: true, timeout: 1000 }).catch(() => undefined);
    });
  }
  return boss;
}

export { PgBoss };
