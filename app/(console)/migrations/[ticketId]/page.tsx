import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ExecuteDialog } from '@/components/migrations/execute-dialog';
import { PreviewFiguresView } from '@/components/migrations/preview-figures';
import { PreviewDraftProvider, PreviewFiguresFrame, PreviewFreshness } from '@/components/migrations/preview-draft';
import { PreviewForm } from '@/components/migrations/preview-form';
import { RejectDialog } from '@/components/migrations/reject-dialog';
import { TicketStatusBadge } from '@/components/migrations/ticket-status-badge';
import { Badge } from '@/components/ui/badge';
import { Card, DescriptionList } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form';
import { PageHeader } from '@/components/ui/page-header';
import { requireAccountAccess, requireRole } from '@/lib/auth/guard';
import { today } from '@/lib/clock';
import { formatDateTime } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { getPreviewChoices, getPreviewFreshness, getTicket } from '@/lib/migrations/queries';
import { migrationDates } from '@/lib/migrations/rerate';
import { ticketIdSchema } from '@/lib/migrations/schemas';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.migration');

export default async function TicketPage({ params }: { params: Promise<{ ticketId: string }> }) {
  const actor = await requireRole('OPS', 'ACCOUNT_MANAGER');
  const parsed = ticketIdSchema.safeParse((await params).ticketId);
  if (!parsed.success) notFound();
  const ticket = await getTicket(parsed.data);
  if (!ticket) notFound();
  // 403 for a ticket of an account the manager does not manage: never its data.
  await requireAccountAccess(actor, ticket.account.id);

  const day = today();
  const { effectiveOn, lastLegacyDay } = migrationDates(day);
  const active = ticket.status === 'OPEN' || ticket.status === 'PREVIEWED';
  const [{ t, locale }, choices, freshness] = await Promise.all([
    getI18n(),
    active ? getPreviewChoices(ticket.account.id, day) : Promise.resolve(null),
    ticket.status === 'PREVIEWED' ? getPreviewFreshness(ticket, day) : Promise.resolve(null),
  ]);
  const status = t(`migrations.status.${ticket.status}`);

  return (
    <>
      <PageHeader
        title={t('migrations.ticketTitle', { id: ticket.id })}
        description={
          <>
            {ticket.account.name} · <TicketStatusBadge status={ticket.status} label={status} />
          </>
        }
        breadcrumbs={[
          { label: t('nav.migrations'), href: '/migrations' },
          { label: ticket.account.name, href: `/accounts/${ticket.account.id}` },
          { label: `#${ticket.id}` },
        ]}
        actions={active ? <RejectDialog ticketId={ticket.id} /> : null}
      />
      <div className="flex flex-col gap-4">
        {ticket.status === 'EXECUTED' ? (
          <FormMessage ok>
            {t('migrations.ticket.executedBanner', { executedOn: ticket.executedOn ?? '', effectiveOn: ticket.effectiveOn ?? '' })}
          </FormMessage>
        ) : null}
        {ticket.status === 'REJECTED' ? <FormMessage>{t('migrations.ticket.rejectedBanner', { reason: ticket.rejectedReason ?? '' })}</FormMessage> : null}

        <Card>
          <DescriptionList
            items={[
              {
                term: t('migrations.ticket.account'),
                value: (
                  <Link href={`/accounts/${ticket.account.id}`} className="text-sky-800 hover:underline">
                    {ticket.account.name} <span className="font-mono text-xs">({ticket.account.id})</span>
                  </Link>
                ),
              },
              {
                term: t('migrations.ticket.scheme'),
                value: (
                  <span className="flex items-center gap-2">
                    <Badge tone={ticket.account.scheme === 'LEGACY' ? 'amber' : 'blue'}>{t(`scheme.${ticket.account.scheme}`)}</Badge>
                    <span>{ticket.account.currency}</span>
                    {ticket.account.currentFrom ? <span className="text-xs text-slate-500">→ {ticket.account.currentFrom}</span> : null}
                  </span>
                ),
              },
              { term: t('migrations.ticket.requestRef'), value: <span className="font-mono">{ticket.requestRef}</span> },
              { term: t('migrations.ticket.notes'), value: <span className="whitespace-pre-line">{ticket.notes || t('common.none')}</span> },
              { term: t('migrations.ticket.createdBy'), value: ticket.createdBy ?? t('common.none') },
              { term: t('migrations.ticket.createdAt'), value: formatDateTime(ticket.createdAt, locale) },
              ...(ticket.previewedAt ? [{ term: t('migrations.ticket.previewedAt'), value: formatDateTime(ticket.previewedAt, locale) }] : []),
              ...(ticket.status === 'EXECUTED'
                ? [
                    { term: t('migrations.ticket.executedOn'), value: ticket.executedOn },
                    { term: t('migrations.ticket.effectiveOn'), value: <strong>{ticket.effectiveOn}</strong> },
                    { term: t('migrations.ticket.executedBy'), value: ticket.executedBy ?? t('common.none') },
                  ]
                : []),
              ...(ticket.rejectedReason ? [{ term: t('migrations.ticket.rejectedReason'), value: ticket.rejectedReason }] : []),
            ]}
          />
        </Card>

        {ticket.figures && !active && ticket.status !== 'REJECTED' ? (
          <PreviewFiguresView figures={ticket.figures} title={ticket.status === 'EXECUTED' ? t('migrations.ticket.storedPreview') : undefined} />
        ) : null}

        {active && choices ? (
          // The form's choices against the preview shown: a change makes the figures visibly out
          // of date and disables Execute at once (issue 14), before anything is sent.
          <PreviewDraftProvider
            initial={{
              editions: Object.fromEntries(choices.apps.map((app) => [app.sdkAppId, ticket.editions?.[app.sdkAppId] ?? app.defaultEdition])),
              months: ticket.previewMonths,
            }}
            previewed={ticket.status === 'PREVIEWED' && ticket.editions ? { editions: ticket.editions, months: ticket.previewMonths } : null}
            appNames={Object.fromEntries(choices.apps.map((app) => [app.sdkAppId, app.name]))}
          >
            <Card title={t('migrations.preview.title')}>
              {choices.error ? (
                <FormMessage>{t('migrations.preview.engineError', { error: choices.error })}</FormMessage>
              ) : (
                <PreviewForm
                  ticketId={ticket.id}
                  apps={choices.apps}
                  effectiveOn={effectiveOn}
                  lastLegacyDay={lastLegacyDay}
                  previewed={ticket.status === 'PREVIEWED'}
                />
              )}
            </Card>

            {ticket.status === 'PREVIEWED' && freshness ? (
              <PreviewFreshness>
                {freshness.fresh ? (
                  <FormMessage ok>{t('migrations.preview.fresh')}</FormMessage>
                ) : (
                  <FormMessage>
                    {t('migrations.preview.stale', { parts: freshness.changed.map((p) => t(`migrations.part.${p}`)).join(', ') })}
                  </FormMessage>
                )}
              </PreviewFreshness>
            ) : null}

            {ticket.figures && ticket.status === 'PREVIEWED' ? (
              <PreviewFiguresFrame>
                <PreviewFiguresView figures={ticket.figures} />
              </PreviewFiguresFrame>
            ) : null}

            {ticket.status === 'PREVIEWED' && ticket.figures && ticket.previewToken ? (
              <Card title={t('migrations.execute.title')}>
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <p className="max-w-3xl text-sm text-slate-700">
                    {t('migrations.execute.intro', { today: day, date: effectiveOn, eve: lastLegacyDay })}
                  </p>
                  <div className="flex items-center gap-2">
                    {freshness && !freshness.fresh ? <span className="text-xs text-slate-500">{t('migrations.execute.staleDisabled')}</span> : null}
                    <ExecuteDialog
                      ticketId={ticket.id}
                      account={{ id: ticket.account.id, name: ticket.account.name }}
                      effectiveOn={effectiveOn}
                      disabled={!freshness?.fresh}
                      preview={{
                        token: ticket.previewToken,
                        months: ticket.figures.months,
                        lastLegacyDay: ticket.figures.lastLegacyDay,
                        apps: ticket.figures.apps.map((a) => ({ sdkAppId: a.sdkAppId, name: a.name, heldEdition: a.heldEdition, edition: a.edition })),
                        totals: { legacy: ticket.figures.account.legacy.total, current: ticket.figures.account.current.total },
                      }}
                    />
                  </div>
                </div>
              </Card>
            ) : null}
          </PreviewDraftProvider>
        ) : null}
      </div>
    </>
  );
}
