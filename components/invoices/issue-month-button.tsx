'use client';

import { useActionState, useState } from 'react';
import { issueMonthAction, type IssueMonthResult } from '@/lib/invoices/actions';
import type { ActionResult } from '@/lib/action-result';
import { useI18n } from '@/lib/i18n/client';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { FormMessage } from '../ui/form';

const initial: ActionResult<IssueMonthResult> = { ok: true };

/** "Issue all N drafts of 2026-10", with a confirmation: numbers are taken for good. */
export function IssueMonthButton({ month, drafts, plannedDate }: { month: string; drafts: number; plannedDate: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(issueMonthAction, initial);
  const done = state.ok && state.data;
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={drafts === 0}>
        {t('invoices.issueMonth.button', { count: drafts, month })}
      </Button>
      {done ? (
        <FormMessage ok>{t('invoices.issueMonth.done', { count: state.data!.issued, first: state.data!.first ?? '', last: state.data!.last ?? '' })}</FormMessage>
      ) : null}
      {!state.ok ? <FormMessage>{state.message}</FormMessage> : null}
      <Dialog
        open={open && !done}
        onClose={() => setOpen(false)}
        title={t('invoices.issueMonth.title', { month })}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <form action={action}>
              <input type="hidden" name="month" value={month} />
              <Button type="submit" disabled={pending}>
                {t('invoices.issueMonth.confirm', { count: drafts })}
              </Button>
            </form>
          </>
        }
      >
        <p>{t('invoices.issueMonth.body', { count: drafts, month, date: plannedDate })}</p>
      </Dialog>
    </>
  );
}
