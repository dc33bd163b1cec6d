import 'server-only';
import { z } from 'zod';
import { getActor, type Actor } from '../auth/guard';
import { getCreditNote, getInvoiceMoney } from '../balances/queries';
import { today } from '../clock';
import type { Role } from '../generated/prisma/enums';
import { getLocale } from '../i18n/server';
import { getInvoice } from '../invoices/queries';
import { invoiceIdSchema } from '../invoices/schemas';
import { creditNotePdf, invoicePdf } from './documents';

/**
 * GET …/invoices/[id]/pdf and …/credit-notes/[id]/pdf for the console (ops, account managers)
 * and the portal (customers), under the page's rules: the role is checked here and the record is
 * read through the actor's scope, so another account's document is a 404. Drafts have no PDF.
 */
const creditNoteIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

function pdfResponse(body: Buffer, filename: string): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
    },
  });
}

type Allowed = { ok: true; actor: Actor } | { ok: false; error: Response };

async function allowed(roles: readonly Role[]): Promise<Allowed> {
  const actor = await getActor();
  if (!actor) return { ok: false, error: new Response('Sign in first.', { status: 401 }) };
  if (!roles.includes(actor.role)) return { ok: false, error: new Response('Your role cannot download this document.', { status: 403 }) };
  return { ok: true, actor };
}

export async function invoicePdfResponse(rawId: string, roles: readonly Role[]): Promise<Response> {
  const check = await allowed(roles);
  if (!check.ok) return check.error;
  const id = invoiceIdSchema.safeParse(rawId);
  if (!id.success) return new Response('Not found.', { status: 404 });
  const invoice = await getInvoice(check.actor, id.data);
  if (!invoice || invoice.status === 'DRAFT' || !invoice.number) return new Response('Not found.', { status: 404 });
  const [money, locale] = await Promise.all([getInvoiceMoney(check.actor, invoice.id, today()), getLocale()]);
  return pdfResponse(await invoicePdf(invoice, money, locale), `${invoice.number}.pdf`);
}

export async function creditNotePdfResponse(rawId: string, roles: readonly Role[]): Promise<Response> {
  const check = await allowed(roles);
  if (!check.ok) return check.error;
  const id = creditNoteIdSchema.safeParse(rawId);
  if (!id.success) return new Response('Not found.', { status: 404 });
  const note = await getCreditNote(check.actor, id.data);
  if (!note) return new Response('Not found.', { status: 404 });
  const [invoice, locale] = await Promise.all([getInvoice(check.actor, note.invoice.id), getLocale()]);
  if (!invoice) return new Response('Not found.', { status: 404 });
  return pdfResponse(await creditNotePdf(note, invoice, locale), `${note.number}.pdf`);
}
