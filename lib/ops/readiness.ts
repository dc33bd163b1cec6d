import 'server-only';
import { driverSql, type Sql } from '../db/sql';
import { readMigrations } from '../db/migrate';

export type CheckStatus = 'ok' | 'failing' | 'skipped';
export type ReadinessReport = { status: 'ready' | 'not_ready'; checks: Record<string, CheckStatus> };

/** A worker counts as alive when it wrote its heartbeat within this window. */
export const WORKER_STALE_AFTER_SECONDS = 5 * 60;

/** One readiness check: 'ok', 'failing', or 'skipped' when what it checks does not exist here. */
type Check = (sql: Sql) => Promise<CheckStatus>;

async function databaseCheck(sql: Sql): Promise<CheckStatus> {
  await sql('SELECT 1');
  return 'ok';
}

/** Every migration shipped with this build is recorded as finished (and none is half-applied). */
export async function pendingMigrations(sql: Sql, dir?: string): Promise<string[]> {
  const shipped = readMigrations(dir).map((m) => m.name);
  const [table] = await sql<{ present: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "present"`);
  if (!table?.present) return shipped;
  const rows = await sql<{ migration_name: string }>(
    'SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL',
  );
  const applied = new Set(rows.map((r) => r.migration_name));
  return shipped.filter((name) => !applied.has(name));
}

async function migrationsCheck(sql: Sql): Promise<CheckStatus> {
  return (await pendingMigrations(sql)).length === 0 ? 'ok' : 'failing';
}

/**
 * Background jobs run on pg-boss when its schema exists; its supervisor stamps `pgboss.version`
 * as it maintains the queues, which is the "worker seen recently" signal. Without that schema
 * (or before any worker stamped it) there are no workers yet and the check is skipped.
 */
async function workerCheck(sql: Sql): Promise<CheckStatus> {
  const [schema] = await sql<{ present: boolean }>(`SELECT to_regclass('pgboss.version') IS NOT NULL AS "present"`);
  if (!schema?.present) return 'skipped';
  // pg-boss stamps its version row as workers maintain the queues: never stamped means no
  // worker has run against this database yet (nothing to wait for).
  const [seen] = await sql<{ last: Date | null; fresh: boolean | null }>(
    `SELECT max(value::text::timestamptz) AS "last", max(value::text::timestamptz) > now() - make_interval(secs => $1) AS "fresh"
       FROM pgboss.version v, jsonb_each(to_jsonb(v))
      WHERE key LIKE '%_on' AND jsonb_typeof(value) = 'string'`,
    [WORKER_STALE_AFTER_SECONDS],
  );
  if (!seen?.last) return 'skipped';
  return seen.fresh ? 'ok' : 'failing';
}

/** The checks /api/ready runs, by name; one more is one entry. */
export const READINESS_CHECKS: Record<string, Check> = {
  database: databaseCheck,
  migrations: migrationsCheck,
  worker: workerCheck,
};

/** Runs every check; a check that throws (e.g. the database is down) is failing. Statuses only, no details. */
export async function checkReadiness(sql: Sql = driverSql()): Promise<ReadinessReport> {
  const checks: Record<string, CheckStatus> = {};
  let databaseUp = true;
  for (const [name, check] of Object.entries(READINESS_CHECKS)) {
    if (!databaseUp) {
      checks[name] = 'failing';
      continue;
    }
    try {
      checks[name] = await check(sql);
    } catch {
      checks[name] = 'failing';
    }
    if (name === 'database' && checks[name] !== 'ok') databaseUp = false;
  }
  const ready = Object.values(checks).every((status) => status !== 'failing');
  return { status: ready ? 'ready' : 'not_ready', checks };
}

/** Jobs waiting per pg-boss queue, for the metrics gauge; nothing when pg-boss is absent. */
export async function readQueueDepth(sql: Sql = driverSql()): Promise<{ queue: string; depth: number }[]> {
  const [table] = await sql<{ present: boolean }>(`SELECT to_regclass('pgboss.job') IS NOT NULL AS "present"`);
  if (!table?.present) return [];
  const rows = await sql<{ name: string; depth: number }>(
    `SELECT "name", count(*)::int AS "depth" FROM pgboss.job WHERE state IN ('created', 'retry') GROUP BY "name"`,
  );
  return rows.map((r) => ({ queue: r.name, depth: r.depth }));
}
