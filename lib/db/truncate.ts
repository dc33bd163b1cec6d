import type { Driver } from './driver';

/**
 * The transaction-local setting under which the money tables accept TRUNCATE (their statement
 * trigger `refuse_truncate`, migration 20261208100000_security, reads it by this name).
 */
export const TRUNCATE_SETTING = 'im_billing.allow_truncate';

/**
 * Empties the given tables on purpose (the seed's --reset, a benchmark's own database). The
 * setting and the TRUNCATE travel as one simple query, which PostgreSQL runs as one implicit
 * transaction: the setting ends with it and never leaks into the pooled connection.
 */
export async function truncateTables(driver: Driver, tables: string[], options: { cascade?: boolean } = {}): Promise<void> {
  if (tables.length === 0) return;
  const list = tables.map((t) => `"${t.replace(/"/g, '""')}"`).join(', ');
  await driver.exec(
    `SELECT set_config('${TRUNCATE_SETTING}', 'on', true); TRUNCATE ${list} RESTART IDENTITY${options.cascade ? ' CASCADE' : ''}`,
  );
}
