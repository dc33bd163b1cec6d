import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCredentials } from '../../lib/auth/options';
import { truncateTables } from '../../lib/db/truncate';
import { DomainError } from '../../lib/errors';
import { createConsoleUser, hashNewUser } from '../../lib/users/commands';
import { createUserSchema } from '../../lib/users/schemas';
import { createAccount, createUser } from '../../prisma/seed/factories';
import { resetDatabase } from '../../prisma/seed/seed-demo';
import { prepareDatabase } from '../../scripts/lib/prepare-db';
import { createTestDatabase } from './db';
import { withEnv } from './env';

describe('deployment defaults', () => {
  it('the embedded database gets no demo users either when demo data is declined', async () => {
    const lines: string[] = [];
    const result = await withEnv({ DATABASE_URL: undefined, MIGRATION_DATABASE_URL: undefined, PGLITE_DIR: 'memory://' }, () =>
      prepareDatabase({ today: '2026-11-23', demo: false, log: (line) => lines.push(line) }),
    );
    expect(result).toMatchObject({ demoLoaded: false, users: 0 });
    expect(lines.join('\n')).toContain('user:create');
  });
});

describe('user:create', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.drop();
  });

  it('validates its input and names the field', () => {
    const issues = (input: unknown) => {
      const parsed = createUserSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ role: 'ROOT', email: 'a@b.test', password: 'long-enough-pass' })).toEqual([expect.stringMatching(/^role: Role must be one of OPS/)]);
    expect(issues({ role: 'OPS', email: 'not-an-email', password: 'long-enough-pass' })).toEqual(['email: Email must be an email address']);
    expect(issues({ role: 'OPS', email: 'a@b.test', password: 'short' })).toEqual(['password: Password must be at least 12 characters']);
    expect(issues({ role: 'CUSTOMER', email: 'a@b.test', password: 'long-enough-pass' })).toEqual([
      'accountId: Account is required for a CUSTOMER user (--account ID)',
    ]);
    expect(issues({ role: 'OPS', email: 'a@b.test', password: 'long-enough-pass', accountId: '3' })).toEqual(['accountId: Account is only for CUSTOMER users']);
  });

  it('creates a user who can sign in, audited without the password, and refuses a second one with that email', async () => {
    const { prisma } = handle.db;
    const input = await hashNewUser(createUserSchema.parse({ role: 'OPS', email: ' First.Ops@Example.test ', password: 'correct horse battery' }));
    expect(input).not.toHaveProperty('password');
    const user = await prisma.$transaction((tx) => createConsoleUser(tx, { id: null, label: 'cli:test' }, input));
    expect(user).toMatchObject({ email: 'first.ops@example.test', role: 'OPS', accountId: null, name: 'first.ops' });
    expect(await verifyCredentials({ email: 'first.ops@example.test', password: 'correct horse battery' }, '10.30.0.1')).toMatchObject({ id: user.id });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'user.create', entityId: user.id } });
    expect(audit.actorLabel).toBe('cli:test');
    expect(JSON.stringify(audit.after)).not.toContain('correct horse');
    const again = prisma.$transaction((tx) => createConsoleUser(tx, { id: null, label: 'cli:test' }, input));
    await expect(again).rejects.toThrow(DomainError);
    await expect(again).rejects.toThrow('Email first.ops@example.test already belongs to a user');
  });

  it('a customer user needs an account that exists', async () => {
    const { prisma } = handle.db;
    const account = await createAccount(prisma, { scheme: 'CURRENT' });
    const ok = await hashNewUser(createUserSchema.parse({ role: 'CUSTOMER', email: 'cust@example.test', password: 'long-enough-pass', accountId: String(account.id) }));
    expect(await prisma.$transaction((tx) => createConsoleUser(tx, { id: null, label: 'cli:test' }, ok))).toMatchObject({ accountId: account.id });
    const missing = await hashNewUser(createUserSchema.parse({ role: 'CUSTOMER', email: 'cust2@example.test', password: 'long-enough-pass', accountId: '999999' }));
    await expect(prisma.$transaction((tx) => createConsoleUser(tx, { id: null, label: 'cli:test' }, missing))).rejects.toThrow('Account 999999 does not exist');
  });
});

describe('money tables and TRUNCATE', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.drop();
  });

  it('refuses TRUNCATE, also cascading from an account and for the owner, except in the seed\'s reset', async () => {
    const { prisma, driver } = handle.db;
    await createUser(prisma, { role: 'CUSTOMER' });
    // Tables that others reference (Invoice: balance entries, credit notes) are refused by their
    // foreign keys already without CASCADE; with it, by their own trigger.
    for (const sql of ['TRUNCATE "Invoice" CASCADE', 'TRUNCATE "InvoiceLine"', 'TRUNCATE "UsageDaily"', 'TRUNCATE "PlanEvent"', 'TRUNCATE "AuditLog"', 'TRUNCATE "BalanceEntry" CASCADE', 'TRUNCATE "CreditNote" CASCADE', 'TRUNCATE "Account" CASCADE']) {
      await expect(driver.exec(sql), sql).rejects.toThrow(/TRUNCATE of "\w+" is refused/);
    }
    // The permission is the reset's own transaction's: it does not outlive it.
    await truncateTables(driver, ['SignInThrottle']);
    await expect(driver.exec('TRUNCATE "Invoice" CASCADE')).rejects.toThrow(/is refused/);
    expect(await prisma.user.count()).toBeGreaterThan(0);
    await resetDatabase(driver);
    expect(await prisma.user.count()).toBe(0);
    expect(await prisma.account.count()).toBe(0);
  });
});
