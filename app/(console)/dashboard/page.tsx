import Link from 'next/link';
import { BilledChart, MigrationChart, MixChart } from '@/components/dashboard/ops-charts';
import { Card, Stat } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { requireRole } from '@/lib/auth/guard';
import { addMonths } from '@/lib/billing/dates';
import { today } from '@/lib/clock';
import { getOpsDashboard } from '@/lib/dashboard/queries';
import { formatCount, formatMoney } from '@/lib/i18n/format';
import { getI18n } from '@/lib/i18n/server';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.dashboard');

const CURRENCIES = ['CNY', 'USD'] as const;

/** The ops home: what was billed, how it splits, how far the migration is, who bills most, and this month's run. */
export default async function DashboardPage() {
  await requireRole('OPS');
  // The month billed now is the one before today's (a month is billed once it is over).
  const lastMonth = addMonths(`${today().slice(0, 7)}-01`, -1).slice(0, 7);
  const [{ t, locale }, data] = await Promise.all([getI18n(), getOpsDashboard(lastMonth)]);
  const { status } = data;
  return (
    <>
      <PageHeader title={t('dashboard.title')} description={t('dashboard.description')} breadcrumbs={[{ label: t('nav.dashboard') }]} />
      <div className="flex flex-col gap-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Stat
            label={t('dashboard.run', { month: status.month })}
            value={
              status.run ? (
                <Link href={`/billing-runs/${status.run.id}`} className="text-sky-800 hover:underline">
                  {t(`dashboard.runStatus.${status.run.status as 'RUNNING' | 'SUCCEEDED' | 'FAILED'}`)}
                </Link>
              ) : (
                t('dashboard.noRun')
              )
            }
            hint={status.run ? t('dashboard.runProgress', { done: status.run.doneAccounts, total: status.run.totalAccounts, failed: status.run.failedAccounts }) : undefined}
          />
          {(['DRAFT', 'ISSUED'] as const).map((s) => {
            const rows = status.invoices.filter((i) => i.status === s);
            const count = rows.reduce((n, r) => n + r.count, 0);
            return (
              <Stat
                key={s}
                label={t(`dashboard.invoices.${s}`, { month: status.month })}
                value={
                  <Link href={`/invoices?month=${status.month}&status=${s}`} className="text-sky-800 hover:underline">
                    {formatCount(count, locale)}
                  </Link>
                }
                hint={rows.map((r) => formatMoney(r.total, r.currency, locale)).join(' · ') || undefined}
              />
            );
          })}
          <Stat
            label={t('dashboard.legacyLeft')}
            value={
              <Link href="/accounts?scheme=LEGACY" className="text-sky-800 hover:underline">
                {formatCount(data.legacyLeft, locale)}
              </Link>
            }
          />
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          {CURRENCIES.map((currency) => (
            <Card key={currency}>
              <BilledChart months={data.months} points={data.billed} currency={currency} />
            </Card>
          ))}
          {CURRENCIES.map((currency) => (
            <Card key={`mix-${currency}`}>
              <MixChart months={data.months} points={data.mix} currency={currency} />
            </Card>
          ))}
          <Card>
            <MigrationChart months={data.months} points={data.migrated} />
          </Card>
          <Card title={t('dashboard.top')}>
            <Table>
              <THead>
                <TR>
                  <TH>{t('accounts.col.name')}</TH>
                  <TH className="text-right">{t('dashboard.billedTotal')}</TH>
                </TR>
              </THead>
              <TBody>
                {data.top.length === 0 ? (
                  <TR>
                    <TD colSpan={2}>{t('dashboard.nothing')}</TD>
                  </TR>
                ) : (
                  data.top.map((row) => (
                    <TR key={`${row.currency}-${row.accountId}`}>
                      <TD>
                        <Link href={`/accounts/${row.accountId}`} className="text-sky-800 hover:underline">
                          {row.name}
                        </Link>
                      </TD>
                      <TD className="text-right tabular-nums">{formatMoney(row.total, row.currency, locale)}</TD>
                    </TR>
                  ))
                )}
              </TBody>
            </Table>
          </Card>
        </div>
      </div>
    </>
  );
}
