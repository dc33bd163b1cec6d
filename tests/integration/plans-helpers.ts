import { SHIPPED_PRICE_BOOKS } from '../../lib/billing/catalog';
import type { Actor } from '../../lib/auth/guard';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createAccount, createUser } from '../../prisma/seed/factories';

/** Shared by the plans, trials, features, price-books and audit integration tests (issue 6). */

export async function insertShippedPriceBooks(prisma: PrismaClient): Promise<void> {
  if ((await prisma.priceBook.count()) > 0) return;
  for (const book of SHIPPED_PRICE_BOOKS) {
    await prisma.priceBook.create({
      data: {
        scheme: book.scheme,
        currency: book.currency,
        version: book.version,
        effectiveFrom: new Date(`${book.effectiveFrom}T00:00:00Z`),
        source: book.source,
        prices: { create: Object.entries(book.prices).map(([key, amount]) => ({ key, amount: amount! })) },
      },
    });
  }
}

export function actorOf(user: { id: string; email: string; name: string; role: Actor['role']; accountId: number | null }): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role, accountId: user.accountId };
}

/** An ops user, an account manager and a customer (of a throwaway account). */
export async function staff(prisma: PrismaClient): Promise<{ ops: Actor; manager: Actor; customer: Actor }> {
  const ops = actorOf(await createUser(prisma, { role: 'OPS' }));
  const manager = actorOf(await createUser(prisma, { role: 'ACCOUNT_MANAGER' }));
  const account = await createAccount(prisma, { scheme: 'CURRENT' });
  const customer = actorOf(await createUser(prisma, { role: 'CUSTOMER', accountId: account.id }));
  return { ops, manager, customer };
}
