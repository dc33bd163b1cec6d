import bcrypt from 'bcryptjs';
import { describe, expect, it, vi } from 'vitest';
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

  it('a burst of 60 parallel wrong passwords for one email from one address checks at most the pair limit', async () => {
    const { prisma } = getDb();
    const user = await createUser(prisma, { role: 'OPS', email: 'burst@example.test' });
    const compare = vi.spyOn(bcrypt, 'compare');
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 60 }, (_, i) => verifyCredentials({ email: user.email, password: `wrong-${i}` }, '10.3.0.1')),
      );
      expect(compare).toHaveBeenCalledTimes(THROTTLE.perPair);
      expect(results.filter((r) => r.status === 'fulfilled' && r.value === null)).toHaveLength(THROTTLE.perPair);
      expect(results.filter((r) => r.status === 'rejected' && (r.reason as Error).message === THROTTLED)).toHaveLength(60 - THROTTLE.perPair);
      // The right password from the same address is refused too, unchecked, for the window.
      compare.mockClear();
      await expect(verifyCredentials({ email: user.email, password: user.password }, '10.3.0.1')).rejects.toThrow(THROTTLED);
      expect(compare).not.toHaveBeenCalled();
    } finally {
      compare.mockRestore();
    }
  });

  it('a burst of 60 parallel guesses from 60 addresses checks at most the per-email limit', async () => {
    const { prisma } = getDb();
    const user = await createUser(prisma, { role: 'OPS', email: 'botnet@example.test' });
    const compare = vi.spyOn(bcrypt, 'compare');
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 60 }, (_, i) => verifyCredentials({ email: user.email, password: `wrong-${i}` }, `10.4.${i}.1`)),
      );
      expect(compare).toHaveBeenCalledTimes(THROTTLE.perEmail);
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(60 - THROTTLE.perEmail);
    } finally {
      compare.mockRestore();
    }
  });

  it('an attacker cannot lock the owner out: the right password from a second address signs in while the first is throttled', async () => {
    const { prisma } = getDb();
    const user = await createUser(prisma, { role: 'CUSTOMER', email: 'owner@example.test' });
    for (let i = 0; i < THROTTLE.perPair; i++) {
      expect(await verifyCredentials({ email: user.email, password: `wrong-${i}` }, '10.5.0.1')).toBeNull();
    }
    await expect(verifyCredentials({ email: user.email, password: `wrong-again` }, '10.5.0.1')).rejects.toThrow(THROTTLED);
    expect(await verifyCredentials({ email: user.email, password: user.password }, '10.5.0.2')).toMatchObject({ id: user.id });
    // Still refused from the attacker's address.
    await expect(verifyCredentials({ email: user.email, password: user.password }, '10.5.0.1')).rejects.toThrow(THROTTLED);
  });

  it('a right password clears its own address\'s failures', async () => {
    const { prisma } = getDb();
    const user = await createUser(prisma, { role: 'OPS', email: 'typo@example.test' });
    for (let i = 0; i < THROTTLE.perPair - 1; i++) {
      expect(await verifyCredentials({ email: user.email, password: `typo-${i}` }, '10.6.0.1')).toBeNull();
    }
    expect(await verifyCredentials({ email: user.email, password: user.password }, '10.6.0.1')).not.toBeNull();
    for (let i = 0; i < THROTTLE.perPair - 1; i++) {
      expect(await verifyCredentials({ email: user.email, password: `typo-again-${i}` }, '10.6.0.1')).toBeNull();
    }
    expect(await verifyCredentials({ email: user.email, password: user.password }, '10.6.0.1')).not.toBeNull();
  });

  it('the window ends: a throttled pair may try again once its window is over', async () => {
    const { prisma, driver } = getDb();
    const user = await createUser(prisma, { role: 'OPS', email: 'later@example.test' });
    for (let i = 0; i < THROTTLE.perPair; i++) await verifyCredentials({ email: user.email, password: `wrong-${i}` }, '10.7.0.1');
    await expect(verifyCredentials({ email: user.email, password: user.password }, '10.7.0.1')).rejects.toThrow(THROTTLED);
    await driver.query(
      `UPDATE "SignInThrottle" SET "windowStart" = now() - make_interval(mins => $1::int) WHERE "key" LIKE '%later@example.test%'`,
      [THROTTLE.windowMinutes],
    );
    expect(await verifyCredentials({ email: user.email, password: user.password }, '10.7.0.1')).not.toBeNull();
  });

  it('throttles an address that tries many emails, and only that address', async () => {
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
