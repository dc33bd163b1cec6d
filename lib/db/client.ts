import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client';
import { driverOptionsFromEnv, openDriver, type Driver, type OpenDriverOptions } from './driver';

/** `onClose`: what must stop before the connection closes (the job system's workers). */
export type Database = { prisma: PrismaClient; driver: Driver; onClose?: (() => Promise<void>)[] };

/**
 * Which transaction the current async context is inside. Driver SQL inside a Prisma interactive
 * transaction (or Prisma inside a driver transaction) would, on PGlite's single connection, wait
 * for the transaction it runs in and never return; on PostgreSQL it would run on another
 * connection, outside the transaction. Both are refused with an error, never left to hang.
 */
type TransactionScope = 'prisma' | 'driver';
const transactionScope = new AsyncLocalStorage<TransactionScope>();

export class TransactionNestingError extends Error {
  constructor(what: string, inside: TransactionScope) {
    super(
      inside === 'prisma'
        ? `${what} inside a Prisma interactive transaction is refused: on PGlite it would wait for that transaction forever. Use prismaSql(tx) for SQL in a Prisma transaction, or run the driver transaction outside it.`
        : `${what} inside a driver transaction is refused: on PGlite it would wait for that transaction forever. Use the sql the transaction gives you.`,
    );
    this.name = 'TransactionNestingError';
  }
}

/** Throws when the caller is inside any transaction (driver SQL takes its own connection). */
export function refuseInsideTransaction(what: string): void {
  const inside = transactionScope.getStore();
  if (inside) throw new TransactionNestingError(what, inside);
}

/** Runs `fn` marked as inside a driver transaction. */
export function inDriverTransaction<T>(fn: () => Promise<T>): Promise<T> {
  return transactionScope.run('driver', fn);
}

/** The client's interactive transactions mark their callback's async context (see transactionScope). */
function markInteractiveTransactions(prisma: PrismaClient): PrismaClient {
  const original = prisma.$transaction.bind(prisma) as (arg: unknown, options?: unknown) => Promise<unknown>;
  const $transaction = (arg: unknown, options?: unknown) => {
    if (typeof arg !== 'function') return original(arg, options);
    const inside = transactionScope.getStore();
    if (inside === 'driver') return Promise.reject(new TransactionNestingError('A Prisma transaction', inside));
    const fn = arg as (tx: unknown) => Promise<unknown>;
    return original((tx: unknown) => transactionScope.run('prisma', () => fn(tx)), options);
  };
  Object.defineProperty(prisma, '$transaction', { value: $transaction, configurable: true, writable: true });
  return prisma;
}

export function connect(options: OpenDriverOptions): Database {
  const driver = openDriver(options);
  const adapter = driver.kind === 'postgres' ? new PrismaPg(driver.pool) : new PrismaPGlite(driver.pglite);
  return { prisma: markInteractiveTransactions(new PrismaClient({ adapter })), driver };
}

export async function disconnect(db: Database): Promise<void> {
  for (const close of db.onClose?.splice(0) ?? []) await close();
  await db.prisma.$disconnect();
  await db.driver.close();
}

// One database per process: Next.js bundles route handlers, pages and actions separately, and
// two PGlite instances on one directory would corrupt it, so the instance lives on globalThis.
const globalForDb = globalThis as unknown as { __imBillingDb?: Database };

export function getDatabase(): Database {
  globalForDb.__imBillingDb ??= connect(driverOptionsFromEnv());
  return globalForDb.__imBillingDb;
}

/** Tests and scripts that manage their own database install it here before using the app's code. */
export function setDatabase(db: Database | undefined): void {
  globalForDb.__imBillingDb = db;
}

/** The app's Prisma client; refused inside a driver transaction (see transactionScope). */
export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    if (transactionScope.getStore() === 'driver') throw new TransactionNestingError(`db.${String(property)}`, 'driver');
    const prisma = getDatabase().prisma;
    const value = Reflect.get(prisma, property, prisma);
    return typeof value === 'function' ? value.bind(prisma) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
