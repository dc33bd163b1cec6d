import { AccountsTable } from '@/components/accounts/accounts-table';
import { PageHeader } from '@/components/ui/page-header';
import { listAccounts } from '@/lib/accounts/queries';
import { parseAccountsSearch } from '@/lib/accounts/schemas';
import { requireRole } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';
import type { SearchParams } from '@/lib/validation/table';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.accounts');

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  const search = parseAccountsSearch(await searchParams);
  const [{ t }, page] = await Promise.all([getI18n(), listAccounts(actor, search)]);
  return (
    <>
      <PageHeader title={t('accounts.title')} description={t('accounts.description')} />
      <AccountsTable rows={page.rows} pageCount={page.pageCount} rowCount={page.rowCount} />
    </>
  );
}
