'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { startBillingRunAction } from '@/lib/billing-runs/actions';
import { useI18n } from '@/lib/i18n/client';
import { Button } from '../ui/button';
import { Field, FormMessage, Input } from '../ui/form';

const initial: ActionResult = { ok: true };

/** "Run month": starts the run and opens its page (the action redirects). */
export function RunMonthForm({ defaultMonth, latestMonth }: { defaultMonth: string; latestMonth: string }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(startBillingRunAction, initial);
  const error = state.ok ? undefined : (state.fieldErrors?.month ?? state.message);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <Field label={t('runs.form.month')} htmlFor="run-month" error={error} hint={t('runs.form.hint', { month: latestMonth })}>
        <Input id="run-month" name="month" type="month" required defaultValue={defaultMonth} max={latestMonth} aria-invalid={Boolean(error)} className="w-44" />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t('runs.form.starting') : t('runs.form.submit')}
      </Button>
      {!state.ok && !state.fieldErrors?.month ? <FormMessage>{state.message}</FormMessage> : null}
    </form>
  );
}
