import Decimal from 'decimal.js';
import { renderExplanation } from '@/lib/i18n/explain';
import { formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/messages';
import { getI18n } from '@/lib/i18n/server';
import type { Translate } from '@/lib/i18n/translate';
import type { EndingFigure, FallingLimitFigure, PreviewFigures } from '@/lib/migrations/preview';
import type { Edition } from '@/lib/billing/catalog';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { addonName, editionName, limitText } from './labels';

function negate(amount: string): string {
  return new Decimal(amount).neg().toFixed(2);
}

function signed(amount: string, currency: string, locale: Locale): string {
  const d = new Decimal(amount);
  if (d.isZero()) return formatMoney('0.00', currency, locale);
  const text = formatMoney(d.toFixed(2), currency, locale);
  return d.isNegative() ? text : `+${text}`;
}

function Difference({ legacy, current, locale }: { legacy: string; current: string; locale: Locale }) {
  return (
    <span className="flex flex-col items-end text-xs text-slate-700">
      <span>{signed(negate(legacy), 'CNY', locale)}</span>
      <span>{signed(current, 'USD', locale)}</span>
    </span>
  );
}

function limitLine(limit: FallingLimitFigure, held: Edition, next: Edition, t: Translate, locale: Locale): string {
  const label = locale === 'zh' ? limit.labelZh : limit.labelEn;
  const before = limit.raisedBy
    ? t('migrations.limits.withAddon', { edition: editionName(held), addon: addonName(limit.raisedBy, locale) })
    : editionName(held);
  return `${label}: ${limitText(limit.before, locale)} (${before}) → ${limitText(limit.after, locale)} (${editionName(next)})`;
}

function endingLine(item: EndingFigure, lastLegacyDay: string, t: Translate, locale: Locale): { title: string; detail: string[] } {
  const detail: string[] = [];
  const title =
    item.kind === 'PACKAGE'
      ? t('migrations.ending.package', { edition: editionName(item.edition) })
      : item.kind === 'RETENTION'
        ? t('migrations.ending.retention', { name: addonName('HISTORY_RETENTION', locale), days: item.retentionDays ?? '' })
        : `${addonName(item.addon!, locale)} (${editionName(item.edition)})`;
  if (item.cycle) detail.push(t('migrations.ending.cycle', item.cycle));
  if (item.stopsAfter) detail.push(t('migrations.ending.stops', { date: item.stopsAfter }));
  if (item.kind === 'RETENTION') detail.push(t('migrations.ending.postpaid', { date: lastLegacyDay }));
  else if (item.credit) {
    detail.push(t('migrations.ending.credit', { amount: formatMoney(item.credit.amount, 'CNY', locale), from: item.credit.from, to: item.credit.to }));
  } else detail.push(t('migrations.ending.noCredit', { date: item.stopsAfter ?? item.cycle?.to ?? lastLegacyDay }));
  return { title, detail };
}

/** The stored preview: totals side by side, falling limits, what ends with its credits. */
export async function PreviewFiguresView({ figures, title }: { figures: PreviewFigures; title?: string }) {
  const { t, locale } = await getI18n();
  const months = figures.months.length === 1 ? figures.months[0] : `${figures.months[0]} – ${figures.months[figures.months.length - 1]}`;
  const missingMau = figures.apps.some((a) => !a.mauReported && a.edition !== 'DEVELOPER');
  const withLimits = figures.apps.filter((a) => a.fallingLimits.length > 0);
  const withEnding = figures.apps.filter((a) => a.ending.length > 0);
  return (
    <div className="flex flex-col gap-4" data-testid="preview-figures">
      <Card title={title ?? t('migrations.figures.title', { months: months ?? '' })}>
        <p className="mb-3 text-xs text-slate-600">{t('migrations.figures.noFx')}</p>
        <Table aria-label={t('migrations.figures.title', { months: months ?? '' })}>
          <THead>
            <tr>
              <TH>{t('migrations.figures.app')}</TH>
              <TH>{t('migrations.figures.editions')}</TH>
              <TH className="text-right">{t('migrations.figures.legacy')}</TH>
              <TH className="text-right">{t('migrations.figures.current')}</TH>
              <TH className="text-right">{t('migrations.figures.difference')}</TH>
            </tr>
          </THead>
          <TBody>
            {figures.apps.map((app) => (
              <TR key={app.sdkAppId}>
                <TD>
                  <div className="font-medium">{app.name}</div>
                  <div className="font-mono text-xs text-slate-500">{app.sdkAppId}</div>
                </TD>
                <TD>
                  <div className="flex flex-wrap items-center gap-1">
                    <Badge tone="amber">{editionName(app.heldEdition)}</Badge>
                    <span aria-hidden>→</span>
                    <Badge tone="blue">{editionName(app.edition)}</Badge>
                    {!app.mauReported && app.edition !== 'DEVELOPER' ? <Badge>{t('migrations.figures.noMau')}</Badge> : null}
                  </div>
                  {app.pendingDowngrade ? (
                    <div className="mt-0.5 text-xs text-slate-500">
                      {t('migrations.figures.pendingDowngrade', { edition: editionName(app.pendingDowngrade.edition as Edition), date: app.pendingDowngrade.effectiveOn })}
                    </div>
                  ) : null}
                </TD>
                <TD className="text-right tabular-nums">{formatMoney(app.legacy.total, 'CNY', locale)}</TD>
                <TD className="text-right tabular-nums">{formatMoney(app.current.total, 'USD', locale)}</TD>
                <TD className="text-right tabular-nums">
                  <Difference legacy={app.legacy.total} current={app.current.total} locale={locale} />
                </TD>
              </TR>
            ))}
            <TR className="bg-slate-50 font-semibold">
              <TD colSpan={2}>{t('migrations.figures.accountTotal')}</TD>
              <TD className="text-right tabular-nums" data-testid="legacy-total">
                {formatMoney(figures.account.legacy.total, 'CNY', locale)}
              </TD>
              <TD className="text-right tabular-nums" data-testid="current-total">
                {formatMoney(figures.account.current.total, 'USD', locale)}
              </TD>
              <TD className="text-right tabular-nums">
                <Difference legacy={figures.account.legacy.total} current={figures.account.current.total} locale={locale} />
              </TD>
            </TR>
          </TBody>
        </Table>
        {missingMau ? <p className="mt-2 text-xs text-slate-500">{t('migrations.figures.noMauNote')}</p> : null}
        <h3 className="mt-4 mb-2 text-xs font-semibold text-slate-700">{t('migrations.figures.byMonth')}</h3>
        <div className="max-w-xl">
          <Table>
            <THead>
              <tr>
                <TH>{t('migrations.figures.month')}</TH>
                <TH className="text-right">{t('migrations.figures.legacy')}</TH>
                <TH className="text-right">{t('migrations.figures.current')}</TH>
              </tr>
            </THead>
            <TBody>
              {figures.months.map((month, i) => (
                <TR key={month}>
                  <TD className="tabular-nums">{month}</TD>
                  <TD className="text-right tabular-nums">{formatMoney(figures.account.legacy.byMonth[i] ?? '0', 'CNY', locale)}</TD>
                  <TD className="text-right tabular-nums">{formatMoney(figures.account.current.byMonth[i] ?? '0', 'USD', locale)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t('migrations.limits.title')}>
          {withLimits.length === 0 ? (
            <p className="text-sm text-slate-600">{t('migrations.limits.none')}</p>
          ) : (
            <ul className="flex flex-col gap-3" aria-label={t('migrations.limits.title')}>
              {withLimits.map((app) => (
                <li key={app.sdkAppId}>
                  <div className="text-sm font-medium">
                    {app.name} <span className="font-mono text-xs text-slate-500">{app.sdkAppId}</span>
                  </div>
                  <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
                    {app.fallingLimits.map((limit) => (
                      <li key={limit.key}>{limitLine(limit, app.heldEdition, app.edition, t, locale)}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t('migrations.ending.title', { date: figures.effectiveOn })}>
          <p className="mb-2 text-xs text-slate-600">
            {t('migrations.ending.intro', { eve: figures.lastLegacyDay, month: figures.credits.month })}
          </p>
          {withEnding.length === 0 ? (
            <p className="text-sm text-slate-600">{t('migrations.ending.none', { date: figures.lastLegacyDay })}</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {withEnding.map((app) => (
                <li key={app.sdkAppId}>
                  <div className="text-sm font-medium">
                    {app.name} <span className="font-mono text-xs text-slate-500">{app.sdkAppId}</span>
                  </div>
                  <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
                    {app.ending.map((item, i) => {
                      const line = endingLine(item, figures.lastLegacyDay, t, locale);
                      return (
                        <li key={i} title={item.credit && (item.credit.explanation ? renderExplanation(item.credit.explanation, locale) : item.credit.explain)}>
                          <span className="font-medium">{line.title}</span>: {line.detail.join('; ')}
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-sm font-semibold" data-testid="credits-total">
            {t('migrations.ending.total', { month: figures.credits.month, amount: formatMoney(figures.credits.total, 'CNY', locale) })}
          </p>
        </Card>
      </div>
    </div>
  );
}
