'use client';

import { DateInput } from '../ui/date-input';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/action-result';
import type { AddonCode, Edition } from '@/lib/billing/catalog';
import { useI18n } from '@/lib/i18n/client';
import { applyPlanChangeAction, previewPlanChangeAction } from '@/lib/plans/actions';
import type { PlanPreview } from '@/lib/plans/preview';
import type { AppPlan } from '@/lib/plans/queries';
import type { PlanChangeInput } from '@/lib/plans/schemas';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Field, FormMessage, Select } from '../ui/form';
import { addonLabel, editionLabel } from './labels';
import { PlanConfirmation } from './plan-confirmation';

type Change = PlanChangeInput;

/**
 * Ops' plan actions for one app. Every change goes through a confirmation computed by the engine
 * (previewPlanChangeAction); confirming sends the confirmation's digest, so what is applied is
 * exactly what was shown.
 */
export function PlanActions({ plan }: { plan: AppPlan }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [change, setChange] = useState<Change | null>(null);
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [error, setError] = useState<ActionResult<never> | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const defaultEdition = plan.editionOptions.find((e) => e !== plan.state.edition) ?? plan.editionOptions[0] ?? '';
  const [chosenEdition, setEdition] = useState<Edition | ''>(defaultEdition);
  // After a change the options move (Flagship held: only Professional is left): never keep a stale choice.
  const edition = chosenEdition && plan.editionOptions.includes(chosenEdition) ? chosenEdition : defaultEdition;
  const [date, setDate] = useState(plan.minDate);
  const [tier, setTier] = useState<string>(String(plan.retentionTiers.find((d) => d !== plan.state.retention?.days) ?? ''));
  const sdkAppId = plan.sdkAppId;

  function review(next: Change) {
    setDone(null);
    setError(null);
    setDialogError(null);
    startTransition(async () => {
      const result = await previewPlanChangeAction(next);
      if (result.ok && result.data) {
        setChange(next);
        setPreview(result.data);
      } else if (!result.ok) {
        setError(result);
      }
    });
  }

  function confirm() {
    if (!change || !preview) return;
    startTransition(async () => {
      const result = await applyPlanChangeAction({ ...change, digest: preview.digest });
      if (result.ok) {
        setPreview(null);
        setChange(null);
        setDone(t('plan.done', { date: result.data?.effectiveOn ?? '' }));
        router.refresh();
      } else {
        setDialogError(result.message);
      }
    });
  }

  const fieldError = (name: string) => (error && !error.ok ? error.fieldErrors?.[name] : undefined);
  const legacy = plan.scheme === 'LEGACY';
  const pendingDowngrade = plan.state.pendingDowngrade;

  return (
    <div className="flex flex-col gap-4">
      {done ? <FormMessage ok>{done}</FormMessage> : null}
      {error && !error.ok && !error.fieldErrors ? <FormMessage>{error.message}</FormMessage> : null}

      <section aria-labelledby="plan-edition" className="flex flex-col gap-2">
        <h3 id="plan-edition" className="text-xs font-semibold text-slate-600 uppercase">
          {t('plan.edition.title')}
        </h3>
        {pendingDowngrade ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <Badge tone="amber">{t('app.pendingDowngrade', { edition: editionLabel(pendingDowngrade.edition), date: pendingDowngrade.effectiveOn })}</Badge>
            <Button variant="secondary" size="sm" disabled={pending} onClick={() => review({ kind: 'edition', sdkAppId, edition: plan.state.edition })}>
              {t('plan.edition.cancelDowngrade')}
            </Button>
          </div>
        ) : null}
        {plan.editionOptions.length > 0 && !pendingDowngrade ? (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (edition) review({ kind: 'edition', sdkAppId, edition, ...(legacy ? {} : { date }) });
            }}
          >
            <Field label={t('plan.edition.new')} htmlFor="plan-edition-select" error={fieldError('edition')}>
              <Select id="plan-edition-select" value={edition} onChange={(e) => setEdition(e.target.value as Edition)} aria-invalid={Boolean(fieldError('edition'))}>
                {plan.editionOptions.map((e) => (
                  <option key={e} value={e}>
                    {editionLabel(e)}
                  </option>
                ))}
              </Select>
            </Field>
            {legacy ? null : (
              <Field label={t('plan.edition.date')} htmlFor="plan-edition-date" error={fieldError('date')}>
                <DateInput id="plan-edition-date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={Boolean(fieldError('date'))} />
              </Field>
            )}
            <Button type="submit" disabled={pending || !edition}>
              {t('plan.review')}
            </Button>
          </form>
        ) : null}
        <p className="text-xs text-slate-500">{legacy ? t('plan.edition.legacyHint', { today: plan.today }) : t('plan.edition.currentHint')}</p>
      </section>

      {legacy ? (
        <section aria-labelledby="plan-addons" className="flex flex-col gap-2">
          <h3 id="plan-addons" className="text-xs font-semibold text-slate-600 uppercase">
            {t('plan.addons.title')}
          </h3>
          {plan.addons.length === 0 && !plan.retentionOffered ? (
            <p className="text-sm text-slate-500">{t('plan.addons.none', { edition: editionLabel(plan.state.edition) })}</p>
          ) : (
            <div className="relative overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <tbody className="divide-y divide-slate-100">
                {plan.addons.map((addon) => (
                  <tr key={addon.code}>
                    <td className="py-1.5 pr-2">{addonLabel(addon.code, locale)}</td>
                    <td className="py-1.5 pr-2 text-xs text-slate-600">
                      {addon.status === 'running' && addon.cycle ? (
                        <Badge tone="green">{t('plan.addons.running', { from: addon.cycle.from, to: addon.cycle.to })}</Badge>
                      ) : addon.status === 'stopping' ? (
                        <Badge tone="amber">{t('app.addon.stopsAfter', { date: addon.stopsAfter ?? '' })}</Badge>
                      ) : (
                        <span className="text-slate-500">{t('plan.addons.off')}</span>
                      )}
                    </td>
                    <td className="py-1.5 text-right">
                      {addon.status === 'running' ? (
                        <Button variant="secondary" size="sm" disabled={pending} onClick={() => review({ kind: 'addonStop', sdkAppId, addon: addon.code })} aria-label={`${t('plan.addons.stop')} ${addonLabel(addon.code, 'en')}`}>
                          {t('plan.addons.stop')}
                        </Button>
                      ) : (
                        <Button variant="secondary" size="sm" disabled={pending} onClick={() => review({ kind: 'addonStart', sdkAppId, addon: addon.code as AddonCode })} aria-label={`${addon.status === 'stopping' ? t('plan.addons.keep') : t('plan.addons.start')} ${addonLabel(addon.code, 'en')}`}>
                          {addon.status === 'stopping' ? t('plan.addons.keep') : t('plan.addons.start')}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
                {plan.retentionOffered ? (
                  <tr>
                    <td className="py-1.5 pr-2">{addonLabel('HISTORY_RETENTION', locale)}</td>
                    <td className="py-1.5 pr-2 text-xs text-slate-600">
                      {plan.state.retention ? (
                        <Badge tone="green">{t('app.retention', { days: plan.state.retention.days, date: plan.state.retention.since })}</Badge>
                      ) : (
                        <span className="text-slate-500">{t('plan.addons.off')}</span>
                      )}
                    </td>
                    <td className="py-1.5 text-right">
                      <form
                        className="inline-flex items-center gap-1.5"
                        onSubmit={(event) => {
                          event.preventDefault();
                          review({ kind: 'addonStart', sdkAppId, addon: 'HISTORY_RETENTION', days: Number(tier) });
                        }}
                      >
                        <label htmlFor="plan-retention-tier" className="sr-only">
                          {t('plan.addons.tier')}
                        </label>
                        <Select id="plan-retention-tier" value={tier} onChange={(e) => setTier(e.target.value)} className="h-7 text-xs" aria-invalid={Boolean(fieldError('days'))}>
                          {plan.retentionTiers.map((d) => (
                            <option key={d} value={d}>
                              {t('plan.addons.days', { days: d })}
                            </option>
                          ))}
                        </Select>
                        <Button type="submit" variant="secondary" size="sm" disabled={pending}>
                          {plan.state.retention ? t('plan.addons.changeTier') : t('plan.addons.start')}
                        </Button>
                        {plan.state.retention ? (
                          <Button variant="secondary" size="sm" disabled={pending} onClick={() => review({ kind: 'addonStop', sdkAppId, addon: 'HISTORY_RETENTION' })}>
                            {t('plan.addons.stop')}
                          </Button>
                        ) : null}
                      </form>
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
            </div>
          )}
          {fieldError('addon') || fieldError('days') ? <FormMessage>{(fieldError('addon') ?? fieldError('days'))!.join(' ')}</FormMessage> : null}
        </section>
      ) : null}
      <p className="text-xs text-slate-500">{t('plan.friendsNote')}</p>

      <Dialog
        open={preview !== null}
        onClose={() => {
          setPreview(null);
          setChange(null);
        }}
        title={t('plan.confirm.title')}
        size="xl"
        footer={
          <>
            <Button variant="secondary" onClick={() => setPreview(null)} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirm} disabled={pending}>
              {t('plan.confirm.submit')}
            </Button>
          </>
        }
      >
        {dialogError ? (
          <div className="mb-3">
            <FormMessage>{dialogError}</FormMessage>
          </div>
        ) : null}
        {preview ? <PlanConfirmation preview={preview} /> : null}
      </Dialog>
    </div>
  );
}
