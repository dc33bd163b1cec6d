import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { getLogger } from './logger';
import { recordHttpRequest } from './metrics';

type RequestContext = { requestId: string; actorId: string | null; log: Logger };

const storage = new AsyncLocalStorage<RequestContext>();

/** A client's own request id is kept when it looks like one (so its logs and ours join up). */
function requestIdOf(request: Request): string {
  const given = request.headers.get('x-request-id');
  return given && /^[\w.:-]{8,128}$/.test(given) ? given : randomUUID();
}

/** The current request's logger (with its request id and actor id), or the process logger outside one. */
export function requestLog(): Logger {
  return storage.getStore()?.log ?? getLogger();
}

/** Names who acts in this request once it is known (a session user's id, an API key's id). */
export function setRequestActor(actorId: string): void {
  const context = storage.getStore();
  if (!context) return;
  context.actorId = actorId;
  context.log = context.log.child({ actorId });
}

/**
 * Wraps a route handler: a request id (echoed as `x-request-id`), one JSON log line per request
 * with its status and duration, and the latency histogram labelled with the route's template
 * (`/api/v1/usage`, never the concrete URL, so the metric's label set stays small).
 */
export function instrumentRoute<Args extends unknown[]>(
  route: string,
  handler: (request: Request, ...rest: Args) => Promise<Response>,
): (request: Request, ...rest: Args) => Promise<Response> {
  return async (request, ...rest) => {
    const requestId = requestIdOf(request);
    const context: RequestContext = { requestId, actorId: null, log: getLogger().child({ requestId, route, method: request.method }) };
    const started = performance.now();
    return storage.run(context, async () => {
      let status = 500;
      try {
        const response = await handler(request, ...rest);
        status = response.status;
        try {
          response.headers.set('x-request-id', requestId);
        } catch {
          // Some responses (e.g. a redirect's) have immutable headers; the id is in the log.
        }
        return response;
      } catch (error) {
        context.log.error({ err: error }, 'request failed');
        throw error;
      } finally {
        const seconds = (performance.now() - started) / 1000;
        recordHttpRequest({ method: request.method, route, status }, seconds);
        context.log.info({ status, durationMs: Math.round(seconds * 1000) }, 'request');
      }
    });
  };
}
