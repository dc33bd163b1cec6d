import { describe, expect, it } from 'vitest';
import { writeAudit } from '../../lib/db/audit';
import { db, TransactionNestingError } from '../../lib/db/client';
import { driverSql, driverTransaction, prismaSql, writeAuditSql } from '../../lib/db/sql';
import { useTestDatabase } from './db';

const getDb = useTestDatabase();

/** Fails a test that would otherwise wait forever (the trap the API closes) within 5 s. */
function within<T>(promise: Promise<T>, ms = 5_000): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms: a deadlock`)), ms))]);
}

describe('one road to the database', () => {
  it('refuses a driver transaction inside a Prisma interactive transaction with a clear error, instead of waiting forever', async () => {
    const attempt = db.$transaction(async (tx) => {
      await tx.$queryRawUnsafe('SELECT 1');
      return driverTransaction((sql) => sql('SELECT 1 AS one'));
    });
    await expect(within(attempt)).rejects.toThrow(TransactionNestingError);
    await expect(within(db.$transaction(async () => driverSql()('SELECT 1')))).rejects.toThrow(/driverSql\(\) inside a Prisma interactive transaction is refused/);
    // Outside it, both work as ever.
    expect(await driverTransaction((sql) => sql<{ one: number }>('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
  });

  it('refuses the app client (db) and nested driver transactions inside a driver transaction', async () => {
    await expect(within(driverTransaction(async () => db.account.count()))).rejects.toThrow(/db\.account inside a driver transaction is refused/);
    await expect(within(driverTransaction(async () => driverTransaction((sql) => sql('SELECT 1'))))).rejects.toThrow(TransactionNestingError);
    await expect(within(driverTransaction(async () => db.$transaction(async () => 1)))).rejects.toThrow(TransactionNestingError);
  });

  it('writes audit rows the same way through Prisma and through the driver (one writer)', async () => {
    const actor = { id: null, label: 'db-road-test' };
    const entry = { action: 'test.write', entityType: 'Thing', entityId: 7n, accountId: null, before: { n: 1n }, after: { amount: '1.50' } };
    await db.$transaction((tx) => writeAudit(tx, actor, entry));
    await driverTransaction((sql) => writeAuditSql(sql, actor, [entry]));
    await db.$transaction((tx) => writeAuditSql(prismaSql(tx), actor, [entry]));
    const rows = await getDb().driver.query<Record<string, unknown>>(
      `SELECT "actorId", "actorLabel", "action", "entityType", "entityId", "accountId", "before", "after" FROM "AuditLog" WHERE "actorLabel" = 'db-road-test' ORDER BY "id"`,
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({ actorId: null, actorLabel: 'db-road-test', action: 'test.write', entityType: 'Thing', entityId: '7', accountId: null, before: { n: '1' }, after: { amount: '1.50' } });
    expect(rows[1]).toEqual(rows[0]);
    expect(rows[2]).toEqual(rows[0]);
  });
});
