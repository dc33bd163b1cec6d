'use client';

import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { useI18n } from '@/lib/i18n/client';
import { createCorrectionAction, issueInvoiceAction, markPaidAction, voidInvoiceAction } from '@/lib/invoices/actions';
import type { InvoiceStatus } from '@/lib/invoices/schemas';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Field, FormMessage, Textarea } from '../ui/form';

const initial: ActionResult = { ok: true };

function Result({ state }: { state: ActionResult }) {
  if (state.ok) return null;
  return <FormMessage>{state.message}</FormMessage>;
}

/** Ops' buttons for the invoice's next step: issue a draft, mark paid, void with a reason, correct a void one. */
export function InvoiceActions({ id, status, corrected, plannedDate }: { id: number; status: InvoiceStatus; corrected: boolean; plannedDate: string }) {
  const { t } = useI18n();
  const [issueState, issue, issuing] = useActionState(issueInvoiceAction, initial);
  const [payState, pay, paying] = useActionState(markPaidAction, initial);
  const [voidState, voidIt, voiding] = useActionState(voidInvoiceAction, initial);
  const [correctState, correct, correcting] = useActionState(createCorrectionAction, initial);
  const [voidOpen, setVoidOpen] = useState(false);
  const [issueOpen, setIssueOpen] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status === 'DRAFT' ? (
        <>
          <Button onClick={() => setIssueOpen(true)}>{t('invoice.action.issue')}</Button>
          <Dialog
            open={issueOpen}
            onClose={() => setIssueOpen(false)}
            title={t('invoice.action.issueTitle')}
            footer={
              <>
                <Button variant="secondary" onClick={() => setIssueOpen(false)}>
                  {t('common.cancel')}
                </Button>
                <form action={issue}>
                  <input type="hidden" name="id" value={id} />
                  <Button type="submit" disabled={issuing}>
                    {t('invoice.action.issueConfirm')}
                  </Button>
                </form>
              </>
            }
          >
            <p>{t('invoice.action.issueBody', { date: plannedDate })}</p>
            <Result state={issueState} />
          </Dialog>
        </>
      ) : null}
      {status === 'ISSUED' ? (
        <form action={pay}>
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="secondary" disabled={paying}>
            {t('invoice.action.markPaid')}
          </Button>
        </form>
      ) : null}
      {status === 'ISSUED' || status === 'PAID' ? (
        <>
          <Button variant="danger" onClick={() => setVoidOpen(true)}>
            {t('invoice.action.void')}
          </Button>
          <Dialog
            open={voidOpen}
            onClose={() => setVoidOpen(false)}
            title={t('invoice.action.voidTitle')}
          >
            <form action={voidIt} className="flex flex-col gap-3">
              <input type="hidden" name="id" value={id} />
              <p>{t('invoice.action.voidBody')}</p>
              <Field label={t('invoice.action.voidReason')} htmlFor="void-reason" error={voidState.ok ? undefined : voidState.fieldErrors?.reason}>
                <Textarea id="void-reason" name="reason" required minLength={3} maxLength={500} aria-invalid={!voidState.ok && Boolean(voidState.fieldErrors?.reason)} />
              </Field>
              <Result state={voidState} />
              <div className="flex justify-end gap-2">
                <Button variant="secondary" onClick={() => setVoidOpen(false)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" variant="danger" disabled={voiding}>
                  {t('invoice.action.voidConfirm')}
                </Button>
              </div>
            </form>
          </Dialog>
        </>
      ) : null}
      {status === 'VOID' && !corrected ? (
        <form action={correct}>
          <input type="hidden" name="id" value={id} />
          <Button type="submit" disabled={correcting}>
            {t('invoice.action.correct')}
          </Button>
        </form>
      ) : null}
      {/* "Issued as …" belongs to the issued state only: once paid or void, the badge says what holds. */}
      {status === 'ISSUED' && issueState.ok && issueState.message ? <FormMessage ok>{t('invoice.action.issued', { number: issueState.message })}</FormMessage> : null}
      <Result state={payState} />
      <Result state={correctState} />
    </div>
  );
}
