'use client';

import { useActionState, useState } from 'react';
import { initialActionState } from '@/lib/action-result';
import { useI18n } from '@/lib/i18n/client';
import { rejectTicketAction } from '@/lib/migrations/actions';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Field, FormMessage, Textarea } from '../ui/form';

export function RejectDialog({ ticketId }: { ticketId: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(rejectTicketAction, initialActionState);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('migrations.reject.button')}
      </Button>
      {open ? (
        <Dialog open={open} onClose={() => setOpen(false)} title={t('migrations.reject.dialogTitle', { id: ticketId })}>
          <form action={action} className="flex flex-col gap-3">
            <input type="hidden" name="ticketId" value={ticketId} />
            {!state.ok && !errors?.reason ? <FormMessage>{state.message}</FormMessage> : null}
            <Field label={t('migrations.reject.reason')} htmlFor="reason" error={errors?.reason}>
              <Textarea id="reason" name="reason" required maxLength={1000} rows={3} aria-invalid={Boolean(errors?.reason)} />
            </Field>
            <div className="flex justify-end gap-2 border-t border-slate-100 pt-3">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" variant="danger" disabled={pending}>
                {t('migrations.reject.submit')}
              </Button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
