'use client';

import { DateInput } from '../ui/date-input';
import { startTransition, useActionState } from 'react';
import { initialActionState } from '@/lib/action-result';
import { PRICE_KEY_INFO, PRICE_KEYS, PRICE_UNIT_ZH, SCHEME_INFO, type Scheme } from '@/lib/billing/catalog';
import { addPriceBookVersionAction } from '@/lib/catalog/actions';
import { useI18n } from '@/lib/i18n/client';
import { Button, LinkButton } from '../ui/button';
import { Card } from '../ui/card';
import { Field, FormMessage, Input, Textarea } from '../ui/form';

/** A new price-book version: every price of the scheme, starting from the latest version's. */
export function PriceBookForm({ scheme, version, minDate, prices, currency }: { scheme: Scheme; version: number; minDate: string; prices: Record<string, string>; currency: string }) {
  const { t, locale } = useI18n();
  const [state, formAction, pending] = useActionState(addPriceBookVersionAction, initialActionState);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form
      onSubmit={(event) => {
        // Submitted by hand so a refused form keeps what was typed (a form action resets the form).
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="flex flex-col gap-4">
      <input type="hidden" name="scheme" value={scheme} />
      <input type="hidden" name="version" value={version} />
      {!state.ok ? <FormMessage>{state.message}</FormMessage> : null}
      <Card title={t('catalog.form.header', { scheme: `${SCHEME_INFO[scheme].nameEn} ${SCHEME_INFO[scheme].nameZh}`, version, currency })}>
        <div className="grid gap-3 md:grid-cols-2">
          <Field label={t('catalog.form.effectiveFrom')} htmlFor="pb-effective" error={errors?.effectiveFrom} hint={t('catalog.form.effectiveHint', { date: minDate })}>
            <DateInput id="pb-effective" name="effectiveFrom" required aria-invalid={Boolean(errors?.effectiveFrom)} />
          </Field>
          <Field label={t('catalog.form.source')} htmlFor="pb-source" error={errors?.source} hint={t('catalog.form.sourceHint')}>
            <Textarea id="pb-source" name="source" required maxLength={500} aria-invalid={Boolean(errors?.source)} />
          </Field>
        </div>
        {errors?.version ? <FormMessage>{errors.version.join(' ')}</FormMessage> : null}
      </Card>
      <Card title={t('catalog.form.prices', { currency })}>
        <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {PRICE_KEYS[scheme].map((key) => {
            const info = PRICE_KEY_INFO[key];
            const id = `pb-${key.replace(/\./g, '-')}`;
            return (
              <Field key={key} label={locale === 'zh' ? info.labelZh : `${info.labelEn} ${info.labelZh}`} htmlFor={id} error={errors?.[`prices.${key}`]} hint={`${key} · ${locale === 'zh' ? (PRICE_UNIT_ZH[info.unitEn] ?? info.unitEn) : info.unitEn}`}>
                <Input id={id} name={`price.${key}`} inputMode="decimal" defaultValue={prices[key] ?? ''} required aria-invalid={Boolean(errors?.[`prices.${key}`])} />
              </Field>
            );
          })}
        </div>
      </Card>
      <div className="flex justify-end gap-2">
        <LinkButton href="/catalog">{t('common.cancel')}</LinkButton>
        <Button type="submit" disabled={pending}>
          {t('catalog.form.submit', { version })}
        </Button>
      </div>
    </form>
  );
}
