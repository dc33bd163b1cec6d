import { handleUsagePost } from '@/lib/usage/api';

export const dynamic = 'force-dynamic';

export const POST = handleUsagePost;
