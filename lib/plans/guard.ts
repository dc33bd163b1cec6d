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
