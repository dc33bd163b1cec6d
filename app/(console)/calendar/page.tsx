import Link from 'next/link';
import { RunPoller } from '@/components/billing-runs/run-poller';
import { RunProgressBar } from '@/components/billing-runs/run-status';
import { ActionButton, ReasonForm } from '@/components/calendar/calendar-forms';
import { Badge, type Tone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { requireRole } from '@/lib/auth/guard';
import { holdAccountAction, pauseMonthAction, releaseAccountAction, resumeMonthAction, runStepNowAction } from '@/lib/calendar/actions';
import { getCalendar, type CalendarStepView } from '@/lib/calendar/queries';
import { calendarNow } from '@/lib/calendar/schedule';
import { formatCount, formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/messages';
import { getI18n } from '@/lib/i18n/server';
import type { Translate } from '@/lib/i18n/translate';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.calendar');

const TONE: Record<CalendarStepView['state'], Tone> = { waiting: 'neutral', running: 'blue', done: 'green', failed: 'red' };

function StepCard({ month, step, t, locale, startable }: { month: string; step: CalendarStepView; t: Translate; locale: Locale; startable: boolean }) {
  const stalled = step.state === 'running' && step.run?.stalled;
  const button =
    step.state === 'failed'
      ? t('calendar.retry')
      : step.state === 'waiting'
        ? t(step.step === 'DRAFT_RUN' ? 'calendar.runNow' : 'calendar.issueNow')
        : step.state === 'done' && step.step === 'DRAFT_RUN'
          ? t('calendar.rerun')
          : null;
  const totals = step.result?.totals ?? [];
  return (
    <section aria-label={`${t(`calendar.step.${step.step}`)} ${month}`} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3" data-testid={`step-${month}-${step.step}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">{t(`calendar.step.${step.step}`)}</h3>
        <Badge tone={stalled ? 'amber' : TONE[step.state]}>{stalled ? t('calendar.state.stalled') : t(`calendar.state.${step.state}`)}</Badge>
      </div>
      <p className="text-xs text-slate-600">{t('calendar.due', { time: formatDateTime(step.dueAt, locale) })}</p>
      {step.startedAt ? (
        <p className="text-xs text-slate-600">{t('calendar.by', { actor: step.actorLabel ?? '', time: formatDateTime(step.startedAt, locale), attempts: step.attempts })}</p>
      ) : null}
      {step.finishedAt ? <p className="text-xs text-slate-600">{t('calendar.finished', { time: formatDateTime(step.finishedAt, locale) })}</p> : null}
      {step.run ? (
        <div className="flex flex-col gap-1">
          {step.state === 'running' ? <RunProgressBar done={step.run.doneAccounts} total={step.run.totalAccounts} /> : null}
          <p className="text-xs text-slate-700">
            <Link href={`/billing-runs/${step.run.id}`} className="text-sky-800 hover:underline">
              {t('calendar.run.link', { id: step.run.id })}
            </Link>{' '}
            · {t('calendar.progress', { shardsDone: step.run.shardsDone, shards: step.run.shards, done: formatCount(step.run.doneAccounts, locale), total: formatCount(step.run.totalAccounts, locale) })}
          </p>
        </div>
      ) : null}
      {step.state === 'done' && step.result ? (
        <ul className="flex flex-col gap-0.5 text-xs text-slate-800">
          {step.step === 'DRAFT_RUN' ? (
            <li>{t('calendar.result.run', { invoices: step.result.invoices ?? 0, failed: step.result.failed ?? 0, skipped: step.result.skipped ?? 0 })}</li>
          ) : (
            <>
              <li>{t('calendar.result.issue', { issued: step.result.issued ?? 0, held: step.result.held ?? 0 })}</li>
              {step.result.first ? <li>{t('calendar.result.numbers', { first: step.result.first, last: step.result.last ?? '' })}</li> : null}
            </>
          )}
          {totals.map((row) => (
            <li key={row.currency}>{t('calendar.result.total', { currency: row.currency, count: row.invoices, amount: formatMoney(row.total, row.currency, locale) })}</li>
          ))}
        </ul>
      ) : null}
      {step.state === 'failed' && step.error ? <p className="rounded-md border border-rose-200 bg-rose-50 px-2 py-1 text-xs text-rose-800">{t('calendar.cause', { error: step.error })}</p> : null}
      {stalled ? <p className="rounded-md border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900">{t('run.stalledNote')}</p> : null}
      {button && (startable || step.state !== 'waiting') ? (
        <ActionButton action={runStepNowAction} fields={{ month, step: step.step }} label={button} variant={step.state === 'failed' ? 'primary' : 'secondary'} />
      ) : null}
    </section>
  );
}

export default async function CalendarPage() {
  await requireRole('OPS');
  const now = calendarNow();
  const [{ t, locale }, calendar] = await Promise.all([getI18n(), getCalendar(now)]);
  const running = calendar.months.some((m) => m.steps.some((s) => s.state === 'running' && !s.run?.stalled));
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t('calendar.title')} description={t('calendar.description')} breadcrumbs={[{ label: t('nav.calendar') }]} />
      <RunPoller active={running} />
      <div className="grid gap-4 lg:grid-cols-2">
        {calendar.months.map((month, index) => (
          <Card
            key={month.month}
            title={
              <span>
                {t('calendar.month', { month: month.month })} <span className="text-xs font-normal text-slate-500">({t(index === 0 ? 'calendar.month.closing' : 'calendar.month.next')})</span>
              </span>
            }
          >
            <div className="flex flex-col gap-3">
              {month.pause ? (
                <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  <span>{t('calendar.paused', { actor: month.pause.actorLabel, reason: month.pause.reason })}</span>
                  <ActionButton action={resumeMonthAction} fields={{ month: month.month }} label={t('calendar.resume')} />
                </div>
              ) : null}
              <div className="grid gap-3 sm:grid-cols-2">
                {month.steps.map((step) => (
                  <StepCard
                    key={step.step}
                    month={month.month}
                    step={step}
                    t={t}
                    locale={locale}
                    // Ops may draft a month once it has ended, and issue it once its drafts are done.
                    startable={step.step === 'DRAFT_RUN' ? index === 0 : month.steps[0]!.state === 'done'}
                  />
                ))}
              </div>
              {!month.pause && month.steps.some((s) => s.state !== 'done') ? (
                <ReasonForm action={pauseMonthAction} fields={{ month: month.month }} reasonLabel={t('calendar.pause.reason')} submitLabel={t('calendar.pause')} idPrefix={`pause-${month.month}`} />
              ) : null}
            </div>
          </Card>
        ))}
      </div>
      <Card title={t('calendar.holds.title')}>
        <div className="flex flex-col gap-3">
          <p className="text-sm text-slate-600">{t('calendar.holds.description')}</p>
          {calendar.holds.length === 0 ? (
            <EmptyState title={t('calendar.holds.none')} />
          ) : (
            <Table>
              <THead>
                <tr>
                  <TH>{t('calendar.holds.account')}</TH>
                  <TH>{t('calendar.holds.reason')}</TH>
                  <TH>{t('calendar.holds.by')}</TH>
                  <TH>{t('calendar.holds.since')}</TH>
                  <TH />
                </tr>
              </THead>
              <TBody>
                {calendar.holds.map((hold) => (
                  <TR key={hold.accountId}>
                    <TD>
                      <Link href={`/accounts/${hold.accountId}`} className="text-sky-800 hover:underline">
                        {hold.accountName}
                      </Link>{' '}
                      <span className="text-xs text-slate-400">#{hold.accountId}</span>
                    </TD>
                    <TD>{hold.reason}</TD>
                    <TD>{hold.actorLabel}</TD>
                    <TD className="whitespace-nowrap">{formatDateTime(hold.heldAt, locale)}</TD>
                    <TD>
                      <ActionButton action={releaseAccountAction} fields={{ accountId: hold.accountId }} label={t('calendar.holds.release')} />
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
          <ReasonForm action={holdAccountAction} fields={{}} withAccount reasonLabel={t('calendar.holds.reason')} submitLabel={t('calendar.holds.submit')} idPrefix="hold" />
        </div>
      </Card>
    </div>
  );
}
