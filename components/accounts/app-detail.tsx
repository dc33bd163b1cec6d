import type { AppView } from '@/lib/accounts/apps';
import { ADDON_NAMES, COMMUNITY_UNAVAILABLE_DATA_CENTERS, EDITIONS, FEATURES, formatLimitValue, type DataCenter, type FeatureAvailability, type FeatureRow } from '@/lib/billing/catalog';
import { getI18n } from '@/lib/i18n/server';
import { Badge } from '../ui/badge';
import { Card, DescriptionList } from '../ui/card';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { EditionBadge, editionName } from './edition-label';

/** What an app holds today, its effective limits and its feature matrix: read-only, for every role. */
export async function AppDetail({ app }: { app: AppView }) {
  const { t, locale } = await getI18n();
  const { state } = app;
  const label = (row: { labelEn: string; labelZh: string }) => (locale === 'zh' ? `${row.labelZh}` : `${row.labelEn} ${row.labelZh}`);
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <Card title={t('app.edition')}>
        <DescriptionList
          items={[
            {
              term: t('app.edition'),
              value: (
                <span className="flex flex-wrap items-center gap-2">
                  <EditionBadge edition={state.edition} />
                  {state.since ? <span className="text-xs text-slate-500">{t('app.since', { date: state.since })}</span> : null}
                </span>
              ),
            },
            { term: t('account.scheme'), value: t(`scheme.${state.scheme}`) },
            ...(state.currentCycle ? [{ term: t('app.cycle'), value: `${state.currentCycle.from} – ${state.currentCycle.to}` }] : []),
            ...(state.pendingDowngrade
              ? [{ term: t('app.pending'), value: <Badge tone="amber">{t('app.pendingDowngrade', { edition: editionName(state.pendingDowngrade.edition), date: state.pendingDowngrade.effectiveOn })}</Badge> }]
              : []),
            ...(state.migration ? [{ term: t('app.migration'), value: t('app.migrationValue', { executedOn: state.migration.executedOn, effectiveOn: state.migration.effectiveOn }) }] : []),
            { term: t('app.col.dataCenter'), value: t(`dc.${app.dataCenter}` as never) },
            { term: t('app.trtc'), value: app.trtcEnabled ? <Badge tone="green">{t('app.trtc.on')}</Badge> : t('app.trtc.off') },
          ]}
        />
        <h3 className="mt-4 mb-1.5 text-xs font-semibold text-slate-600 uppercase">{t('app.addons')}</h3>
        {state.addons.length === 0 && !state.retention ? (
          <p className="text-sm text-slate-500">{t('app.noAddons')}</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm">
            {state.addons.map((addon) => (
              <li key={addon.code} className="flex flex-wrap items-center gap-2">
                <Badge tone="blue">{`${ADDON_NAMES[addon.code].nameEn} ${ADDON_NAMES[addon.code].nameZh}`}</Badge>
                <span className="text-xs text-slate-600">{t('app.addon.cycle', { from: addon.cycle.from, to: addon.cycle.to })}</span>
                {addon.stopsAfter ? <Badge tone="amber">{t('app.addon.stopsAfter', { date: addon.stopsAfter })}</Badge> : null}
              </li>
            ))}
            {state.retention ? (
              <li>
                <Badge tone="blue">{t('app.retention', { days: state.retention.days, date: state.retention.since })}</Badge>
              </li>
            ) : null}
          </ul>
        )}
      </Card>

      <Card title={t('app.limits')}>
        <Table aria-label={t('app.limits')}>
          <THead>
            <tr>
              <TH>{t('app.limits.item')}</TH>
              <TH className="text-right">{t('app.limits.base')}</TH>
              <TH className="text-right">{t('app.limits.effective')}</TH>
              <TH>{t('app.limits.raisedBy')}</TH>
            </tr>
          </THead>
          <TBody>
            {app.limits.map((limit) => (
              <TR key={limit.key}>
                <TD>
                  {label(limit)}
                  {!limit.raisable && limit.key === 'friendsPerUser' ? (
                    <span className="ml-1 text-xs text-slate-500" title={locale === 'zh' ? limit.noteZh : limit.noteEn}>
                      ({t('app.limits.notRaisable')})
                    </span>
                  ) : null}
                </TD>
                <TD className="text-right tabular-nums">{formatLimitValue(limit.base, locale)}</TD>
                <TD className={`text-right tabular-nums ${limit.raisedBy ? 'font-semibold text-emerald-800' : ''}`}>{formatLimitValue(limit.effective, locale)}</TD>
                <TD className="text-xs text-slate-600">{limit.raisedBy ? `${ADDON_NAMES[limit.raisedBy].nameEn} ${ADDON_NAMES[limit.raisedBy].nameZh}` : ''}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </Card>

      <Card title={t('app.features')} className="xl:col-span-2">
        <FeatureMatrix scheme={state.scheme} edition={state.edition} dataCenter={app.dataCenter as DataCenter} locale={locale} />
      </Card>
    </div>
  );
}

async function FeatureMatrix({ scheme, edition, dataCenter, locale }: { scheme: 'LEGACY' | 'CURRENT'; edition: AppView['state']['edition']; dataCenter: DataCenter; locale: 'en' | 'zh' }) {
  const { t } = await getI18n();
  const rows = FEATURES[scheme] as readonly FeatureRow[];
  const editions = (Object.keys(EDITIONS) as (keyof typeof EDITIONS)[]).filter((e) => EDITIONS[e].scheme === scheme);
  const availability = (row: FeatureRow, e: (typeof editions)[number]): FeatureAvailability => {
    const value = (row.values as Record<string, FeatureAvailability>)[e] ?? 'no';
    return row.key === 'community' && COMMUNITY_UNAVAILABLE_DATA_CENTERS.includes(dataCenter) ? 'no' : value;
  };
  const cell = (value: FeatureAvailability) =>
    value === 'yes' ? <Badge tone="green">{t('feature.yes')}</Badge> : value === 'apply' ? <Badge tone="amber">{t('feature.apply')}</Badge> : <span className="text-slate-500">{t('feature.no')}</span>;
  return (
    <Table aria-label={t('app.features')}>
      <THead>
        <tr>
          <TH>{t('feature.item')}</TH>
          {editions.map((e) => (
            <TH key={e} className={e === edition ? 'bg-sky-50 text-sky-900' : ''}>
              {editionName(e)}
              {e === edition ? ` · ${t('feature.current')}` : ''}
            </TH>
          ))}
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <TR key={row.key}>
            <TD>
              {locale === 'zh' ? row.labelZh : `${row.labelEn} ${row.labelZh}`}
              {(locale === 'zh' ? row.noteZh : row.noteEn) ? <div className="text-xs text-slate-500">{locale === 'zh' ? row.noteZh : row.noteEn}</div> : null}
            </TD>
            {editions.map((e) => (
              <TD key={e} className={e === edition ? 'bg-sky-50/50' : ''}>
                {cell(availability(row, e))}
              </TD>
            ))}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
