import { z } from 'zod';
import { fieldError, fieldIssue } from '../validation/messages';

export const CREDIT_NOTE_REASONS = ['DUPLICATE', 'WRONG_USAGE', 'SERVICE_ISSUE', 'GOODWILL', 'OTHER'] as const;
export type CreditNoteReason = (typeof CREDIT_NOTE_REASONS)[number];
export const CREDIT_REMAINDERS = ['CREDIT', 'REFUND'] as const;
export type CreditRemainder = (typeof CREDIT_REMAINDERS)[number];

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;

/** The form field of one invoice line's amount: `line_<position>`. */
export function lineField(position: number): string {
  return `line_${position}`;
}

/**
 * A credit note's draft as the invoice page's form sends it: the whole invoice, or an amount per
 * line (`line_<position>`, empty for none). The amounts stay text: decimal end to end.
 */
export const creditNoteDraftSchema = z
  .object({
    invoiceId: z.coerce
      .number({ error: fieldError('field.id.number', { label: 'field.label.invoiceId' }) })
      .int({ error: fieldError('field.id.whole', { label: 'field.label.invoiceId' }) })
      .positive({ error: fieldError('field.id.positive', { label: 'field.label.invoiceId' }) })
      .max(2_147_483_647, { error: fieldError('field.id.range', { label: 'field.label.invoiceId' }) }),
    mode: z.enum(['lines', 'whole'], { error: fieldError('field.creditNote.mode') }),
    reason: z.enum(CREDIT_NOTE_REASONS, { error: fieldError('field.creditNote.reason') }),
    text: z
      .string({ error: fieldError('field.creditNote.textRequired') })
      .trim()
      .min(3, { error: fieldError('field.creditNote.textShort') })
      .max(1000, { error: fieldError('field.creditNote.textLong') }),
    remainderTo: z.enum(CREDIT_REMAINDERS, { error: fieldError('field.creditNote.remainder') }),
    lines: z.array(z.object({ position: z.number().int().positive(), amount: z.string() })),
  })
  .superRefine((draft, ctx) => {
    if (draft.mode !== 'lines') return;
    for (const line of draft.lines) {
      if (!AMOUNT.test(line.amount) || /^0+(\.0+)?$/.test(line.amount)) {
        ctx.addIssue(fieldIssue([lineField(line.position)], 'field.creditNote.lineAmount', { line: line.position }));
      }
    }
    if (draft.lines.length === 0) ctx.addIssue(fieldIssue(['lines'], 'field.creditNote.noLines'));
  });
export type CreditNoteDraft = z.infer<typeof creditNoteDraftSchema>;

/** Reads the form: `line_<n>` fields become lines (empty ones are left out). */
export function draftFromForm(form: Record<string, FormDataEntryValue | undefined>): unknown {
  const lines: { position: number; amount: string }[] = [];
  for (const [key, value] of Object.entries(form)) {
    const match = /^line_(\d{1,6})$/.exec(key);
    if (!match || typeof value !== 'string' || value.trim() === '') continue;
    lines.push({ position: Number(match[1]), amount: value.trim() });
  }
  lines.sort((a, b) => a.position - b.position);
  return { invoiceId: form.invoiceId, mode: form.mode, reason: form.reason, text: form.text, remainderTo: form.remainderTo, lines };
}

export const issueCreditNoteSchema = z.object({
  digest: z.string({ error: fieldError('field.creditNote.preview') }).regex(/^[0-9a-f]{64}$/, { error: fieldError('field.creditNote.preview') }),
});
