import type { Driver } from './driver';

export type AppRoleOptions = {
  /** The login role the console and the workers connect as (DATABASE_URL's user). */
  role: string;
  /** Set (or reset) as the role's password when given. */
  password?: string;
};

/**
 * Creates or updates the console's least-privilege role in the database `driver` is connected
 * to, as the tables' owner: it may log in and read and write rows (SELECT, INSERT, UPDATE,
 * DELETE, sequences), on today's tables and on those later migrations create; it may not
 * create, alter or drop anything, TRUNCATE, read the migration bookkeeping, create roles or
 * databases, and it is not a superuser. Run again at will: every statement is idempotent.
 */
export async function setUpAppRole(driver: Driver, options: AppRoleOptions): Promise<string[]> {
  if (driver.kind !== 'postgres') throw new Error('database roles need a real PostgreSQL (the embedded database has one user)');
  const [facts] = await driver.query<{ owner: string; database: string; exists: boolean }>(
    `SELECT current_user AS owner, current_database() AS database, EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists`,
    [options.role],
  );
  if (!facts) throw new Error('could not read the current user');
  if (facts.owner === options.role) throw new Error(`the app role must differ from the owner (${facts.owner}) that runs migrations`);
  const quoted = async (template: string, ...args: string[]): Promise<string> => {
    const [row] = await driver.query<{ sql: string }>(`SELECT format($1, ${args.map((_, i) => `$${i + 2}::text`).join(', ')}) AS sql`, [template, ...args]);
    if (!row) throw new Error('format() returned nothing');
    return row.sql;
  };
  const statements = [
    facts.exists ? null : await quoted('CREATE ROLE %I LOGIN', options.role),
    await quoted('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', options.role),
    options.password ? await quoted('ALTER ROLE %I WITH PASSWORD %L', options.role, options.password) : null,
    await quoted('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', facts.database, options.role),
    // Before PostgreSQL 15 every role could create objects in the public schema; only the
    // schema's owner may take that back, so another owner leaves it as it is.
    `DO $$ BEGIN REVOKE CREATE ON SCHEMA public FROM PUBLIC; EXCEPTION WHEN insufficient_privilege THEN NULL; END $$`,
    await quoted('REVOKE CREATE ON SCHEMA public FROM %I', options.role),
    await quoted('GRANT USAGE ON SCHEMA public TO %I', options.role),
    await quoted('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', options.role),
    await quoted('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', options.role),
    await quoted('REVOKE ALL ON TABLE "_prisma_migrations" FROM %I', options.role),
    await quoted('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', options.role),
    await quoted('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', facts.owner, options.role),
    await quoted('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', facts.owner, options.role),
  ].filter((s): s is string => s !== null);
  for (const statement of statements) await driver.exec(statement);
  return statements.map((s) => (options.password ? s.replace(/PASSWORD '.*'$/, "PASSWORD '…'") : s));
}

/** The user and password a postgres:// URL names. */
export function roleFromUrl(url: string): { role: string; password?: string } {
  const parsed = new URL(url);
  const role = decodeURIComponent(parsed.username);
  if (!role) throw new Error('DATABASE_URL names no user: it must name the app role (postgresql://ROLE:PASSWORD@host/db)');
  return { role, password: parsed.password ? decodeURIComponent(parsed.password) : undefined };
}
