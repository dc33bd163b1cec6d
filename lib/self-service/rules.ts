import 'server-only';
import type { Actor } from '../auth/guard';
import { SCHEME_EDITIONS, type Edition } from '../billing/catalog';
import type { Tx } from '../db/client';
import { assertNever, DomainError } from '../errors';
import { hasInvoiceOverdueOver30Days, PORTAL_OVERDUE_DAYS } from '../invoices/overdue';
import type { PlanPreview } from '../plans/preview';

function rank(edition: Edition): number {
  const legacy = SCHEME_EDITIONS.LEGACY as readonly string[];
  const current = SCHEME_EDITIONS.CURRENT as readonly string[];
  return legacy.includes(edition) ? legacy.indexOf(edition) : current.indexOf(edition);
}

/**
 * What DOMAIN.md 13 calls "upgrade or start anything paid": a move to a higher edition, keeping a
 * paid edition a pending downgrade would end, starting (or keeping) an add-on or a retention tier.
 * Downgrades, stops, trials, applications, new apps and migration requests stay open.
 */
export function isPaidStart(preview: Pick<PlanPreview, 'kind' | 'before' | 'after'>): boolean {
  switch (preview.kind) {
    case 'edition-change':
      return rank(preview.after.edition) > rank(preview.before.edition);
    case 'downgrade-cancel':
    case 'addon-start':
    case 'addon-stop-cancel':
    case 'retention-start':
      return true;
    case 'downgrade-schedule':
    case 'addon-stop':
    case 'retention-stop':
      return false;
    default:
      return assertNever(preview.kind);
  }
}

/** The overdue rule (DOMAIN.md 13), for customers only: ops may still act on the account. */
export async function assertNotHeldByOverdue(tx: Tx, actor: Actor, accountId: number, today: string): Promise<void> {
  if (actor.role !== 'CUSTOMER') return;
  if (await hasInvoiceOverdueOver30Days(tx, accountId, today)) {
    throw new DomainError('forbidden', 'error.portal.overdue', { params: { days: PORTAL_OVERDUE_DAYS } });
  }
}
