'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { useI18n } from '@/lib/i18n/client';
import { Button } from '../ui/button';
import { Field, FormMessage, Input } from '../ui/form';

type Action = (prev: ActionResult, formData: FormData) => Promise<ActionResult>;

const initial: ActionResult = { ok: true };

function Hidden({ fields }: { fields: Record<string, string | number> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/** One button that posts its fields to a calendar action (run now, issue now, retry, resume, release). */
export function ActionButton({ action, fields, label, variant = 'secondary' }: { action: Action; fields: Record<string, string | number>; label: string; variant?: 'primary' | 'secondary' }) {
  const [state, formAction, pending] = useActionState(action, initial);
  return (
    <form action={formAction} className="flex flex-col items-start gap-1">
      <Hidden fields={fields} />
      <Button type="submit" size="sm" variant={variant} disabled={pending}>
        {label}
      </Button>
      {!state.ok ? <FormMessage>{state.message}</FormMessage> : null}
    </form>
  );
}

/** A reason and a button (pause a month), or an account, a reason and a button (hold an account). */
export function ReasonForm({
  action,
  fields,
  withAccount,
  reasonLabel,
  submitLabel,
  idPrefix,
}: {
  action: Action;
  fields: Record<string, string | number>;
  withAccount?: boolean;
  reasonLabel: string;
  submitLabel: string;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, initial);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <Hidden fields={fields} />
      {withAccount ? (
        <Field label={t('calendar.holds.accountId')} htmlFor={`${idPrefix}-account`} error={errors?.accountId?.[0]}>
          <Input id={`${idPrefix}-account`} name="accountId" inputMode="numeric" required className="w-36" aria-invalid={Boolean(errors?.accountId)} />
        </Field>
      ) : null}
      <Field label={reasonLabel} htmlFor={`${idPrefix}-reason`} error={errors?.reason?.[0]}>
        <Input id={`${idPrefix}-reason`} name="reason" required minLength={3} maxLength={500} className="w-72" aria-invalid={Boolean(errors?.reason)} />
      </Field>
      <Button type="submit" size="sm" disabled={pending}>
        {submitLabel}
      </Button>
      {!state.ok && !errors?.reason && !errors?.accountId ? <FormMessage>{state.message}</FormMessage> : null}
    </form>
  );
}
