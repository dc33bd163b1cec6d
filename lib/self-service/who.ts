import type { Role } from '../generated/prisma/enums';
import type { Translate } from '../i18n/translate';

/**
 * Who did something, as the viewer may see it. Staff see emails; a customer never sees staff
 * names or emails (DOMAIN.md 1), only their role, and their own account's requests as theirs.
 */
export function whoFor(viewer: { role: Role; email: string }, who: { email: string | null; role: Role | null }, t: Translate): string {
  if (viewer.role !== 'CUSTOMER') return who.email ?? t('portal.who.system');
  if (who.email === null || who.role === null) return t('portal.who.system');
  if (who.email === viewer.email) return t('portal.who.you');
  switch (who.role) {
    case 'CUSTOMER':
      return who.email;
    case 'ACCOUNT_MANAGER':
      return t('portal.who.manager');
    case 'OPS':
      return t('portal.who.billingTeam');
  }
}
