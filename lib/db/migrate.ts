import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from './driver';
import { installJobSchema } from '../jobs/boss';

export const MIGRATIONS_DIR = path.resolve(process.cwd(), 'prisma/migrations');

// Prisma Migrate's own bookkeeping table, column for column, so `prisma migrate status` and
// `prisma migrate deploy` on a real server agree with what this applier recorded.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// The advisory lock key Prisma Migrate itself takes, so two appliers never race.
const PRISMA_MIGRATE_LOCK = 72707369;

export type MigrationFile = { name: string; sql: string; checksum: string };

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies every migration not yet recorded, each in its own transaction, and records it in
 * `_prisma_migrations` as Prisma Migrate does. Refuses to go on when an applied migration's
 * file was edited afterwards (its checksum changed) or a previous attempt failed half-way.
 */
export async function applyMigrations(driver: Driver, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = readMigrations(dir);
  const applied: string[] = [];
  const lock = driver.kind === 'postgres' ? await driver.pool.connect() : null;
  const run = async (sql: string, params?: unknown[]) =>
    lock ? (await lock.query(sql, params)).rows : await driver.query(sql, params);
  const execRows = async (sql: string): Promise<Record<string, unknown>[]> => {
    if (lock) {
      const result = (await lock.query(sql)) as unknown as { rows: Record<string, unknown>[] } | { rows: Record<string, unknown>[] }[];
      return Array.isArray(result) ? (result[result.length - 1]?.rows ?? []) : result.rows;
    }
    if (driver.kind === 'pglite') {
      const results = await driver.pglite.exec(sql);
      return (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[];
    }
    return driver.query(sql);
  };
  const exec = async (sql: string) => {
    if (lock) await lock.query(sql);
    else await driver.exec(sql);
  };
  try {
    if (lock) await lock.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    await exec(CREATE_MIGRATIONS_TABLE);
    const rows = (await run(
      'SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"',
    )) as { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }[];
    const done = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r]));
    for (const file of files) {
      const previous = done.get(file.name);
      if (previous) {
        if (previous.finished_at === null) {
          throw new Error(`migration ${file.name} failed earlier and was not rolled back; fix the database by hand`);
        }
        if (previous.checksum !== file.checksum) {
          throw new Error(`migration ${file.name} was edited after it was applied; add a new migration instead`);
        }
        continue;
      }
      const id = randomUUID();
      await exec('BEGIN');
      try {
        await run(
          'INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, $3, now(), 0)',
          [id, file.checksum, file.name],
        );
        await exec(file.sql);
        await run(
          'UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "id" = $1',
          [id],
        );
        await exec('COMMIT');
      } catch (error) {
        await exec('ROLLBACK');
        throw new Error(`migration ${file.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(file.name);
    }
    // The job system's own schema (pg-boss) is part of the same step: workers never create it.
    await installJobSchema(async (sql, params) => ({ rows: params?.length ? await run(sql, params) : await execRows(sql) }));
  } finally {
    if (lock) {
      await lock.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]).catch(() => undefined);
      lock.release();
    }
  }
  return applied;
}
