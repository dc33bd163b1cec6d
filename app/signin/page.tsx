import { redirect } from 'next/navigation';
import { homeFor } from '@/components/shell/nav';
import { SignInForm } from '@/components/shell/sign-in-form';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { getActor } from '@/lib/auth/guard';
import { getI18n } from '@/lib/i18n/server';
import { translatedTitle } from '@/lib/i18n/metadata';

export const generateMetadata = translatedTitle('title.signIn');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  // Only a page of this console is returned to; a malformed or foreign value is ignored.
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl, process.env.NEXTAUTH_URL);
  const actor = await getActor();
  if (actor) redirect(callbackPath ?? homeFor(actor.role));
  const { t } = await getI18n();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <h1 className="text-lg font-semibold">{t('console.title')}</h1>
          <p className="text-sm text-slate-500">{t('console.subtitle')}</p>
        </div>
        <SignInForm callbackPath={callbackPath} />
      </div>
    </main>
  );
}
