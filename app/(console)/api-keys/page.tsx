import { headers } from 'next/headers';
import { ApiKeysPanel } from '@/components/api-keys/api-keys-panel';
import { PageHeader } from '@/components/ui/page-header';
import { listApiKeys } from '@/lib/api-keys/queries';
import { requireRole } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.apiKeys');

export default async function ApiKeysPage() {
  await requireRole('OPS');
  const [{ t }, keys, h] = await Promise.all([getI18n(), listApiKeys(), headers()]);
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return (
    <>
      <PageHeader title={t('apiKeys.title')} description={t('apiKeys.description')} breadcrumbs={[{ label: t('nav.apiKeys') }]} />
      <ApiKeysPanel keys={keys} endpoint={`${proto}://${host}/api/v1/usage`} />
    </>
  );
}
