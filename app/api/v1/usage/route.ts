import { instrumentRoute } from '@/lib/observability/request';
import { handleUsagePost } from '@/lib/usage/api';

export const dynamic = 'force-dynamic';

export const POST = instrumentRoute('/api/v1/usage', handleUsagePost);
