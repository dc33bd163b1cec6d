import { PRICE_KEY_INFO, PRICE_UNIT_ZH, SCHEME_INFO, type Scheme } from '@/lib/billing/catalog';
import type { PriceBookView } from '@/lib/catalog/queries';
import { getI18n } from '@/lib/i18n/server';
import { formatDateTime, formatUnitPrice } from '@/lib/i18n/format';
import { Badge } from '../ui/badge';
import { LinkButton } from '../ui/button';
import { Card } from '../ui/card';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';

/** A scheme's price-book versions side by side: one column per version, one row per price. */
export async function PriceBooks({ scheme, books, canEdit }: { scheme: Scheme; books: PriceBookView[]; canEdit: boolean }) {
  const { t, locale } = await getI18n();
  const versions = books.filter((b) => b.scheme === scheme);
  const keys = versions[0]?.prices.map((p) => p.key) ?? [];
  const tone = { inForce: 'green', scheduled: 'blue', superseded: 'neutral' } as const;
  return (
    <Card
      title={`${t('catalog.priceBooks')} · ${SCHEME_INFO[scheme].nameEn} ${SCHEME_INFO[scheme].nameZh}`}
      actions={
        canEdit ? (
          <LinkButton href={`/catalog/price-books/new?scheme=${scheme}`} size="sm" variant="primary">
            {t('catalog.newVersion', { scheme: locale === 'zh' ? SCHEME_INFO[scheme].nameZh : SCHEME_INFO[scheme].nameEn })}
          </LinkButton>
        ) : null
      }
    >
      {versions.length === 0 ? (
        <p className="text-sm text-slate-500">{t('catalog.noBooks')}</p>
      ) : (
        <Table aria-label={t('catalog.priceBooksOf', { scheme })}>
          <THead>
            <tr>
              <TH>{t('catalog.price')}</TH>
              {versions.map((b) => (
                <TH key={b.id} className="align-top">
                  <div className="flex items-center gap-1.5">
                    {t('catalog.version', { version: b.version })} <Badge tone={tone[b.status]}>{t(`catalog.status.${b.status}`)}</Badge>
                  </div>
                  <div className="font-normal text-slate-600">{t('catalog.effectiveFrom', { date: b.effectiveFrom, currency: b.currency })}</div>
                  <div className="max-w-64 font-normal whitespace-normal text-slate-500" title={b.source}>
                    {t('catalog.source')}: {b.source.length > 90 ? `${b.source.slice(0, 90)}…` : b.source}
                  </div>
                  <div className="font-normal text-slate-500">
                    {b.createdBy ? t('catalog.addedBy', { by: b.createdBy, at: formatDateTime(b.createdAt, locale) }) : t('catalog.shipped')}
                  </div>
                </TH>
              ))}
            </tr>
          </THead>
          <TBody>
            {keys.map((key) => {
              const info = PRICE_KEY_INFO[key];
              return (
                <TR key={key}>
                  <TD>
                    <div>{locale === 'zh' ? info.labelZh : `${info.labelEn} ${info.labelZh}`}</div>
                    <div className="font-mono text-xs text-slate-500">
                      {key} · {locale === 'zh' ? (PRICE_UNIT_ZH[info.unitEn] ?? info.unitEn) : info.unitEn}
                      {info.waived ? ` · ${t('catalog.waived')}` : ''}
                    </div>
                  </TD>
                  {versions.map((b) => {
                    const amount = b.prices.find((p) => p.key === key)?.amount ?? '';
                    return (
                      <TD key={b.id} className="text-right tabular-nums">
                        {amount === '' ? '—' : formatUnitPrice(amount, b.currency, locale)}
                      </TD>
                    );
                  })}
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
