'use client';

import { startTransition, useActionState } from 'react';
import { initialActionState } from '@/lib/action-result';
import { CURRENT_EDITIONS, type CurrentEdition } from '@/lib/billing/catalog';
import { useI18n } from '@/lib/i18n/client';
import { previewTicketAction } from '@/lib/migrations/actions';
import type { PreviewChoice } from '@/lib/migrations/queries';
import { MAX_PREVIEW_MONTHS } from '@/lib/migrations/schemas';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Field, FormMessage, Select } from '../ui/form';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { editionName } from './labels';
import { usePreviewDraft } from './preview-draft';

/** The form's choices live in PreviewDraftProvider, so the page knows at once when they stop matching the preview. */
export function PreviewForm({
  ticketId,
  apps,
  effectiveOn,
  lastLegacyDay,
  previewed,
}: {
  ticketId: number;
  apps: PreviewChoice[];
  effectiveOn: string;
  lastLegacyDay: string;
  previewed: boolean;
}) {
  const { t } = useI18n();
  const draft = usePreviewDraft();
  const [state, action, pending] = useActionState(previewTicketAction, initialActionState);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form
      // Submitted by hand rather than through `action`: React resets a form after its action,
      // which would put the selects back to the page's first values while the state (and the
      // preview just computed) keeps the chosen ones.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
      className="flex flex-col gap-3"
      aria-label={t('migrations.preview.title')}
    >
      <input type="hidden" name="ticketId" value={ticketId} />
      <p className="text-sm text-slate-600">{t('migrations.preview.intro', { date: effectiveOn })}</p>
      {!state.ok ? <FormMessage>{state.message}</FormMessage> : null}
      {apps.length === 0 ? (
        <p className="text-sm text-slate-600">{t('migrations.preview.noApps')}</p>
      ) : (
        <Table>
          <THead>
            <tr>
              <TH>{t('migrations.preview.app')}</TH>
              <TH>{t('migrations.preview.held', { date: lastLegacyDay })}</TH>
              <TH>{t('migrations.preview.choose', { date: effectiveOn })}</TH>
            </tr>
          </THead>
          <TBody>
            {apps.map((app) => {
              const name = `edition.${app.sdkAppId}`;
              const error = errors?.[name] ?? errors?.[`editions.${app.sdkAppId}`];
              return (
                <TR key={app.sdkAppId}>
                  <TD>
                    <label htmlFor={name} className="font-medium">
                      {app.name}
                    </label>
                    <div className="font-mono text-xs text-slate-500">
                      {app.sdkAppId} · {t(`dc.${app.dataCenter}` as never)}
                    </div>
                  </TD>
                  <TD>
                    <Badge tone="amber">{editionName(app.heldEdition)}</Badge>
                  </TD>
                  <TD>
                    <Select
                      id={name}
                      name={name}
                      value={draft.form.editions[app.sdkAppId] ?? app.defaultEdition}
                      onChange={(e) => draft.setEdition(app.sdkAppId, e.target.value as CurrentEdition)}
                      aria-invalid={Boolean(error)}
                      // A choice that is not the one previewed stands out.
                      className={draft.changes.some((c) => c.kind === 'edition' && c.sdkAppId === app.sdkAppId) ? 'ring-2 ring-rose-400' : undefined}
                    >
                      {CURRENT_EDITIONS.map((e) => (
                        <option key={e} value={e}>
                          {editionName(e)}
                          {e === app.defaultEdition ? ` (${t('migrations.preview.default')})` : ''}
                        </option>
                      ))}
                    </Select>
                    {error ? <p className="mt-1 text-xs text-rose-700">{error.join(' ')}</p> : null}
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t('migrations.preview.months')} htmlFor="months" error={errors?.months}>
          <Select
            id="months"
            name="months"
            value={String(draft.form.months)}
            onChange={(e) => draft.setMonths(Number(e.target.value))}
            className={draft.changes.some((c) => c.kind === 'months') ? 'w-32 ring-2 ring-rose-400' : 'w-32'}
          >
            {Array.from({ length: MAX_PREVIEW_MONTHS }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {t('migrations.preview.monthsOption', { count: n })}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={pending} variant={previewed && !draft.stale ? 'secondary' : 'primary'}>
          {pending ? t('migrations.preview.pending') : previewed ? t('migrations.preview.again') : t('migrations.preview.submit')}
        </Button>
      </div>
    </form>
  );
}
