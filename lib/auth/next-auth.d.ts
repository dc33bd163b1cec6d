import type { Role } from '../generated/prisma/enums';

declare module 'next-auth' {
  interface User {
    role: Role;
    accountId?: number;
    sessionVersion: number;
  }
  interface Session {
    user: {
      id: string;
      name?: string | null;
      email?: string | null;
      role: Role;
      accountId: number | null;
      /** The user's session version when this session began; behind the user's → signed out. */
      sessionVersion: number;
    };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role: Role;
    accountId: number | null;
    sessionVersion?: number;
  }
}
