import { NextResponse } from 'next/server';
import { instrumentRoute } from '@/lib/observability/request';
import { buildUsageOpenApi } from '@/lib/usage/openapi';

export const dynamic = 'force-dynamic';

/** The usage API's OpenAPI 3.1 document, public like any API description (it holds no data). */
export const GET = instrumentRoute('/api/v1/openapi.json', async (request: Request) =>
  NextResponse.json(buildUsageOpenApi(new URL(request.url).origin)),
);
