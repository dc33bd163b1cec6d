/**
 * Interactive transactions of plan operations: they rate an account inside the transaction and
 * may wait for a row lock held by a concurrent request (trial grants), so they get more room than
 * Prisma's defaults (2 s to start, 5 s to run).
 */
export const PLAN_TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;
