import {
  ADDONS,
  EDITIONS,
  FEATURES,
  HISTORY_RETENTION,
  LIMITS,
  PERIODIC_ADDONS,
  SCHEME_EDITIONS,
  SCHEME_INFO,
  formatLimitValue,
  type FeatureAvailability,
  type FeatureRow,
  type LimitRow,
  type LimitValue,
  type Scheme,
} from '@/lib/billing/catalog';
import { getI18n } from '@/lib/i18n/server';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';

/** One scheme's editions side by side: limits, features and (legacy) add-ons, in English and Chinese. */
export async function EditionMatrix({ scheme }: { scheme: Scheme }) {
  const { t, locale } = await getI18n();
  const editions = SCHEME_EDITIONS[scheme];
  const limits = LIMITS[scheme] as readonly LimitRow[];
  const features = FEATURES[scheme] as readonly FeatureRow[];
  const value = (row: { values: Readonly<Record<string, unknown>> }, e: string) => (row.values as Record<string, unknown>)[e];
  const availability = (v: FeatureAvailability) =>
    v === 'yes' ? <Badge tone="green">{t('feature.yes')}</Badge> : v === 'apply' ? <Badge tone="amber">{t('feature.apply')}</Badge> : <span className="text-slate-500">{t('feature.no')}</span>;
  const head = (
    <THead>
      <tr>
        <TH className="w-1/3">{t('catalog.item')}</TH>
        {editions.map((e) => (
          <TH key={e}>
            <div>{EDITIONS[e].nameEn}</div>
            <div className="font-normal text-slate-500">{EDITIONS[e].nameZh}</div>
          </TH>
        ))}
      </tr>
    </THead>
  );
  const label = (row: { labelEn: string; labelZh: string; noteEn?: string; noteZh?: string }) => (
    <>
      <div>{row.labelEn}</div>
      <div className="text-xs text-slate-500">{row.labelZh}</div>
      {row.noteEn ? <div className="mt-0.5 text-xs text-slate-500 italic">{locale === 'zh' ? row.noteZh : row.noteEn}</div> : null}
    </>
  );
  return (
    <Card title={`${SCHEME_INFO[scheme].nameEn} ${SCHEME_INFO[scheme].nameZh}`}>
      <div className="flex flex-col gap-4">
        <section aria-label={t('catalog.limits', { scheme })}>
          <h3 className="mb-1.5 text-xs font-semibold text-slate-600 uppercase">{t('catalog.limitsTitle')}</h3>
          <Table aria-label={t('catalog.limits', { scheme })}>
            {head}
            <TBody>
              {limits.map((row) => (
                <TR key={row.key}>
                  <TD>
                    {label(row)}
                    {!row.raisable && row.key === 'friendsPerUser' ? <Badge className="mt-0.5">{t('app.limits.notRaisable')}</Badge> : null}
                  </TD>
                  {editions.map((e) => (
                    <TD key={e} className="tabular-nums">
                      {formatLimitValue(value(row, e) as LimitValue, locale)} <span className="text-xs text-slate-500">{locale === 'zh' ? row.unitZh : row.unitEn}</span>
                    </TD>
                  ))}
                </TR>
              ))}
            </TBody>
          </Table>
        </section>
        <section aria-label={t('catalog.features', { scheme })}>
          <h3 className="mb-1.5 text-xs font-semibold text-slate-600 uppercase">{t('catalog.featuresTitle')}</h3>
          <Table aria-label={t('catalog.features', { scheme })}>
            {head}
            <TBody>
              {features.map((row) => (
                <TR key={row.key}>
                  <TD>{label(row)}</TD>
                  {editions.map((e) => (
                    <TD key={e}>{availability(value(row, e) as FeatureAvailability)}</TD>
                  ))}
                </TR>
              ))}
            </TBody>
          </Table>
        </section>
        {scheme === 'LEGACY' ? (
          <section aria-label={t('catalog.addonsTitle')}>
            <h3 className="mb-1.5 text-xs font-semibold text-slate-600 uppercase">{t('catalog.addonsTitle')}</h3>
            <Table aria-label={t('catalog.addonsTitle')}>
              {head}
              <TBody>
                {PERIODIC_ADDONS.map((code) => (
                  <TR key={code}>
                    <TD>{label({ labelEn: ADDONS[code].nameEn, labelZh: ADDONS[code].nameZh })}</TD>
                    {editions.map((e) => {
                      const offer = (ADDONS[code].offers as Record<string, { raises?: { to: LimitValue } }>)[e];
                      return (
                        <TD key={e}>
                          {offer ? (
                            <Badge tone="green">{offer.raises ? formatLimitValue(offer.raises.to, locale) : t('feature.yes')}</Badge>
                          ) : (
                            <span className="text-xs text-slate-500">{(ADDONS[code].notOfferedEn as Readonly<Record<string, string | undefined>>)[e] && (e === 'TRIAL' || e === 'FLAGSHIP') ? t(`catalog.addon.notOffered.${e}`) : t('feature.no')}</span>
                          )}
                        </TD>
                      );
                    })}
                  </TR>
                ))}
                <TR>
                  <TD>{label({ labelEn: HISTORY_RETENTION.nameEn, labelZh: HISTORY_RETENTION.nameZh })}</TD>
                  {editions.map((e) => (
                    <TD key={e}>
                      {(HISTORY_RETENTION.editions as readonly string[]).includes(e) ? (
                        <Badge tone="green">{t('catalog.tiers', { tiers: HISTORY_RETENTION.tiers.join(' / ') })}</Badge>
                      ) : (
                        <span className="text-xs text-slate-500">{t('feature.no')}</span>
                      )}
                    </TD>
                  ))}
                </TR>
              </TBody>
            </Table>
          </section>
        ) : null}
      </div>
    </Card>
  );
}
