import { notFound } from 'next/navigation';
import { PreviewFiguresView } from '@/components/migrations/preview-figures';
import { TicketStatusBadge } from '@/components/migrations/ticket-status-badge';
import { MigrationRequestForm } from '@/components/portal/migration-request-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getAccount } from '@/lib/accounts/queries';
import { requireRole } from '@/lib/auth/guard';
import { formatDateTime } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { listCustomerTickets } from '@/lib/self-service/queries';
import { whoFor } from '@/lib/self-service/who';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.portalMigration');

/** The customer's migration requests: ask, follow the status, read the manager's preview. */
export default async function PortalMigrationPage() {
  const actor = await requireRole('CUSTOMER');
  if (actor.accountId === null) notFound();
  const [{ t, locale }, account, tickets] = await Promise.all([getI18n(), getAccount(actor.accountId), listCustomerTickets(actor.accountId)]);
  if (!account) notFound();
  const canAsk = account.scheme === 'LEGACY' && !tickets.some((x) => x.status !== 'REJECTED');
  return (
    <>
      <PageHeader
        title={t('migration.portal.title')}
        description={t('migration.portal.description')}
        breadcrumbs={[{ label: t('nav.home'), href: '/portal' }, { label: t('nav.migration') }]}
      />
      <div className="flex flex-col gap-4">
        {account.scheme === 'CURRENT' && tickets.length === 0 ? <p className="text-sm text-slate-600">{t('migration.portal.current')}</p> : null}
        {canAsk ? (
          <Card title={t('migration.portal.wish')}>
            <MigrationRequestForm accountId={actor.accountId} />
          </Card>
        ) : null}
        {tickets.length === 0 ? (
          account.scheme === 'LEGACY' ? <p className="text-sm text-slate-500">{t('migration.portal.none')}</p> : null
        ) : (
          <section aria-labelledby="migration-requests" className="flex flex-col gap-4">
            <h2 id="migration-requests" className="text-sm font-semibold text-slate-700">
              {t('migration.portal.requests')}
            </h2>
            {tickets.map((ticket) => (
              <Card
                key={ticket.id}
                title={t('migration.portal.request', { id: ticket.id })}
                actions={<TicketStatusBadge status={ticket.status} label={t(`migrations.status.${ticket.status}`)} />}
              >
                <div className="flex flex-col gap-2 text-sm text-slate-700" data-testid="customer-ticket">
                  <p>
                    {ticket.status === 'EXECUTED'
                      ? t('migration.portal.statusText.EXECUTED', { date: ticket.effectiveOn ?? '' })
                      : ticket.status === 'REJECTED'
                        ? t('migration.portal.statusText.REJECTED', { reason: ticket.rejectedReason ?? '' })
                        : t(`migration.portal.statusText.${ticket.status}`)}
                  </p>
                  {ticket.wish ? <blockquote className="border-l-2 border-slate-200 pl-3 whitespace-pre-line text-slate-600">{ticket.wish}</blockquote> : null}
                  <p className="text-xs text-slate-500">
                    {t('migration.portal.sentBy', {
                      who: ticket.createdBy ? whoFor(actor, ticket.createdBy, t) : t('portal.who.manager'),
                      date: formatDateTime(ticket.createdAt, locale),
                    })}
                  </p>
                </div>
              </Card>
            ))}
            {tickets
              .filter((ticket) => ticket.figures)
              .map((ticket) => (
                <PreviewFiguresView key={`figures-${ticket.id}`} figures={ticket.figures!} title={t('migration.portal.preview')} />
              ))}
          </section>
        )}
      </div>
    </>
  );
}
