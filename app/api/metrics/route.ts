import { handleMetricsGet } from '@/lib/observability/metrics-route';

export const dynamic = 'force-dynamic';

export const GET = handleMetricsGet;
