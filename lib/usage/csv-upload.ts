import 'server-only';
import { revalidatePath } from 'next/cache';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getActor } from '../auth/guard';
import { apiError, payloadTooLarge, readBodyText } from '../http';
import { actionLocale } from '../i18n/server';
import { MAX_CSV_BYTES } from './csv';
import { commitUsageCsv, previewUsageCsv } from './import';

const stepSchema = z.enum(['preview', 'commit'], { error: 'step: must be preview or commit' });

/**
 * A browser on another site may not post here with the user's cookies: the session cookie is
 * SameSite=Lax, a text/csv body needs a CORS preflight no one answers, and a browser's Origin
 * must name this host (as Next checks for server actions).
 */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * POST /api/usage/csv?step=preview|commit: the Usage page's CSV import. A route handler rather
 * than a server action so that the file's size limit is the API's (8 MiB, counted on the bytes
 * read) instead of the 1 MB every server action gets; the body is the file's text. Ops only,
 * checked here (layouts do not guard route handlers). Every answer is JSON the page can show.
 */
export async function handleUsageCsvPost(request: Request): Promise<NextResponse> {
  const locale = await actionLocale();
  const actor = await getActor();
  if (!actor) return apiError(401, 'unauthorized', { key: 'error.session.ended', params: {} }, { locale });
  if (actor.role !== 'OPS') return apiError(403, 'forbidden', { key: 'error.usage.opsOnly', params: {} }, { locale });
  if (!sameOrigin(request)) return apiError(403, 'forbidden', { key: 'error.usage.sameOrigin', params: {} }, { locale });
  const step = stepSchema.safeParse(new URL(request.url).searchParams.get('step'));
  if (!step.success) {
    return apiError(400, 'invalid', { key: 'error.input.invalid', params: { field: 'step', detail: step.error.issues[0]?.message ?? 'preview or commit' } }, { field: 'step', locale });
  }
  const type = request.headers.get('content-type') ?? '';
  if (!/^text\/csv\b/i.test(type)) return apiError(415, 'invalid', { key: 'error.usage.csvType', params: {} }, { field: 'body', locale });
  const csv = await readBodyText(request, MAX_CSV_BYTES);
  if (csv === null) return payloadTooLarge(MAX_CSV_BYTES, 'file', locale);
  if (step.data === 'preview') return NextResponse.json(await previewUsageCsv(csv));
  const result = await commitUsageCsv(actor, csv);
  if (result.ok) revalidatePath('/usage');
  return NextResponse.json(result);
}
