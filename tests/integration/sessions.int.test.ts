import bcrypt from 'bcryptjs';
import { describe, expect, it, vi } from 'vitest';
import { getActor } from '../../lib/auth/guard';
import { authOptions, verifyCredentials, type VerifiedUser } from '../../lib/auth/options';
import { createAccount, createUser } from '../../prisma/seed/factories';
import { useTestDatabase } from './db';

// The guard reads the session through next-auth; the test holds the session a browser would.
const browser = vi.hoisted(() => ({ session: null as { user: { id: string; sessionVersion: number } } | null }));
vi.mock('next-auth', () => ({ getServerSession: async () => browser.session }));

const getDb = useTestDatabase();

/** Signs in as a browser would: the session token carries what authorize returned. */
async function signIn(email: string, password: string, address = '10.20.0.1'): Promise<{ id: string; sessionVersion: number }> {
  const user = (await verifyCredentials({ email, password }, address)) as VerifiedUser;
  expect(user).not.toBeNull();
  return { id: user.id, sessionVersion: user.sessionVersion };
}

async function actorFor(session: { id: string; sessionVersion: number }) {
  browser.session = { user: session };
  return getActor();
}

describe('sessions end for real', () => {
  it('signing out ends every session of that user, on every device', async () => {
    const { prisma } = getDb();
    const user = await createUser(prisma, { role: 'OPS', email: 'signout@example.test' });
    const laptop = await signIn(user.email, user.password);
    const phone = await signIn(user.email, user.password, '10.20.0.2');
    expect(await actorFor(laptop)).toMatchObject({ id: user.id, role: 'OPS' });
    expect(await actorFor(phone)).toMatchObject({ id: user.id });

    // next-auth calls the signOut event with the signing-out browser's decoded token.
    await authOptions.events!.signOut!({ token: { sub: laptop.id, sessionVersion: laptop.sessionVersion, role: 'OPS', accountId: null }, session: null as never });
    expect(await actorFor(laptop)).toBeNull();
    expect(await actorFor(phone)).toBeNull();
    // A stale token signing out again ends nothing new: a fresh sign-in stays valid.
    const fresh = await signIn(user.email, user.password);
    await authOptions.events!.signOut!({ token: { sub: phone.id, sessionVersion: phone.sessionVersion, role: 'OPS', accountId: null }, session: null as never });
    expect(await actorFor(fresh)).toMatchObject({ id: user.id });
  });

  it('a password change ends every session, whoever makes it', async () => {
    const { prisma } = getDb();
    const user = await createUser(prisma, { role: 'OPS', email: 'password@example.test' });
    const session = await signIn(user.email, user.password);
    expect(await actorFor(session)).not.toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await bcrypt.hash('a-new-password-2026', 4) } });
    expect(await actorFor(session)).toBeNull();
    expect(await actorFor(await signIn(user.email, 'a-new-password-2026'))).toMatchObject({ id: user.id });
  });

  it('a role change or a customer moved to another account ends every session', async () => {
    const { prisma, driver } = getDb();
    const manager = await createUser(prisma, { role: 'ACCOUNT_MANAGER', email: 'demoted@example.test' });
    const session = await signIn(manager.email, manager.password);
    expect(await actorFor(session)).toMatchObject({ role: 'ACCOUNT_MANAGER' });
    // By hand in SQL too: the trigger bumps the version, not the application.
    await driver.query(`UPDATE "User" SET "role" = 'OPS' WHERE "id" = $1`, [manager.id]);
    expect(await actorFor(session)).toBeNull();

    const customer = await createUser(prisma, { role: 'CUSTOMER', email: 'moved@example.test' });
    const customerSession = await signIn(customer.email, customer.password);
    expect(await actorFor(customerSession)).toMatchObject({ role: 'CUSTOMER', accountId: customer.accountId });
    const other = await createAccount(prisma, { scheme: 'CURRENT' });
    await prisma.user.update({ where: { id: customer.id }, data: { accountId: other.id } });
    expect(await actorFor(customerSession)).toBeNull();
  });

  it('a change that vouches for nothing (the display name) keeps the sessions', async () => {
    const { prisma } = getDb();
    const user = await createUser(prisma, { role: 'OPS', email: 'renamed@example.test' });
    const session = await signIn(user.email, user.password);
    await prisma.user.update({ where: { id: user.id }, data: { name: 'Renamed' } });
    expect(await actorFor(session)).toMatchObject({ name: 'Renamed' });
  });

  it('a token from before session versions (none in it) is no session', async () => {
    const { prisma } = getDb();
    const user = await createUser(prisma, { role: 'OPS' });
    const session = authOptions.callbacks!.session!({
      session: { user: {}, expires: '' },
      token: { sub: user.id, role: 'OPS', accountId: null },
    } as never) as { user: { id: string; sessionVersion: number } };
    browser.session = session;
    expect(await getActor()).toBeNull();
  });
});
