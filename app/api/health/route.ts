import { NextResponse } from 'next/server';
import { instrumentRoute } from '@/lib/observability/request';

export const dynamic = 'force-dynamic';

/** Liveness: the process answers. No database, no authentication, no data. */
export const GET = instrumentRoute('/api/health', async () => NextResponse.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } }));
