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
