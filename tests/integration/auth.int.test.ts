import { describe, expect, it } from 'vitest';
import { listAccounts } from '../../lib/accounts/queries';
import { parseAccountsSearch } from '../../lib/accounts/schemas';
import { canAccessAccount, type Actor } from '../../lib/auth/guard';
import { THROTTLE, THROTTLED, verifyCredentials } from '../../lib/auth/options';
import { createAccount, createUser } from '../../prisma/seed/factories';
import { useTestDatabase } from './db';

const getDb = useTestDatabase();

const asActor = (user: { id: string; email: string; name: string; role: Actor['role']; accountId: number | null }): Actor => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  accountId: user.accountId,
});

describe('sign-in', () => {
  it('accepts the right password and says nothing about which part was wrong', async () => {
    const { prisma } = getDb();
    const user = await createUser(prisma, { role: 'OPS', email: 'ops-signin@example.test' });
    const ok = await verifyCredentials({ email: 'OPS-SIGNIN@example.test ', password: user.password }, '10.0.0.1');
    expect(ok).toMatchObject({ id: user.id, role: 'OPS', accountId: null });
    // Wrong password and unknown email both answer null: the caller cannot tell them apart.
    expect(await verifyCredentials({ email: user.email, password: 'nope' }, '10.0.0.1')).toBeNull();
    expect(await verifyCredentials({ email: 'nobody@example.test', password: 'nope' }, '10.0.0.1')).toBeNull();
    expect(await verifyCredentials({ email: 'not an email', password: 'x' }, '10.0.0.1')).toBeNull();
  });

  it('throttles an email after repeated failures, even with the right password', async () => {
    const { prisma } = getDb();
    const user = await createUser(prisma, { role: 'CUSTOMER', email: 'throttled@example.test' });
    for (let i = 0; i < THROTTLE.perEmail; i++) {
      expect(await verifyCredentials({ email: user.email, password: `wrong-${i}` }, `10.1.0.${i}`)).toBeNull();
    }
    await expect(verifyCredentials({ email: user.email, password: user.password }, '10.9.9.9')).rejects.toThrow(THROTTLED);
  });

  it('throttles an address that tries many emails', async () => {
    for (let i = 0; i < THROTTLE.perAddress; i++) {
      await verifyCredentials({ email: `spray-${i}@example.test`, password: 'x' }, '10.2.0.1');
    }
    const { prisma } = getDb();
    const user = await createUser(prisma, { role: 'OPS', email: 'victim@example.test' });
    await expect(verifyCredentials({ email: user.email, password: user.password }, '10.2.0.1')).rejects.toThrow(THROTTLED);
    // The same user from elsewhere is not locked out.
    expect(await verifyCredentials({ email: user.email, password: user.password }, '10.2.0.2')).not.toBeNull();
  });
});

describe('account scope', () => {
  it('ops see every account, a manager only theirs, a customer only their own', async () => {
    const { prisma } = getDb();
    const ops = asActor(await createUser(prisma, { role: 'OPS' }));
    const manager = asActor(await createUser(prisma, { role: 'ACCOUNT_MANAGER' }));
    const other = asActor(await createUser(prisma, { role: 'ACCOUNT_MANAGER' }));
    const mine = await createAccount(prisma, { scheme: 'LEGACY', name: 'Scope Mine', managerId: manager.id });
    const theirs = await createAccount(prisma, { scheme: 'CURRENT', name: 'Scope Theirs', managerId: other.id });
    const customer = asActor(await createUser(prisma, { role: 'CUSTOMER', accountId: mine.id }));

    const search = parseAccountsSearch({ q: 'Scope', perPage: '100' });
    expect((await listAccounts(ops, search)).rows.map((r) => r.name).sort()).toEqual(['Scope Mine', 'Scope Theirs']);
    expect((await listAccounts(manager, search)).rows.map((r) => r.name)).toEqual(['Scope Mine']);
    expect((await listAccounts(other, search)).rows.map((r) => r.name)).toEqual(['Scope Theirs']);

    expect(await canAccessAccount(manager, mine.id)).toBe(true);
    expect(await canAccessAccount(manager, theirs.id)).toBe(false);
    expect(await canAccessAccount(customer, mine.id)).toBe(true);
    expect(await canAccessAccount(customer, theirs.id)).toBe(false);
    expect(await canAccessAccount(ops, theirs.id)).toBe(true);
  });

  it('pages, sorts and filters on the server; bad URL values fall back to defaults', async () => {
    const { prisma } = getDb();
    const ops = asActor(await createUser(prisma, { role: 'OPS' }));
    for (let i = 0; i < 25; i++) await createAccount(prisma, { scheme: i % 2 ? 'LEGACY' : 'CURRENT', name: `Paging ${String(i).padStart(2, '0')}` });
    const page2 = await listAccounts(ops, parseAccountsSearch({ q: 'Paging', sort: 'name.desc', perPage: '10', page: '2' }));
    expect(page2.rowCount).toBe(25);
    expect(page2.pageCount).toBe(3);
    expect(page2.rows.map((r) => r.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Paging ${String(14 - i).padStart(2, '0')}`));
    const legacy = await listAccounts(ops, parseAccountsSearch({ q: 'Paging', scheme: 'LEGACY', perPage: '100' }));
    expect(legacy.rowCount).toBe(12);
    expect(legacy.rows.every((r) => r.scheme === 'LEGACY' && r.currency === 'CNY')).toBe(true);
    const bad = parseAccountsSearch({ sort: 'passwordHash.asc', perPage: '7', page: '-3', scheme: 'GOLD', dc: 'MARS' });
    expect(bad).toMatchObject({ sort: { id: 'id', desc: false }, perPage: 20, page: 1, scheme: undefined, dc: undefined });
  });
});
