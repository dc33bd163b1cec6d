import type { Actor } from '../auth/guard';
import type { Role } from '../generated/prisma/enums';
import { DomainError } from '../errors';

/**
 * Commands check the role again, whoever calls them (an action, a script, a test): the action's
 * requireRole answers 403 to a browser, this stops any other path to the same write.
 */
export function assertRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new DomainError('forbidden', 'error.access.role', { params: { roles: roles.join(' or '), role: actor.role } });
  }
}

/**
 * A customer acts on their own account's apps only (DOMAIN.md 13). Another account's app answers
 * as if it did not exist, as the portal's pages do, so an id cannot be probed.
 */
export function assertOwnApp(actor: Actor, app: { sdkAppId: bigint | string; accountId: number }): void {
  if (actor.role === 'CUSTOMER' && actor.accountId !== app.accountId) {
    throw new DomainError('not_found', 'error.app.notFound', { params: { sdkAppId: String(app.sdkAppId) }, field: 'sdkAppId' });
  }
}

/** A customer's request names their own account, or none. */
export function assertOwnAccount(actor: Actor, accountId: number): void {
  if (actor.role === 'CUSTOMER' && actor.accountId !== accountId) {
    throw new DomainError('not_found', 'error.account.notFoundField', { params: { accountId }, field: 'accountId' });
  }
}
