import 'server-only';
import { getActor } from '../auth/guard';
import type { Role } from '../generated/prisma/enums';
import { getLocale } from '../i18n/server';
import { invoiceCsv, invoiceCsvFilename } from './csv';
import { getInvoice } from './queries';
import { invoiceIdSchema } from './schemas';

/**
 * GET …/invoices/[id]/csv for the console (ops, account managers) and the portal (customers):
 * the role is checked here (layouts do not guard route handlers) and the invoice is read
 * through the actor's scope, so another account's invoice is a 404, never its data.
 */
export async function invoiceCsvResponse(rawId: string, roles: readonly Role[]): Promise<Response> {
  const actor = await getActor();
  if (!actor) return new Response('Sign in first.', { status: 401 });
  if (!roles.includes(actor.role)) return new Response('Your role cannot download this invoice.', { status: 403 });
  const id = invoiceIdSchema.safeParse(rawId);
  if (!id.success) return new Response('Not found.', { status: 404 });
  const invoice = await getInvoice(actor, id.data);
  if (!invoice) return new Response('Not found.', { status: 404 });
  return new Response(invoiceCsv(invoice, await getLocale()), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${invoiceCsvFilename(invoice)}"`,
      'cache-control': 'private, no-store',
    },
  });
}
