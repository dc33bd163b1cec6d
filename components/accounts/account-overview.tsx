import type { AccountDetail } from '@/lib/accounts/queries';
import { formatDateTime } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { Badge } from '../ui/badge';
import { Card, DescriptionList } from '../ui/card';

/** A customer sees that a manager is assigned, never who (DOMAIN.md 1: no staff names or emails). */
export async function AccountOverview({ account, viewer = 'STAFF' }: { account: AccountDetail; viewer?: 'STAFF' | 'CUSTOMER' }) {
  const { t, locale } = await getI18n();
  return (
    <Card>
      <DescriptionList
        items={[
          { term: t('accounts.col.id'), value: <span className="font-mono">{account.id}</span> },
          {
            term: t('account.scheme'),
            value: <Badge tone={account.scheme === 'LEGACY' ? 'amber' : 'blue'}>{t(`scheme.${account.scheme}`)}</Badge>,
          },
          { term: t('account.currency'), value: account.currency },
          ...(account.currentFrom ? [{ term: t('account.currentFrom'), value: account.currentFrom }] : []),
          { term: t('account.manager'), value: account.manager ? (viewer === 'CUSTOMER' ? t('portal.manager.assigned') : `${account.manager.name} (${account.manager.email})`) : t('account.unmanaged') },
          { term: t('account.contact'), value: account.contactEmail },
          { term: t('account.created'), value: formatDateTime(account.createdAt, locale) },
        ]}
      />
    </Card>
  );
}
