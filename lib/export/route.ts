import 'server-only';
import { getActor, type Actor } from '../auth/guard';
import type { Role } from '../generated/prisma/enums';
import { instrumentRoute, setRequestActor } from '../observability/request';
import type { SearchParams } from '../validation/table';
import { csvResponse, type CsvExport } from './csv-stream';

/**
 * A list's CSV export route: the role checked here (layouts do not guard route handlers), the
 * URL's filters parsed by the list's own schema, the rows streamed.
 */
export function exportRoute<C>(
  route: string,
  roles: readonly Role[],
  build: (actor: Actor, params: SearchParams, url: URL) => CsvExport<C> | Response,
) {
  return instrumentRoute(route, async (request: Request): Promise<Response> => {
    const actor = await getActor();
    if (!actor) return new Response('Sign in first.', { status: 401 });
    setRequestActor(actor.id);
    if (!roles.includes(actor.role)) return new Response('Your role cannot export this list.', { status: 403 });
    const url = new URL(request.url);
    const params: SearchParams = {};
    for (const key of url.searchParams.keys()) params[key] = url.searchParams.getAll(key);
    const spec = build(actor, params, url);
    return spec instanceof Response ? spec : csvResponse(spec);
  });
}
