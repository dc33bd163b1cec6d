'use client';

import { startTransition, useActionState } from 'react';
import { initialActionState } from '@/lib/action-result';
import { useI18n } from '@/lib/i18n/client';
import { requestMigrationAction } from '@/lib/migrations/actions';
import { Button } from '../ui/button';
import { Field, FormMessage, Textarea } from '../ui/form';

/** The customer's request for migration: their wish, sent to their account manager as a ticket. */
export function MigrationRequestForm({ accountId }: { accountId: number }) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(requestMigrationAction, initialActionState);
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        // Submitted by hand so a refused form keeps what was typed.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <input type="hidden" name="accountId" value={accountId} />
      {!state.ok && !errors?.wish ? <FormMessage>{state.message}</FormMessage> : null}
      <Field label={t('migration.portal.wish')} htmlFor="migration-wish" error={errors?.wish}>
        <Textarea id="migration-wish" name="wish" rows={4} required minLength={3} maxLength={2000} aria-invalid={Boolean(errors?.wish)} />
      </Field>
      <p className="text-xs text-slate-500">{t('migration.portal.wishHint')}</p>
      <div>
        <Button type="submit" disabled={pending}>
          {t('migration.portal.submit')}
        </Button>
      </div>
    </form>
  );
}
