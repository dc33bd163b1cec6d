'use client';

import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { dueDateAction, recordPaymentAction, type MoneyActionResult } from '@/lib/balances/actions';
import { useI18n } from '@/lib/i18n/client';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Field, FormMessage, Input } from '../ui/form';

const initialMoney: MoneyActionResult = { ok: true };
const initial: ActionResult = { ok: true };

/** Ops on an issued invoice: record a payment for it (what "mark paid" was), change its due date. */
export function InvoiceMoneyActions({ invoiceId, open, dueDate }: { invoiceId: number; open: boolean; dueDate: string | null }) {
  const { t } = useI18n();
  const [payState, pay, paying] = useActionState(recordPaymentAction, initialMoney);
  const [dueState, setDue, saving] = useActionState(dueDateAction, initial);
  const [which, setWhich] = useState<'pay' | 'due' | null>(null);
  const err = (state: ActionResult<unknown>, field: string) => (state.ok ? undefined : state.fieldErrors?.[field]);
  return (
    <>
      {open ? (
        <Button size="sm" onClick={() => setWhich('pay')}>
          {t('money.invoice.recordPayment')}
        </Button>
      ) : null}
      {dueDate ? (
        <Button size="sm" variant="secondary" onClick={() => setWhich('due')}>
          {t('money.invoice.changeDueDate')}
        </Button>
      ) : null}
      <Dialog open={which === 'pay'} onClose={() => setWhich(null)} title={t('money.invoice.recordPaymentTitle')}>
        <form action={pay} className="flex flex-col gap-3" noValidate>
          <p>{t('money.invoice.recordPaymentBody')}</p>
          <input type="hidden" name="invoiceId" value={invoiceId} />
          <Field label={t('money.form.amount')} htmlFor="pay-amount" error={err(payState, 'amount')}>
            <Input id="pay-amount" name="amount" inputMode="decimal" autoComplete="off" aria-invalid={Boolean(err(payState, 'amount'))} />
          </Field>
          <Field label={t('money.form.reference')} htmlFor="pay-reference" error={err(payState, 'reference')}>
            <Input id="pay-reference" name="reference" autoComplete="off" aria-invalid={Boolean(err(payState, 'reference'))} />
          </Field>
          {!payState.ok ? <FormMessage>{payState.message}</FormMessage> : null}
          {payState.ok && payState.data ? <FormMessage ok>{t('money.saved', { balance: payState.data.balance })}</FormMessage> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setWhich(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={paying}>
              {t('money.invoice.recordPayment')}
            </Button>
          </div>
        </form>
      </Dialog>
      <Dialog open={which === 'due'} onClose={() => setWhich(null)} title={t('money.invoice.changeDueDate')}>
        <form action={setDue} className="flex flex-col gap-3" noValidate>
          <input type="hidden" name="invoiceId" value={invoiceId} />
          <Field label={t('money.invoice.dueDate')} htmlFor="due-date" error={err(dueState, 'dueDate')}>
            <Input id="due-date" name="dueDate" type="date" defaultValue={dueDate ?? ''} aria-invalid={Boolean(err(dueState, 'dueDate'))} />
          </Field>
          {!dueState.ok ? <FormMessage>{dueState.message}</FormMessage> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setWhich(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={saving}>
              {t('money.invoice.save')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
