import 'server-only';
import bcrypt from 'bcryptjs';
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { db } from '../db/client';
import { driverSql } from '../db/sql';
import type { Role } from '../generated/prisma/enums';
import { safeCallbackPath, SIGN_IN_PATH } from './callback-url';
import { CLIENT_ADDRESS_HEADER } from './client-address';

/**
 * Sign-in throttling (README, "Security"). An attempt's password is checked only when, in the
 * current window, that email from that address, that address over all emails and that email
 * over all addresses are each under their limit; the check and the count are one statement
 * (`sign_in_admit`), so a burst of parallel guesses gets no more checks than the limit. An
 * attacker at one address can use up only their own pair's attempts: the owner of the email
 * signing in from anywhere else is refused only after `perEmail` attempts, which takes
 * `perEmail / perPair` addresses.
 */
export const THROTTLE = { windowMinutes: 15, perPair: 5, perAddress: 20, perEmail: 50 } as const;
export const THROTTLED = 'THROTTLED';

// Compared against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = '$2b$10$eWK0lgWXKZ0YltAhq67CsOJksSz.FHZwuzzZQoS9421VlWMksMg52';

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export type VerifiedUser = { id: string; email: string; name: string; role: Role; accountId: number | null; sessionVersion: number };

function throttleKeys(email: string, address: string): { pair: string; address: string; email: string } {
  return { pair: `pair:${email} ${address}`, address: `address:${address}`, email: `email:${email}` };
}

/** Checks and counts one attempt on every key at once; false when any key is at its limit. */
async function admitAttempt(email: string, address: string): Promise<boolean> {
  const keys = throttleKeys(email, address);
  const [row] = await driverSql()<{ admitted: boolean }>(
    'SELECT sign_in_admit($1::text[], $2::int[], make_interval(mins => $3::int)) AS admitted',
    [[keys.pair, keys.address, keys.email], [THROTTLE.perPair, THROTTLE.perAddress, THROTTLE.perEmail], THROTTLE.windowMinutes],
  );
  return row?.admitted === true;
}

/** A right password clears its pair's failures and gives back the attempt it was counted as. */
async function forgiveAttempt(email: string, address: string): Promise<void> {
  const keys = throttleKeys(email, address);
  await driverSql()(
    `WITH cleared AS (DELETE FROM "SignInThrottle" WHERE "key" = $1)
     UPDATE "SignInThrottle" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ANY ($2::text[])`,
    [keys.pair, [keys.address, keys.email]],
  );
}

/**
 * The user whose email and password these are, or null (the caller cannot tell an unknown email
 * from a wrong password). Throws THROTTLED, without checking the password, when the attempt is
 * over a limit. `address` is the client address the console's server resolved.
 */
export async function verifyCredentials(input: unknown, address: string): Promise<VerifiedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (!(await admitAttempt(email, address))) throw new Error(THROTTLED);
  const user = await db.user.findUnique({ where: { email } });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) return null;
  await forgiveAttempt(email, address);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    accountId: user.accountId,
    sessionVersion: user.sessionVersion,
  };
}

/** Ends every session of the user that this (still current) session belongs to. */
export async function endSessions(userId: string, sessionVersion: number): Promise<void> {
  await db.user.updateMany({ where: { id: userId, sessionVersion }, data: { sessionVersion: { increment: 1 } } });
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      // next-auth hands the App Router's request over as its headers only: the socket's address
      // reaches it through the header the console's server sets (lib/auth/client-address.ts).
      async authorize(credentials, req) {
        const address = headerValue(req?.headers, CLIENT_ADDRESS_HEADER) ?? 'unknown';
        const user = await verifyCredentials(credentials, address);
        return user ? ({ ...user, accountId: user.accountId ?? undefined } satisfies User) : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.accountId = user.accountId ?? null;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub ?? '',
        role: token.role,
        accountId: token.accountId ?? null,
        sessionVersion: token.sessionVersion ?? -1,
      };
      return session;
    },
    // next-auth's default parses the callback URL with `new URL()` unguarded: a malformed one
    // answered 500 with an empty body. Only paths on this console are followed; anything else
    // lands on the console's root.
    redirect({ url, baseUrl }) {
      const path = safeCallbackPath(url, baseUrl);
      return path ? `${baseUrl}${path}` : baseUrl;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sub && typeof token.sessionVersion === 'number') await endSessions(token.sub, token.sessionVersion);
    },
  },
};
