import Link from 'next/link';
import { OpenTicketForm } from '@/components/migrations/open-ticket-form';
import { Card } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form';
import { PageHeader } from '@/components/ui/page-header';
import { accountIdSchema } from '@/lib/accounts/schemas';
import { requireAccountAccess, requireRole } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';
import { getTicketAccount } from '@/lib/migrations/queries';
import { first, type SearchParams } from '@/lib/validation/table';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.migrationNew');

export default async function NewTicketPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  const { t } = await getI18n();
  const parsed = accountIdSchema.safeParse(first((await searchParams).accountId));
  let body: React.ReactNode = <OpenTicketForm account={null} />;
  const crumbs = [{ label: t('nav.migrations'), href: '/migrations' }, { label: t('migrations.newTitle') }];
  if (parsed.success) {
    await requireAccountAccess(actor, parsed.data);
    const account = await getTicketAccount(parsed.data);
    if (account) {
      crumbs.splice(1, 0, { label: account.name, href: `/accounts/${account.id}` });
      if (account.scheme !== 'LEGACY' || account.migrated) {
        body = <FormMessage>{t('migrations.accountNotLegacy', { id: account.id })}</FormMessage>;
      } else if (account.activeTicketId !== null) {
        body = (
          <FormMessage>
            {t('migrations.accountHasTicket', { id: account.id })}{' '}
            <Link href={`/migrations/${account.activeTicketId}`} className="font-medium underline">
              #{account.activeTicketId}
            </Link>
          </FormMessage>
        );
      } else {
        body = <OpenTicketForm account={{ id: account.id, name: account.name }} />;
      }
    }
  }
  return (
    <>
      <PageHeader title={t('migrations.newTitle')} description={t('migrations.newDescription')} breadcrumbs={crumbs} />
      <Card>{body}</Card>
    </>
  );
}
