import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getActor } from '@/lib/auth/guard';
import { apiError } from '@/lib/http';
import { instrumentRoute, setRequestActor } from '@/lib/observability/request';
import { searchEverything } from '@/lib/search/queries';

export const dynamic = 'force-dynamic';

const querySchema = z.object({ q: z.string().trim().max(100, { error: 'q: at most 100 characters' }) });

/** GET /api/search?q=: the command palette's results, within the signed-in user's scope. */
export const GET = instrumentRoute('/api/search', async (request: Request) => {
  const actor = await getActor();
  if (!actor) return apiError(401, 'unauthorized', 'Sign in to search');
  setRequestActor(actor.id);
  const parsed = querySchema.safeParse({ q: new URL(request.url).searchParams.get('q') ?? '' });
  if (!parsed.success) return apiError(400, 'invalid', parsed.error.issues[0]?.message ?? 'q: invalid', { field: 'q' });
  const hits = await searchEverything(actor, parsed.data.q);
  return NextResponse.json({ hits }, { headers: { 'cache-control': 'no-store' } });
});
