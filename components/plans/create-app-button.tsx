'use client';

import { startTransition, useActionState, useState } from 'react';
import { initialActionState } from '@/lib/action-result';
import { DATA_CENTERS } from '@/lib/billing/catalog';
import { useI18n } from '@/lib/i18n/client';
import { createAppAction } from '@/lib/plans/actions';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Field, FormMessage, Input, Select } from '../ui/form';

export function CreateAppButton({ accountId, startsOn }: { accountId: number; startsOn: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(createAppAction, initialActionState);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('plan.createApp')}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('plan.createApp.title')}>
        <form
      onSubmit={(event) => {
        // Submitted by hand so a refused form keeps what was typed (a form action resets the form).
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="flex flex-col gap-3">
          <input type="hidden" name="accountId" value={accountId} />
          {!state.ok && !errors ? <FormMessage>{state.message}</FormMessage> : null}
          <Field label={t('plan.createApp.name')} htmlFor="create-app-name" error={errors?.name}>
            <Input id="create-app-name" name="name" required maxLength={100} aria-invalid={Boolean(errors?.name)} />
          </Field>
          <Field label={t('plan.createApp.dataCenter')} htmlFor="create-app-dc" error={errors?.dataCenter}>
            <Select id="create-app-dc" name="dataCenter" defaultValue="CHINA">
              {DATA_CENTERS.map((dc) => (
                <option key={dc} value={dc}>
                  {t(`dc.${dc}`)}
                </option>
              ))}
            </Select>
          </Field>
          <p className="text-xs text-slate-500">{t('plan.createApp.hint', { edition: startsOn })}</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={pending}>
              {t('plan.createApp.submit')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
