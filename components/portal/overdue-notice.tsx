import type { Translate } from '@/lib/i18n/translate';

/** Why upgrades and paid starts are refused from the portal (DOMAIN.md 13); the server enforces it. */
export function OverdueNotice({ t }: { t: Translate }) {
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="overdue-notice">
      <p className="font-medium">{t('portal.overdue.title')}</p>
      <p className="mt-1 text-amber-800">{t('portal.overdue.body')}</p>
    </div>
  );
}
