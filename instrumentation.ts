import type { Instrumentation } from 'next';

/**
 * Server errors Next.js catches (pages, actions, route handlers) go to the JSON log with the
 * route's file path. Headers are left out: they carry the session cookie and API keys.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getLogger } = await import('./lib/observability/logger');
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? String(error.digest) : undefined;
  getLogger().error(
    { err: error, digest, method: request.method, path: request.path.split('?')[0], routePath: context.routePath, routeType: context.routeType },
    'request error',
  );
};
/**
 * Runs once when the server starts: one job worker inside the web server (billing-run shards,
 * the calendar's ticks, re-ratings) unless WORKERS=0, so `npm start` on the embedded database
 * is a whole console with one command. More workers: `npm run worker` on any machine.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.WORKERS === '0') return;
  const { getDatabase } = await import('./lib/db/client');
  const { startWorker } = await import('./lib/jobs/worker');
  try {
    await startWorker(getDatabase());
    console.log('[jobs] a worker runs in this server (WORKERS=0 turns it off)');
  } catch (error) {
    console.error(`[jobs] the worker did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
