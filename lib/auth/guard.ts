import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '../db/client';
import type { Role } from '../generated/prisma/enums';
import { REQUEST_PATH_HEADER, signInPathFor } from './callback-url';
import { authOptions } from './options';

export type Actor = { id: string; email: string; name: string; role: Role; accountId: number | null };

/**
 * The signed-in user, re-read from the database on every request: a deleted user, or a session
 * older than the user's session version (signed out, password, role, account or email changed
 * since), is no one, whatever the session cookie still says. Once per request: the layout and
 * the page both ask (React's `cache` keeps it for one server render).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, accountId: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== session.user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, accountId: user.accountId };
});

/** The page asked for; null outside a request (scripts and tests calling server code directly). */
async function requestedPath(): Promise<string | null> {
  try {
    return (await headers()).get(REQUEST_PATH_HEADER);
  } catch {
    return null;
  }
}

/** Pages and server actions: not signed in -> sign-in page, which returns here after; wrong role -> 403. */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(signInPathFor(await requestedPath()));
  if (!roles.includes(actor.role)) forbidden();
  return actor;
}

/** Ops see every account; an account manager the accounts assigned to them; a customer their own. */
export function accountScope(actor: Actor): { id?: number; managerId?: string } {
  switch (actor.role) {
    case 'OPS':
      return {};
    case 'ACCOUNT_MANAGER':
      return { managerId: actor.id };
    case 'CUSTOMER':
      return { id: actor.accountId ?? -1 };
  }
}

/** An account's manager (null: none), or undefined when there is no such account; read once per server render. */
const accountManager = cache(async (accountId: number): Promise<string | null | undefined> => {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { managerId: true } });
  return account === null ? undefined : account.managerId;
});

export async function canAccessAccount(actor: Actor, accountId: number): Promise<boolean> {
  if (actor.role === 'OPS') return true;
  if (actor.role === 'CUSTOMER') return actor.accountId === accountId;
  return (await accountManager(accountId)) === actor.id;
}

/** 404 when the account does not exist, 403 when it exists but is not the actor's. */
export async function requireAccountAccess(actor: Actor, accountId: number): Promise<void> {
  if ((await accountManager(accountId)) === undefined) notFound();
  if (!(await canAccessAccount(actor, accountId))) forbidden();
}
