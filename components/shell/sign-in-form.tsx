'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, useTransition } from 'react';
import { useI18n } from '@/lib/i18n/client';
import { Button } from '../ui/button';
import { Field, FormMessage, Input } from '../ui/form';
import { LanguageSwitcher } from './shell-client';

/** `callbackPath`: the page to open once signed in (already checked to be this console's), else home. */
export function SignInForm({ callbackPath }: { callbackPath: string | null }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      method="post"
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-6 shadow-xs"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(async () => {
          setError(null);
          const result = await signIn('credentials', {
            email: String(form.get('email') ?? ''),
            password: String(form.get('password') ?? ''),
            redirect: false,
            callbackUrl: callbackPath ?? '/',
          });
          if (!result || result.error) {
            setError(result?.error === 'THROTTLED' ? t('signin.throttled') : t('signin.failed'));
            return;
          }
          router.replace(callbackPath ?? '/');
          router.refresh();
        });
      }}
    >
      <div className="flex items-center justify-between">
        <h2 className="text-base font-semibold">{t('signin.title')}</h2>
        <LanguageSwitcher />
      </div>
      <Field label={t('signin.email')} htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="username" required />
      </Field>
      <Field label={t('signin.password')} htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <FormMessage>{error}</FormMessage>
      <Button type="submit" disabled={pending}>
        {t('signin.submit')}
      </Button>
    </form>
  );
}
