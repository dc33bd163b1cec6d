import { formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/messages';
import type { Translate } from '@/lib/i18n/translate';
import type { CurrencyTotal } from '@/lib/invoices/queries';
import { Stat } from '../ui/card';

/** Totals of the filtered set, one per currency (never added across currencies). */
export function CurrencyTotals({ totals, t, locale }: { totals: CurrencyTotal[]; t: Translate; locale: Locale }) {
  if (totals.length === 0) return null;
  return (
    <div className="mb-3 flex flex-wrap gap-3" data-testid="invoice-totals">
      {totals.map((total) => (
        <Stat
          key={total.currency}
          label={t('invoices.totals.label', { currency: total.currency })}
          value={formatMoney(total.total, total.currency, locale)}
          hint={total.voidCount > 0 ? t('invoices.totals.hintWithVoid', { count: total.count, void: total.voidCount }) : t('invoices.totals.hintNoVoid', { count: total.count })}
        />
      ))}
    </div>
  );
}
