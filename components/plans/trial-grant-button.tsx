'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useI18n } from '@/lib/i18n/client';
import { grantTrialAction } from '@/lib/trials/actions';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { FormMessage } from '../ui/form';

/** Grants a 60-day audio/video call trial after a confirmation that states the dates (ops grant it; a customer starts it). */
export function TrialGrantButton({ sdkAppId, from, to, customer = false }: { sdkAppId: string; from: string; to: string; customer?: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <>
      <Button size="sm" onClick={() => { setMessage(null); setOpen(true); }}>
        {customer ? t('trial.portal.start') : t('trial.grant')}
      </Button>
      {message ? <FormMessage ok={message.ok}>{message.text}</FormMessage> : null}
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('trial.confirm.title')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  const result = await grantTrialAction({ sdkAppId });
                  setOpen(false);
                  if (result.ok) {
                    setMessage({ ok: true, text: t('trial.granted', { from: result.data?.startOn ?? from, to: result.data?.endOn ?? to }) });
                    router.refresh();
                  } else setMessage({ ok: false, text: result.message });
                })
              }
            >
              {customer ? t('trial.portal.confirm') : t('trial.confirm.submit')}
            </Button>
          </>
        }
      >
        <p>{t('trial.confirm.body', { from, to })}</p>
      </Dialog>
    </>
  );
}
