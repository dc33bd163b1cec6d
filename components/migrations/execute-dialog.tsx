'use client';

import { useActionState, useState } from 'react';
import { initialActionState } from '@/lib/action-result';
import { useI18n } from '@/lib/i18n/client';
import { executeMigrationAction } from '@/lib/migrations/actions';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Field, FormMessage, Input } from '../ui/form';

/** The last step: the account id typed again and an explicit "cannot be undone". */
export function ExecuteDialog({
  ticketId,
  account,
  effectiveOn,
  disabled,
}: {
  ticketId: number;
  account: { id: number; name: string };
  effectiveOn: string;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [state, action, pending] = useActionState(executeMigrationAction, initialActionState);
  const errors = state.ok ? undefined : state.fieldErrors;
  const ready = typed.trim() === String(account.id) && understood;
  return (
    <>
      <Button variant="danger" disabled={disabled} onClick={() => setOpen(true)}>
        {t('migrations.execute.button')}
      </Button>
      {open ? (
        <Dialog open={open} onClose={() => setOpen(false)} title={t('migrations.execute.dialogTitle', { name: account.name })}>
          <form action={action} className="flex flex-col gap-3">
            <input type="hidden" name="ticketId" value={ticketId} />
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
