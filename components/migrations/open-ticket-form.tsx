'use client';

import { useActionState } from 'react';
import { initialActionState } from '@/lib/action-result';
import { useI18n } from '@/lib/i18n/client';
import { openTicketAction } from '@/lib/migrations/actions';
import { Button } from '../ui/button';
import { Field, FormMessage, Input, Textarea } from '../ui/form';

/** Opens a ticket; with `account` the account is fixed, otherwise its id is typed. */
export function OpenTicketForm({ account }: { account: { id: number; name: string } | null }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(openTicketAction, initialActionState);
  const errors = state.ok ? undefined : state.fieldErrors;
  // A fixed account has no visible field for its errors: those go to the form's message.
  const shownAtField = Boolean((errors?.accountId && !account) || errors?.requestRef || errors?.notes);
  return (
    <form action={action} className="flex max-w-xl flex-col gap-3" noValidate>
      {!state.ok && !shownAtField ? <FormMessage>{state.message}</FormMessage> : null}
      {account ? (
        <Field label={t('migrations.field.account')} htmlFor="account-name">
          <input type="hidden" name="accountId" value={account.id} />
          <Input id="account-name" value={`${account.name} (${account.id})`} readOnly disabled />
        </Field>
      ) : (
        <Field label={t('migrations.field.accountId')} htmlFor="accountId" error={errors?.accountId}>
          <Input id="accountId" name="accountId" inputMode="numeric" required aria-invalid={Boolean(errors?.accountId)} className="w-40" />
        </Field>
      )}
      <Field label={t('migrations.field.requestRef')} htmlFor="requestRef" error={errors?.requestRef} hint={t('migrations.field.requestRefHint')}>
        <Input id="requestRef" name="requestRef" required maxLength={100} aria-invalid={Boolean(errors?.requestRef)} />
      </Field>
      <Field label={t('migrations.field.notes')} htmlFor="notes" error={errors?.notes} hint={t('migrations.field.notesHint')}>
        <Textarea id="notes" name="notes" maxLength={2000} rows={4} aria-invalid={Boolean(errors?.notes)} />
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          {t('migrations.submitOpen')}
        </Button>
      </div>
    </form>
  );
}
