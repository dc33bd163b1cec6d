import type { Role } from '../generated/prisma/enums';

declare module 'next-auth' {
  interface User {
    role: Role;
    accountId?: number;
  }
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; role: Role; accountId: number | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role: Role;
    accountId: number | null;
  }
}
