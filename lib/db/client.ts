import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client';
import { driverOptionsFromEnv, openDriver, type Driver, type OpenDriverOptions } from './driver';

/** `onClose`: what must stop before the connection closes (the job system's workers). */
export type Database = { prisma: PrismaClient; driver: Driver; onClose?: (() => Promise<void>)[] };

export function connect(options: OpenDriverOptions): Database {
  const driver = openDriver(options);
  const adapter = driver.kind === 'postgres' ? new PrismaPg(driver.pool) : new PrismaPGlite(driver.pglite);
  return { prisma: new PrismaClient({ adapter }), driver };
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

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const prisma = getDatabase().prisma;
    const value = Reflect.get(prisma, property, prisma);
    return typeof value === 'function' ? value.bind(prisma) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
