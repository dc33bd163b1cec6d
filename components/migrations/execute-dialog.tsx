'use client';

import { useActionState, useState } from 'react';
import { initialActionState } from '@/lib/action-result';
import { useI18n } from '@/lib/i18n/client';
import { executeMigrationAction } from '@/lib/migrations/actions';
import type { CurrentEdition, LegacyEdition } from '@/lib/billing/catalog';
import { formatMoney } from '@/lib/i18n/format';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Field, FormMessage, Input } from '../ui/form';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { editionName } from './labels';
import { usePreviewDraft } from './preview-draft';

/** The preview being executed, restated in the dialog: each app's editions and both totals. */
export type ExecutedPreview = {
  token: string;
  months: string[];
  lastLegacyDay: string;
  apps: { sdkAppId: string; name: string; heldEdition: LegacyEdition; edition: CurrentEdition }[];
  totals: { legacy: string; current: string };
};

/**
 * The last step: the preview restated (what the migration will do), the account id typed again
 * and an explicit "cannot be undone". Disabled while the form differs from the preview shown;
 * the server refuses anything but the ticket's last preview too (executeMigration).
 */
export function ExecuteDialog({
  ticketId,
  account,
  effectiveOn,
  disabled,
  preview,
}: {
  ticketId: number;
  account: { id: number; name: string };
  effectiveOn: string;
  disabled: boolean;
  preview: ExecutedPreview;
}) {
  const { t, locale } = useI18n();
  const draft = usePreviewDraft();
  const months = preview.months.length === 1 ? preview.months[0]! : `${preview.months[0]} – ${preview.months[preview.months.length - 1]}`;
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [state, action, pending] = useActionState(executeMigrationAction, initialActionState);
  const errors = state.ok ? undefined : state.fieldErrors;
  const ready = typed.trim() === String(account.id) && understood;
  return (
    <>
      {draft.stale ? <span className="text-xs text-rose-700">{t('migrations.draft.executeDisabled')}</span> : null}
      <Button variant="danger" disabled={disabled || draft.stale} onClick={() => setOpen(true)}>
        {t('migrations.execute.button')}
      </Button>
      {open && !draft.stale ? (
        <Dialog open={open} onClose={() => setOpen(false)} title={t('migrations.execute.dialogTitle', { name: account.name })}>
          <form action={action} className="flex flex-col gap-3">
            <input type="hidden" name="ticketId" value={ticketId} />
            <input type="hidden" name="previewToken" value={preview.token} />
            <input type="hidden" name="months" value={draft.form.months} />
            {Object.entries(draft.form.editions).map(([sdkAppId, edition]) => (
              <input key={sdkAppId} type="hidden" name={`edition.${sdkAppId}`} value={edition} />
            ))}
            <div className="flex flex-col gap-2 text-sm" data-testid="execute-restate">
              <p className="font-medium">{t('migrations.execute.restate')}</p>
              <Table>
                <THead>
                  <tr>
                    <TH>{t('migrations.execute.restateApp')}</TH>
                    <TH>{t('migrations.execute.restateFrom', { date: preview.lastLegacyDay })}</TH>
                    <TH>{t('migrations.execute.restateTo', { date: effectiveOn })}</TH>
                  </tr>
                </THead>
                <TBody>
                  {preview.apps.map((app) => (
                    <TR key={app.sdkAppId}>
                      <TD>
                        <div className="font-medium">{app.name}</div>
                        <div className="font-mono text-xs text-slate-500">{app.sdkAppId}</div>
                      </TD>
                      <TD>
                        <Badge tone="amber">{editionName(app.heldEdition)}</Badge>
                      </TD>
                      <TD>
                        <Badge tone="blue">{editionName(app.edition)}</Badge>
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
              <p data-testid="execute-totals">
                {t('migrations.execute.restateTotals', {
                  months,
                  legacy: formatMoney(preview.totals.legacy, 'CNY', locale),
                  current: formatMoney(preview.totals.current, 'USD', locale),
                })}
              </p>
            </div>
            <p role="note" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900">
              {t('migrations.execute.warning', { date: effectiveOn })}
            </p>
            {!state.ok && !errors?.confirmAccountId && !errors?.confirmIrreversible ? <FormMessage>{state.message}</FormMessage> : null}
            <Field label={t('migrations.execute.confirmAccount', { id: account.id })} htmlFor="confirmAccountId" error={errors?.confirmAccountId}>
              <Input
                id="confirmAccountId"
                name="confirmAccountId"
                autoComplete="off"
                inputMode="numeric"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                aria-invalid={Boolean(errors?.confirmAccountId)}
                className="w-40 font-mono"
              />
            </Field>
            <label className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="confirmIrreversible"
                checked={understood}
                onChange={(e) => setUnderstood(e.target.checked)}
                className="mt-0.5"
              />
              <span>{t('migrations.execute.confirmIrreversible')}</span>
            </label>
            {errors?.confirmIrreversible ? <p className="text-xs text-rose-700">{errors.confirmIrreversible.join(' ')}</p> : null}
            <div className="flex justify-end gap-2 border-t border-slate-100 pt-3">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" variant="danger" disabled={!ready || pending}>
                {pending ? t('migrations.execute.pending') : t('migrations.execute.submit')}
              </Button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
