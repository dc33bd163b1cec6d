import type { Translate } from '@/lib/i18n/translate';
import { Badge } from '../ui/badge';

/** A draft's planned issue date, flagged when it has passed and the draft is still not issued. */
export function PlannedIssue({ date, overdue, t, label = true }: { date: string; overdue: boolean; t: Translate; label?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid="planned-issue">
      <span>{label ? t('invoices.planned', { date }) : date}</span>
      {overdue ? (
        <Badge tone="red" className="uppercase">
          {t('invoices.issueOverdue')}
        </Badge>
      ) : null}
    </span>
  );
}
