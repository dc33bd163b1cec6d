import 'server-only';
import bcrypt from 'bcryptjs';
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { db } from '../db/client';
import type { Role } from '../generated/prisma/enums';

// Failed sign-ins are throttled per email and per client address over a sliding window.
export const THROTTLE = { windowMinutes: 15, perEmail: 5, perAddress: 20 } as const;
export const THROTTLED = 'THROTTLED';

// Compared against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = '$2b$10$eWK0lgWXKZ0YltAhq67CsOJksSz.FHZwuzzZQoS9421VlWMksMg52';

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.['x-forwarded-for'];
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined;
  const real = headers?.['x-real-ip'];
  return first || (typeof real === 'string' ? real : '') || 'unknown';
}

export async function verifyCredentials(
  input: unknown,
  address: string,
): Promise<{ id: string; email: string; name: string; role: Role; accountId: number | null } | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
  const [byEmail, byAddress] = await Promise.all([
    db.signInFailure.count({ where: { email, at: { gte: since } } }),
    db.signInFailure.count({ where: { ip: address, at: { gte: since } } }),
  ]);
  if (byEmail >= THROTTLE.perEmail || byAddress >= THROTTLE.perAddress) throw new Error(THROTTLED);
  const user = await db.user.findUnique({ where: { email } });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    await db.signInFailure.create({ data: { email, ip: address } });
    return null;
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role, accountId: user.accountId };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/signin', error: '/signin' },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const user = await verifyCredentials(credentials, clientAddress(req?.headers));
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
      }
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.sub ?? '', role: token.role, accountId: token.accountId ?? null };
      return session;
    },
  },
};
