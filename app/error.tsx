'use client';

import { useEffect } from 'react';
import { Button, LinkButton } from '@/components/ui/button';
import { useI18n } from '@/lib/i18n/client';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  useEffect(() => console.error(error), [error]);
  return (
    <div className="mx-auto mt-24 max-w-md rounded-lg border border-rose-200 bg-white p-8 text-center">
      <h1 className="text-lg font-semibold">{t('error.generic.title')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('error.generic.body')}</p>
      {error.digest ? <p className="mt-1 font-mono text-xs text-slate-500">{error.digest}</p> : null}
      <div className="mt-5 flex justify-center gap-2">
        <Button onClick={reset}>{t('error.retry')}</Button>
        <LinkButton href="/">{t('error.home')}</LinkButton>
      </div>
    </div>
  );
}
