import { parseArgs } from 'node:util';
import { disconnect, getDatabase, setDatabase } from '../db/client';
import { DomainError } from '../errors';
import { runBillingMonth, type BillingRunSummary } from './commands';

export const RUN_USAGE = 'billing run --month YYYY-MM';

/** The shell's actor: no user, a label in the audit log. */
export const CLI_ACTOR = { id: null, label: 'system:cli' } as const;

/**
 * `npm run -s billing -- run --month 2026-10`: the console's billing run from a shell, against
 * DATABASE_URL (else the embedded database). Returns the run's summary as JSON; throws an Error
 * whose message is the one line to print.
 */
export async function runFromCli(args: readonly string[]): Promise<{ summary: BillingRunSummary; json: string }> {
  let month: string | undefined;
  try {
    ({ values: { month } } = parseArgs({ args: [...args], options: { month: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new Error(`${(error as Error).message} (${RUN_USAGE})`);
  }
  if (!month) throw new Error(`run needs --month YYYY-MM (${RUN_USAGE})`);
  const database = getDatabase();
  try {
    const summary = await runBillingMonth(month, CLI_ACTOR);
    return { summary, json: `${JSON.stringify(summary, null, 2)}\n` };
  } catch (error) {
    if (error instanceof DomainError) throw new Error(error.message);
    throw error;
  } finally {
    setDatabase(undefined);
    await disconnect(database).catch(() => undefined);
  }
}
