'use client';

import { useI18n } from '@/lib/i18n/client';
import { Button } from '../ui/button';

export function PrintButton() {
  const { t } = useI18n();
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      {t('invoice.print')}
    </Button>
  );
}
