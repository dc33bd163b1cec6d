import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RunPoller } from '@/components/billing-runs/run-poller';
import { RunProgressBar, RunStatusBadge } from '@/components/billing-runs/run-status';
import { IssueMonthButton } from '@/components/invoices/issue-month-button';
import { LinkButton } from '@/components/ui/button';
import { Card, DescriptionList, Stat } from '@/components/ui/card';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { requireRole } from '@/lib/auth/guard';
import { getBillingRun, listRunFailures } from '@/lib/billing-runs/queries';
import { countDrafts } from '@/lib/invoices/queries';
import { plannedIssueDate, runIdSchema } from '@/lib/billing-runs/schemas';
import { formatDateTime } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.billingRun');

export default async function BillingRunPage({ params }: { params: Promise<{ runId: string }> }) {
  await requireRole('OPS');
  const id = runIdSchema.safeParse((await params).runId);
  if (!id.success) notFound();
  const run = await getBillingRun(id.data);
  if (!run) notFound();
  const [{ t, locale }, failures, drafts] = await Promise.all([getI18n(), listRunFailures(run.id), countDrafts(run.month)]);
  const running = run.status === 'RUNNING' && !run.stale;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={t('run.title', { id: run.id, month: run.month })}
        description={t('run.description', { month: run.month, date: plannedIssueDate(run.month) })}
        breadcrumbs={[{ label: t('nav.billingRuns'), href: '/billing-runs' }, { label: `#${run.id}` }]}
        actions={
          <>
            {run.status === 'SUCCEEDED' && drafts > 0 ? (
              <IssueMonthButton month={run.month} drafts={drafts} plannedDate={plannedIssueDate(run.month)} />
            ) : null}
            <LinkButton href={`/invoices?month=${run.month}`}>{t('run.reviewInvoices', { month: run.month })}</LinkButton>
          </>
        }
      />
      <RunPoller active={running} />
      <Card title={t('run.progress')} actions={<RunStatusBadge status={run.status} stale={run.stale} />}>
        <div className="flex flex-col gap-4" aria-live="polite" data-testid="run-progress">
          <RunProgressBar done={run.doneAccounts} total={run.totalAccounts} />
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
            <Stat label={t('run.stat.accounts')} value={`${run.doneAccounts} / ${run.totalAccounts}`} hint={`${t('run.stat.shards')}: ${run.shardsDone} / ${run.shards}`} />
            <Stat label={t('run.stat.invoices')} value={run.invoiceCount} hint={t('run.stat.invoicesHint', { count: drafts })} />
            <Stat label={t('run.stat.failed')} value={run.failedAccounts} />
            <Stat label={t('run.stat.skipped')} value={run.skippedAccounts} hint={t('run.stat.skippedHint')} />
          </div>
          <DescriptionList
            items={[
              { term: t('run.startedBy'), value: run.startedBy },
              { term: t('run.startedAt'), value: formatDateTime(run.startedAt, locale) },
              { term: t('run.finishedAt'), value: run.finishedAt ? formatDateTime(run.finishedAt, locale) : t('common.none') },
              { term: t('run.heartbeat'), value: formatDateTime(run.heartbeatAt, locale) },
            ]}
          />
          {run.error ? <p className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">{run.error}</p> : null}
          {run.stale ? <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t('run.stalledNote')}</p> : null}
          {run.resumed && run.status === 'RUNNING' && !run.stale ? <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">{t('run.resumedNote')}</p> : null}
        </div>
      </Card>
      <Card title={t('run.failures', { count: run.failedAccounts })}>
        {failures.length === 0 ? (
          <EmptyState title={t('run.noFailures')} />
        ) : (
          <Table>
            <THead>
              <tr>
                <TH>{t('run.failure.account')}</TH>
                <TH>{t('run.failure.reason')}</TH>
              </tr>
            </THead>
            <TBody>
              {failures.map((f) => (
                <TR key={f.id}>
                  <TD className="whitespace-nowrap">
                    <Link href={`/accounts/${f.accountId}`} className="text-sky-800 hover:underline">
                      {f.accountName ?? `#${f.accountId}`}
                    </Link>{' '}
                    <span className="text-xs text-slate-500">#{f.accountId}</span>
                  </TD>
                  <TD className="text-rose-800">{f.message}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
