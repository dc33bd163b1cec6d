import { NextResponse } from 'next/server';
import { instrumentRoute } from '@/lib/observability/request';
import { checkReadiness } from '@/lib/ops/readiness';

export const dynamic = 'force-dynamic';

/** Readiness: database reachable, migrations applied, a worker seen recently (when workers exist). Statuses only. */
export const GET = instrumentRoute('/api/ready', async () => {
  const report = await checkReadiness();
  return NextResponse.json(report, { status: report.status === 'ready' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
});
