import { handleUsageCsvPost } from '@/lib/usage/csv-upload';

export const dynamic = 'force-dynamic';

export const POST = handleUsageCsvPost;
