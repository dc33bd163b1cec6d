import { LinkButton } from '@/components/ui/button';
import { getI18n } from '@/lib/i18n/server';

export default async function Forbidden() {
  const { t } = await getI18n();
  return (
    <div className="mx-auto mt-24 max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center">
      <h1 className="text-lg font-semibold">{t('error.forbidden.title')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('error.forbidden.body')}</p>
      <LinkButton href="/" className="mt-5">
        {t('error.home')}
      </LinkButton>
    </div>
  );
}
