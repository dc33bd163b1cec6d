'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import Decimal from 'decimal.js';
import type { InvoiceRow } from '@/lib/invoices/queries';
import { holdSelectedAction, issueSelectedAction } from '@/lib/invoices/bulk-actions';
import { useI18n } from '@/lib/i18n/client';
import { formatMoney } from '@/lib/i18n/format';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Field, Input } from '../ui/form';

/**
 * What can be done with the selected invoices: issue the drafts among them (after a
 * confirmation saying how many, and their totals per currency), export them, clear.
 */
export function InvoicesBulkBar({ selected, canIssue, onClear }: { selected: InvoiceRow[]; canIssue: boolean; onClear: () => void }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [holding, setHolding] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (selected.length === 0 && !message) return null;

  const drafts = selected.filter((row) => row.status === 'DRAFT');
  const skipped = selected.length - drafts.length;
  const totals = new Map<string, Decimal>();
  for (const row of drafts) totals.set(row.currency, (totals.get(row.currency) ?? new Decimal(0)).plus(row.total));
  const totalsText = [...totals].map(([currency, sum]) => formatMoney(sum.toFixed(2), currency, locale)).join(', ');

  const accounts = new Set(drafts.map((row) => row.accountId)).size;
  const months = [...new Set(drafts.map((row) => row.month))].sort().join(', ');

  const hold = () =>
    startTransition(async () => {
      const result = await holdSelectedAction(
        drafts.map((row) => row.id),
        reason,
      );
      if (!result.ok) {
        if (result.fieldErrors?.reason) {
          setReasonError(result.fieldErrors.reason[0]);
          return;
        }
        setHolding(false);
        setMessage({ ok: false, text: result.message });
        return;
      }
      setHolding(false);
      setReason('');
      setReasonError(undefined);
      setMessage({ ok: true, text: t('bulk.hold.done', { count: result.data?.held ?? 0, already: result.data?.alreadyHeld ?? 0 }) });
      onClear();
      router.refresh();
    });

  const issue = () =>
    startTransition(async () => {
      const result = await issueSelectedAction(drafts.map((row) => row.id));
      setConfirming(false);
      if (!result.ok) {
        setMessage({ ok: false, text: result.message });
        return;
      }
      const numbers = result.data?.numbers ?? [];
      setMessage({ ok: true, text: t('bulk.issue.done', { count: numbers.length, first: numbers[0] ?? '', last: numbers[numbers.length - 1] ?? '' }) });
      onClear();
      router.refresh();
    });

  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm" role="region" aria-label={t('bulk.selected', { count: selected.length })}>
      {selected.length > 0 ? (
        <>
          <span className="font-medium">{t('bulk.selected', { count: selected.length })}</span>
          {canIssue ? (
            <Button size="sm" disabled={drafts.length === 0 || pending} onClick={() => setConfirming(true)}>
              {t('bulk.issue', { count: drafts.length })}
            </Button>
          ) : null}
          {canIssue ? (
            <Button size="sm" variant="secondary" disabled={drafts.length === 0 || pending} onClick={() => setHolding(true)}>
              {t('bulk.hold', { count: accounts })}
            </Button>
          ) : null}
          <a
            className="inline-flex h-7 items-center rounded-md border border-slate-300 bg-white px-2.5 text-xs text-slate-800 hover:bg-slate-50"
            href={`/invoices/export.csv?ids=${selected.map((row) => row.id).join(',')}`}
            download
          >
            {t('bulk.export')}
          </a>
          <Button size="sm" variant="ghost" onClick={onClear}>
            {t('bulk.clear')}
          </Button>
        </>
      ) : null}
      {message ? (
        <span role="status" className={message.ok ? 'text-emerald-800' : 'text-rose-800'}>
          {message.text}
        </span>
      ) : null}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('bulk.issue.title', { count: drafts.length })}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('bulk.cancel')}
            </Button>
            <Button onClick={issue} disabled={pending}>
              {t('bulk.issue.confirm', { count: drafts.length })}
            </Button>
          </>
        }
      >
        <p>{t('bulk.issue.body', { totals: totalsText })}</p>
        {skipped > 0 ? <p className="mt-2 text-amber-800">{t('bulk.issue.skipped', { count: skipped })}</p> : null}
        <ul className="mt-3 max-h-48 list-disc overflow-y-auto pl-5 text-xs text-slate-700">
          {drafts.map((row) => (
            <li key={row.id}>
              {row.accountName} · {row.month} · {formatMoney(row.total, row.currency, locale)}
            </li>
          ))}
        </ul>
      </Dialog>
      <Dialog
        open={holding}
        onClose={() => setHolding(false)}
        title={t('bulk.hold.title', { count: accounts, months })}
        footer={
          <>
            <Button variant="secondary" onClick={() => setHolding(false)}>
              {t('bulk.cancel')}
            </Button>
            <Button onClick={hold} disabled={pending}>
              {t('bulk.hold.confirm', { count: accounts })}
            </Button>
          </>
        }
      >
        <p>{t('bulk.hold.body', { months })}</p>
        {skipped > 0 ? <p className="mt-2 text-amber-800">{t('bulk.issue.skipped', { count: skipped })}</p> : null}
        <Field className="mt-3" label={t('bulk.hold.reason')} htmlFor="bulk-hold-reason" error={reasonError}>
          <Input
            id="bulk-hold-reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            required
            minLength={3}
            maxLength={500}
            aria-invalid={Boolean(reasonError)}
            aria-describedby={reasonError ? 'bulk-hold-reason-error' : undefined}
          />
        </Field>
        <ul className="mt-3 max-h-48 list-disc overflow-y-auto pl-5 text-xs text-slate-700">
          {[...new Map(drafts.map((row) => [row.accountId, row.accountName])).entries()].map(([id, name]) => (
            <li key={id}>{name}</li>
          ))}
        </ul>
      </Dialog>
    </div>
  );
}
