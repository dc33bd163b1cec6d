import { z } from 'zod';

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
      .number({ error: 'Invoice id must be a number' })
      .int({ error: 'Invoice id must be a whole number' })
      .positive({ error: 'Invoice id must be positive' })
      .max(2_147_483_647, { error: 'Invoice id is out of range' }),
    mode: z.enum(['lines', 'whole'], { error: 'Scope must be "lines" or "whole"' }),
    reason: z.enum(CREDIT_NOTE_REASONS, { error: 'Reason must be one of DUPLICATE, WRONG_USAGE, SERVICE_ISSUE, GOODWILL, OTHER' }),
    text: z
      .string({ error: 'Text is required' })
      .trim()
      .min(3, { error: 'Text must say what is corrected (at least 3 characters)' })
      .max(1000, { error: 'Text must be at most 1000 characters' }),
    remainderTo: z.enum(CREDIT_REMAINDERS, { error: 'Remainder must go to the balance (CREDIT) or be paid back (REFUND)' }),
    lines: z.array(z.object({ position: z.number().int().positive(), amount: z.string() })),
  })
  .superRefine((draft, ctx) => {
    if (draft.mode !== 'lines') return;
    for (const line of draft.lines) {
      if (!AMOUNT.test(line.amount) || /^0+(\.0+)?$/.test(line.amount)) {
        ctx.addIssue({ code: 'custom', path: [lineField(line.position)], message: `Line ${line.position}: amount must be greater than 0 with at most 2 decimals, such as 12.50` });
      }
    }
    if (draft.lines.length === 0) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'Lines: enter an amount on at least one line, or credit the whole invoice' });
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
  digest: z.string({ error: 'Preview is required: preview the credit note before issuing it' }).regex(/^[0-9a-f]{64}$/, { error: 'Preview is required: preview the credit note before issuing it' }),
});
