'use client';

import { useActionState, useState } from 'react';
import { adjustmentAction, refundAction, topUpAction, type MoneyActionResult } from '@/lib/balances/actions';
import { useI18n } from '@/lib/i18n/client';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Field, FormMessage, Input, Select } from '../ui/form';

const initial: MoneyActionResult = { ok: true };
type Kind = 'topUp' | 'refund' | 'adjust';

function errorOf(state: MoneyActionResult, field: string): string[] | undefined {
  return state.ok ? undefined : state.fieldErrors?.[field];
}

function MoneyForm({ kind, accountId, currencies, onDone }: { kind: Kind; accountId: number; currencies: string[]; onDone: () => void }) {
  const { t } = useI18n();
  const action = kind === 'topUp' ? topUpAction : kind === 'refund' ? refundAction : adjustmentAction;
  const [state, submit, pending] = useActionState(action, initial);
  const id = (name: string) => `${kind}-${name}`;
  return (
    <form action={submit} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <Field label={t('money.form.currency')} htmlFor={id('currency')} error={errorOf(state, 'currency')}>
        <Select id={id('currency')} name="currency" defaultValue={currencies[0]}>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(kind === 'adjust' ? 'money.form.signedAmount' : 'money.form.amount')} htmlFor={id('amount')} error={errorOf(state, 'amount')}>
        <Input id={id('amount')} name="amount" inputMode="decimal" autoComplete="off" aria-invalid={Boolean(errorOf(state, 'amount'))} />
      </Field>
      {kind !== 'adjust' ? (
        <Field label={t('money.form.reference')} htmlFor={id('reference')} error={errorOf(state, 'reference')}>
          <Input id={id('reference')} name="reference" autoComplete="off" aria-invalid={Boolean(errorOf(state, 'reference'))} />
        </Field>
      ) : null}
      {kind !== 'topUp' ? (
        <Field label={t(kind === 'adjust' ? 'money.form.reason' : 'money.form.optionalReason')} htmlFor={id('reason')} error={errorOf(state, 'reason')}>
          <Input id={id('reason')} name="reason" autoComplete="off" aria-invalid={Boolean(errorOf(state, 'reason'))} />
        </Field>
      ) : null}
      {!state.ok ? <FormMessage>{state.message}</FormMessage> : null}
      {state.ok && state.data ? <FormMessage ok>{t('money.saved', { balance: state.data.balance })}</FormMessage> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" disabled={pending}>
          {t(`money.${kind}`)}
        </Button>
      </div>
    </form>
  );
}

/** Ops' top-up, refund and adjustment forms for one account. */
export function BalanceActions({ accountId, currencies }: { accountId: number; currencies: string[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Kind | null>(null);
  return (
    <>
      <Button size="sm" onClick={() => setOpen('topUp')}>
        {t('money.topUp')}
      </Button>
      <Button size="sm" variant="secondary" onClick={() => setOpen('refund')}>
        {t('money.refund')}
      </Button>
      <Button size="sm" variant="secondary" onClick={() => setOpen('adjust')}>
        {t('money.adjust')}
      </Button>
      {open ? (
        <Dialog open onClose={() => setOpen(null)} title={t(`money.${open}`)}>
          <MoneyForm key={open} kind={open} accountId={accountId} currencies={currencies} onDone={() => setOpen(null)} />
        </Dialog>
      ) : null}
    </>
  );
}
