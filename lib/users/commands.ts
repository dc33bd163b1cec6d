import 'server-only';
import bcrypt from 'bcryptjs';
import { writeAudit, type AuditActor } from '../db/audit';
import type { Tx } from '../db/client';
import { DomainError } from '../errors';
import type { Role } from '../generated/prisma/enums';
import type { CreateUserInput } from './schemas';

const BCRYPT_ROUNDS = 12;

export type CreatedUser = { id: string; email: string; name: string; role: Role; accountId: number | null };

/** A user to create, its password already hashed (the password itself is never stored or logged). */
export type NewUser = Omit<CreateUserInput, 'password'> & { passwordHash: string };

/** Hashes before any transaction opens: bcrypt takes a good part of a second on purpose. */
export async function hashNewUser({ password, ...rest }: CreateUserInput): Promise<NewUser> {
  return { ...rest, passwordHash: await bcrypt.hash(password, BCRYPT_ROUNDS) };
}

export async function createConsoleUser(tx: Tx, actor: AuditActor, input: NewUser): Promise<CreatedUser> {
  if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new DomainError('conflict', `Email ${input.email} already belongs to a user`, { field: 'email' });
  }
  if (input.accountId !== undefined && !(await tx.account.findUnique({ where: { id: input.accountId }, select: { id: true } }))) {
    throw new DomainError('not_found', `Account ${input.accountId} does not exist`, { field: 'accountId' });
  }
  const user = await tx.user.create({
    data: {
      email: input.email,
      name: input.name ?? input.email.split('@')[0] ?? input.email,
      passwordHash: input.passwordHash,
      role: input.role,
      accountId: input.accountId ?? null,
    },
    select: { id: true, email: true, name: true, role: true, accountId: true },
  });
  await writeAudit(tx, actor, {
    action: 'user.create',
    entityType: 'User',
    entityId: user.id,
    accountId: user.accountId,
    after: { email: user.email, name: user.name, role: user.role, accountId: user.accountId },
  });
  return user;
}
