'use client';

import { startTransition, useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/action-result';
import { issueCreditNoteAction, previewCreditNoteAction, type PreviewResult } from '@/lib/credit-notes/actions';
import { CREDIT_NOTE_REASONS, CREDIT_REMAINDERS, lineField } from '@/lib/credit-notes/schemas';
import { useI18n } from '@/lib/i18n/client';
import { formatMoney } from '@/lib/i18n/format';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Field, FormMessage, Input, Select, Textarea } from '../ui/form';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';

export type CreditableLine = { position: number; title: string; amount: string; credited: string };

const initialPreview: PreviewResult = { ok: true };
const initialIssue: ActionResult = { ok: true };

/**
 * The credit-note draft: amounts per line (or the whole invoice), a reason code and a text, and
 * where any excess over the amount due goes. "Preview" computes it on the server; "Issue" sends
 * the same form with the preview's digest. Any change to the form drops the preview, so what is
 * issued is what was last previewed.
 */
export function CreditNoteForm({ invoiceId, invoiceNumber, currency, lines }: { invoiceId: number; invoiceNumber: string; currency: string; lines: CreditableLine[] }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [previewState, preview, previewing] = useActionState(previewCreditNoteAction, initialPreview);
  const [issueState, issue, issuing] = useActionState(issueCreditNoteAction, initialIssue);
  const [mode, setMode] = useState<'lines' | 'whole'>('lines');
  const [edited, setEdited] = useState(0);
  const [previewedAt, setPreviewedAt] = useState(-1);
  const fmt = (amount: string) => formatMoney(amount, currency, locale);
  const shown = previewState.ok && previewState.data && previewedAt === edited ? previewState.data : null;
  const errors = !previewState.ok ? previewState.fieldErrors : !issueState.ok ? issueState.fieldErrors : undefined;
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        {t('money.cn.new')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('money.cn.newTitle', { number: invoiceNumber })}>
        <form
          className="flex flex-col gap-3"
          noValidate
          onChange={() => setEdited((n) => n + 1)}
          onSubmit={(event) => {
            // Submitted by hand rather than through `action`, which would reset the fields the
            // preview was made from.
            event.preventDefault();
            const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
            startTransition(() => {
              if (data.get('intent') === 'issue') issue(data);
              else {
                setPreviewedAt(edited);
                preview(data);
              }
            });
          }}
        >
          <input type="hidden" name="invoiceId" value={invoiceId} />
          <input type="hidden" name="mode" value={mode} />
          {shown ? <input type="hidden" name="digest" value={shown.digest} /> : null}
          <fieldset className="flex flex-col gap-1">
            <legend className="text-xs font-medium text-slate-700">{t('money.cn.scope')}</legend>
            {(['lines', 'whole'] as const).map((m) => (
              <label key={m} className="flex items-center gap-2 text-sm">
                <input type="radio" name="scope" value={m} checked={mode === m} onChange={() => setMode(m)} />
                {t(`money.cn.scope.${m}`)}
              </label>
            ))}
          </fieldset>
          {mode === 'lines' ? (
            <Table>
              <THead>
                <tr>
                  <TH>{t('money.cn.col.line')}</TH>
                  <TH className="text-right">{t('money.cn.col.amount')}</TH>
                  <TH className="text-right">{t('money.cn.col.credited')}</TH>
                  <TH className="text-right">{t('money.cn.col.credit')}</TH>
                </tr>
              </THead>
              <TBody>
                {lines.map((line) => {
                  const field = lineField(line.position);
                  return (
                    <TR key={line.position}>
                      <TD className="text-xs">
                        {line.position}. {line.title}
                        {errors?.[field] ? <p className="text-rose-700">{errors[field]!.join(' ')}</p> : null}
                      </TD>
                      <TD className="text-right whitespace-nowrap tabular-nums">{fmt(line.amount)}</TD>
                      <TD className="text-right whitespace-nowrap tabular-nums">{fmt(line.credited)}</TD>
                      <TD className="text-right">
                        <Input
                          name={field}
                          aria-label={`${t('money.cn.col.credit')} ${line.position}`}
                          inputMode="decimal"
                          className="w-28 text-right"
                          aria-invalid={Boolean(errors?.[field])}
                        />
                      </TD>
                    </TR>
                  );
                })}
              </TBody>
            </Table>
          ) : null}
          {errors?.lines ? <FormMessage>{errors.lines.join(' ')}</FormMessage> : null}
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t('money.cn.reason')} htmlFor="cn-reason" error={errors?.reason}>
              <Select id="cn-reason" name="reason" defaultValue="WRONG_USAGE">
                {CREDIT_NOTE_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {t(`money.cn.reason.${r}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('money.cn.remainderTo')} htmlFor="cn-remainder" error={errors?.remainderTo}>
              <Select id="cn-remainder" name="remainderTo" defaultValue="CREDIT">
                {CREDIT_REMAINDERS.map((r) => (
                  <option key={r} value={r}>
                    {t(`money.cn.remainder.${r}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field label={t('money.cn.text')} htmlFor="cn-text" error={errors?.text}>
            <Textarea id="cn-text" name="text" maxLength={1000} aria-invalid={Boolean(errors?.text)} />
          </Field>
          {shown ? (
            <section className="rounded-md border border-sky-200 bg-sky-50 p-3" aria-label={t('money.cn.previewTitle')} data-testid="credit-preview">
              <dl className="grid grid-cols-2 gap-1 text-sm tabular-nums">
                <dt>{t('money.cn.total')}</dt>
                <dd className="text-right font-semibold" data-testid="credit-preview-total">
                  {fmt(shown.total)}
                </dd>
                <dt>{t('money.cn.appliedToDue')}</dt>
                <dd className="text-right">{fmt(shown.appliedToDue)}</dd>
                <dt>{t('money.cn.remainder')}</dt>
                <dd className="text-right">
                  {fmt(shown.remainder)} ({t(`money.cn.remainder.${shown.remainderTo}`)})
                </dd>
                <dt>{t('money.cn.dueAfter')}</dt>
                <dd className="text-right">{fmt(shown.amountDueAfter)}</dd>
              </dl>
            </section>
          ) : previewState.ok && previewState.data ? (
            <FormMessage>{t('money.cn.stale')}</FormMessage>
          ) : null}
          {!previewState.ok && !previewState.fieldErrors ? <FormMessage>{previewState.message}</FormMessage> : null}
          {!issueState.ok ? <FormMessage>{issueState.message}</FormMessage> : null}
          {issueState.ok && issueState.message ? <FormMessage ok>{t('money.cn.issued', { number: issueState.message })}</FormMessage> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" name="intent" value="preview" variant="secondary" disabled={previewing}>
              {t('money.cn.preview')}
            </Button>
            <Button type="submit" name="intent" value="issue" disabled={!shown || issuing}>
              {t('money.cn.issue')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
