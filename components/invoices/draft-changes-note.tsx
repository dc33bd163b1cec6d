import Link from 'next/link';
import type { Locale } from '@/lib/i18n/messages';
import { formatDateTime } from '@/lib/i18n/format';
import type { Translate } from '@/lib/i18n/translate';
import type { DraftChanges } from '@/lib/invoices/queries';

/** On a draft whose inputs changed after it was rated: what changed, and that a re-run of the month replaces it. */
export function DraftChangesNote({ changes, month, t, locale }: { changes: DraftChanges; month: string; t: Translate; locale: Locale }) {
  const parts = [
    changes.usageRows > 0 ? t('invoice.changes.usage', { count: changes.usageRows, at: formatDateTime(changes.lastUsageAt ?? changes.ratedAt, locale) }) : null,
    changes.planChanges > 0 ? t('invoice.changes.plan', { count: changes.planChanges }) : null,
    changes.migrated ? t('invoice.changes.migration') : null,
  ].filter((part): part is string => part !== null);
  return (
    <div role="status" className="no-print rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">{t('invoice.changes.title', { at: formatDateTime(changes.ratedAt, locale) })}</p>
      <ul className="mt-1 list-disc pl-5">
        {parts.map((part) => (
          <li key={part}>{part}</li>
        ))}
      </ul>
      <p className="mt-1">
        {t('invoice.changes.action', { month })}{' '}
        <Link href={`/billing-runs?month=${month}`} className="font-medium underline">
          {t('invoice.changes.link')}
        </Link>
      </p>
    </div>
  );
}
