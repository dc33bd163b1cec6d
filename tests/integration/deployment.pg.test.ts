// PostgreSQL only (a server's databases and roles): collected when TEST_DATABASE_URL is set, as in CI.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleFromUrl, setUpAppRole } from '../../lib/db/roles';
import { createUser } from '../../prisma/seed/factories';
import { prepareDatabase } from '../../scripts/lib/prepare-db';
import { createTestDatabase } from './db';
import { withEnv } from './env';
import { withDatabase } from './pg-url';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('deployment defaults on a real PostgreSQL', () => {
  it('npm start on an empty real PostgreSQL creates no user and says how to create the first one', async () => {
    const name = `im_billing_test_${randomBytes(5).toString('hex')}`;
    await admin(`CREATE DATABASE "${name}"`);
    try {
      const lines: string[] = [];
      const url = withDatabase(process.env.TEST_DATABASE_URL!, name);
      const result = await withEnv({ DATABASE_URL: url, MIGRATION_DATABASE_URL: undefined, CONSOLE_DEMO_DATA: undefined }, () =>
        prepareDatabase({ today: '2026-11-23', log: (line) => lines.push(line) }),
      );
      expect(result).toMatchObject({ demoLoaded: false, users: 0 });
      expect(result.applied.length).toBeGreaterThan(0);
      expect(lines.join('\n')).toContain('npm run user:create -- --role OPS --email');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ users: number; accounts: number }>(
          'SELECT (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "Account")::int AS accounts',
        );
        expect(rows[0]).toEqual({ users: 0, accounts: 0 });
      } finally {
        await client.end();
      }
    } finally {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});

describe('least privilege', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  const role = `im_billing_app_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  let app: pg.Client;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await setUpAppRole(handle.db.driver, { role, password });
    const ownerUrl = handle.db.driver.kind === 'postgres' ? handle.db.driver.url : '';
    const url = new URL(ownerUrl);
    url.username = role;
    url.password = password;
    expect(roleFromUrl(url.toString())).toEqual({ role, password });
    app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await handle?.db.driver.exec(`DROP OWNED BY "${role}"`).catch(() => undefined);
    await handle?.drop();
    await admin(`DROP ROLE IF EXISTS "${role}"`);
  });

  it('the app role reads and writes rows, and can neither change the schema nor TRUNCATE', async () => {
    const { prisma } = handle.db;
    const user = await createUser(prisma, { role: 'OPS', email: 'least@example.test' });
    expect((await app.query('SELECT "email" FROM "User" WHERE "id" = $1', [user.id])).rows).toEqual([{ email: 'least@example.test' }]);
    await app.query(`UPDATE "User" SET "name" = 'Renamed by app' WHERE "id" = $1`, [user.id]);
    await app.query(`INSERT INTO "AuditLog" ("actorLabel", "action", "entityType", "entityId") VALUES ('t', 'test', 'User', $1)`, [user.id]);
    expect((await app.query(`SELECT sign_in_admit(ARRAY['k'], ARRAY[5], interval '15 minutes') AS ok`)).rows).toEqual([{ ok: true }]);
    const [facts] = (await app.query<{ rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean }>(
      'SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user',
    )).rows;
    expect(facts).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false });
    for (const sql of [
      'CREATE TABLE "Intruder" (id int)',
      'ALTER TABLE "Invoice" ADD COLUMN "x" int',
      'DROP TABLE "AuditLog"',
      'TRUNCATE "Invoice"',
      'TRUNCATE "SignInThrottle"',
      'DROP TRIGGER "AuditLog_append_only" ON "AuditLog"',
      'CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$',
      'SELECT * FROM "_prisma_migrations"',
    ]) {
      await expect(app.query(sql), sql).rejects.toMatchObject({ code: expect.stringMatching(/^(42501|42P01)$/) });
    }
  });

  it('a table a later migration adds is the app role\'s to read and write at once', async () => {
    await handle.db.driver.exec('CREATE TABLE "LaterFeature" ("id" SERIAL PRIMARY KEY, "note" TEXT)');
    await app.query(`INSERT INTO "LaterFeature" ("note") VALUES ('ok')`);
    expect((await app.query('SELECT "note" FROM "LaterFeature"')).rows).toEqual([{ note: 'ok' }]);
    await expect(app.query('TRUNCATE "LaterFeature"')).rejects.toMatchObject({ code: '42501' });
  });
});
