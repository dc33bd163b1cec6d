import Link from 'next/link';
import type { Actor } from '@/lib/auth/guard';
import { addDays } from '@/lib/billing';
import { today } from '@/lib/clock';
import { getI18n } from '@/lib/i18n/server';
import type { AccountMigrationStatus } from '@/lib/migrations/queries';
import { LinkButton } from '../ui/button';
import { Card } from '../ui/card';
import { TicketStatusBadge } from './ticket-status-badge';

/**
 * The account's migration status. Customers see only whether a migration is in preparation,
 * scheduled or done and from when (never a ticket); ops and the account's manager see the
 * ticket, or can open one for a LEGACY account.
 */
export async function AccountMigrationCard({ accountId, actor, status }: { accountId: number; actor: Actor; status: AccountMigrationStatus | null }) {
  if (!status) return null;
  const { t } = await getI18n();
  const day = today();
  const executed = status.executed;

  if (actor.role === 'CUSTOMER') {
    if (executed) {
      const text =
        executed.effectiveOn > day
          ? t('migrations.customer.scheduled', { date: executed.effectiveOn, eve: addDays(executed.effectiveOn, -1) })
          : t('migrations.customer.done', { date: executed.effectiveOn });
      return (
        <Card title={t('migrations.card.title')}>
          <p className="text-sm text-slate-700" data-testid="migration-status">
            {text}
          </p>
        </Card>
      );
    }
    if (status.scheme === 'CURRENT' && !status.active) return null;
    return (
      <Card title={t('migrations.card.title')}>
        <div className="flex flex-col gap-2 text-sm text-slate-700" data-testid="migration-status">
          <p>{status.active ? t('migrations.customer.inProgress') : t('migration.portal.description')}</p>
          <div>
            <LinkButton href="/portal/migration" size="sm" variant={status.active ? 'secondary' : 'primary'}>
              {t('migration.portal.title')}
            </LinkButton>
          </div>
        </div>
      </Card>
    );
  }

  if (!executed && status.scheme === 'CURRENT') return null;
  return (
    <Card title={t('migrations.card.title')}>
      <div className="flex flex-col gap-3 text-sm text-slate-700" data-testid="migration-status">
        {executed ? (
          <p>
            {executed.effectiveOn > day
              ? t('migrations.card.scheduled', { executedOn: executed.executedOn, date: executed.effectiveOn })
              : t('migrations.card.done', { date: executed.effectiveOn })}{' '}
            <Link href={`/migrations/${executed.id}`} className="text-sky-800 hover:underline">
              {t('migrations.card.view', { id: executed.id })}
            </Link>
          </p>
        ) : status.active ? (
          <>
            <p className="text-slate-600">{t('migrations.card.legacy')}</p>
            <p className="flex flex-wrap items-center gap-2">
              <TicketStatusBadge status={status.active.status} label={t(`migrations.status.${status.active.status}`)} />
              {t('migrations.card.active', {
                id: status.active.id,
                status: t(`migrations.status.${status.active.status}`),
                ref: status.active.requestRef,
              })}
            </p>
            <div>
              <LinkButton href={`/migrations/${status.active.id}`} size="sm" variant="primary">
                {t('migrations.card.view', { id: status.active.id })}
              </LinkButton>
            </div>
          </>
        ) : (
          <>
            <p className="text-slate-600">{t('migrations.card.legacy')}</p>
            <div>
              <LinkButton href={`/migrations/new?accountId=${accountId}`} size="sm" variant="primary">
                {t('migrations.card.open')}
              </LinkButton>
            </div>
          </>
        )}
        {status.rejected.length > 0 ? (
          <p className="text-xs text-slate-500">
            {t('migrations.card.rejected', { tickets: '' })}
            {status.rejected.map((r, i) => (
              <span key={r.id}>
                {i > 0 ? ', ' : ''}
                <Link href={`/migrations/${r.id}`} className="hover:underline">
                  #{r.id}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
