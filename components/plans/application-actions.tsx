'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { decideApplicationAction, submitApplicationAction } from '@/lib/features/actions';
import { useI18n } from '@/lib/i18n/client';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Field, FormMessage, Input, Textarea } from '../ui/form';

/** Approve or reject a pending broadcast-push application (ops). */
export function DecideApplication({ applicationId }: { applicationId: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string[] | undefined>();
  const run = (input: Parameters<typeof decideApplicationAction>[0]) =>
    startTransition(async () => {
      const result = await decideApplicationAction(input);
      if (result.ok) {
        setRejecting(false);
        setError(null);
        router.refresh();
      } else {
        setReasonError(result.fieldErrors?.reason);
        setError(result.fieldErrors?.reason ? null : result.message);
      }
    });
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <Button size="sm" disabled={pending} onClick={() => run({ decision: 'approve', applicationId })}>
        {t('fapp.approve')}
      </Button>
      <Button size="sm" variant="secondary" disabled={pending} onClick={() => setRejecting(true)}>
        {t('fapp.reject')}
      </Button>
      {error ? <FormMessage>{error}</FormMessage> : null}
      <Dialog
        open={rejecting}
        onClose={() => setRejecting(false)}
        title={t('fapp.reject.title')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setRejecting(false)} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button variant="danger" disabled={pending} onClick={() => run({ decision: 'reject', applicationId, reason })}>
              {t('fapp.reject')}
            </Button>
          </>
        }
      >
        <Field label={t('fapp.reason')} htmlFor={`reject-reason-${applicationId}`} error={reasonError}>
          <Textarea id={`reject-reason-${applicationId}`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </Field>
      </Dialog>
    </div>
  );
}

/** Files a customer's application for broadcast push on a Pro app (ops, on the customer's behalf). */
export function SubmitApplication({ sdkAppId }: { sdkAppId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await submitApplicationAction({ sdkAppId, note });
          if (result.ok) {
            setNote('');
            setError(null);
            router.refresh();
          } else setError(result.message);
        });
      }}
    >
      <Field label={t('fapp.note')} htmlFor="fapp-note" className="min-w-72 flex-1">
        <Input id="fapp-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </Field>
      <Button type="submit" size="md" disabled={pending}>
        {t('fapp.submit')}
      </Button>
      {error ? <FormMessage>{error}</FormMessage> : null}
    </form>
  );
}
