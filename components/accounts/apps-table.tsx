import Link from 'next/link';
import type { AppView } from '@/lib/accounts/apps';
import { EDITIONS } from '@/lib/billing/catalog';
import { formatDateTime } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { EditionBadge } from './edition-label';

/** An account's apps; `hrefFor` points each row at the console's or the portal's app page. */
export async function AppsTable({ apps, hrefFor }: { apps: AppView[]; hrefFor: (sdkAppId: string) => string }) {
  const { t, locale } = await getI18n();
  if (apps.length === 0) return <EmptyState title={t('account.noApps')} />;
  return (
    <Table aria-label={t('account.apps')}>
      <THead>
        <tr>
          <TH>{t('app.col.sdkAppId')}</TH>
          <TH>{t('app.col.name')}</TH>
          <TH>{t('app.col.dataCenter')}</TH>
          <TH>{t('app.col.edition')}</TH>
          <TH>{t('app.col.created')}</TH>
        </tr>
      </THead>
      <TBody>
        {apps.map((app) => (
          <TR key={app.sdkAppId}>
            <TD>
              <Link href={hrefFor(app.sdkAppId)} className="font-mono text-sky-800 hover:underline">
                {app.sdkAppId}
              </Link>
            </TD>
            <TD>{app.name}</TD>
            <TD>{t(`dc.${app.dataCenter}` as never)}</TD>
            <TD>
              <span className="flex flex-wrap items-center gap-1">
                <EditionBadge edition={app.state.edition} />
                {app.state.pendingDowngrade ? (
                  <Badge tone="amber">
                    {t('app.pendingDowngrade', {
                      edition: EDITIONS[app.state.pendingDowngrade.edition].nameEn,
                      date: app.state.pendingDowngrade.effectiveOn,
                    })}
                  </Badge>
                ) : null}
              </span>
            </TD>
            <TD className="tabular-nums">{formatDateTime(app.createdAt, locale)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
