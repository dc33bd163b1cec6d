import { MESSAGES, type MessageKey } from '../i18n/messages';
import type { Translate } from '../i18n/translate';

/** `billingRun.writeDrafts` → `Billing run · write drafts`: the fallback for an action no message names yet. */
export function humanizeName(name: string): string {
  return name
    .split('.')
    .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase())
    .map((part, index) => (index === 0 ? part.charAt(0).toUpperCase() + part.slice(1) : part))
    .join(' · ');
}

/** An audit action in words, in the viewer's language (`audit.action.<action>` in lib/i18n/messages/ops.ts). */
export function describeAction(t: Translate, action: string): string {
  const key = `audit.action.${action}`;
  return key in MESSAGES.en ? t(key as MessageKey) : humanizeName(action);
}

/** A changed field's path in words: `doneAccounts` → `done accounts`, `editions.1400000001` → `editions › 1400000001`. */
export function describeField(t: Translate, path: string): string {
  const key = `audit.field.${path}`;
  if (key in MESSAGES.en) return t(key as MessageKey);
  return path
    .split('.')
    .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase())
    .join(' › ');
}

/** The console page of what an audit entry names, when it has one. */
export function auditEntityHref(entry: { entityType: string; entityId: string; accountId: number | null }): string | null {
  switch (entry.entityType) {
    case 'Account':
      return `/accounts/${entry.entityId}`;
    case 'App':
      return entry.accountId ? `/accounts/${entry.accountId}/apps/${entry.entityId}` : null;
    case 'Invoice':
      return `/invoices/${entry.entityId}`;
    case 'BillingRun':
      return `/billing-runs/${entry.entityId}`;
    case 'MigrationTicket':
      return `/migrations/${entry.entityId}`;
    case 'ApiKey':
      return '/api-keys';
    case 'PriceBook':
      return '/catalog';
    case 'UsageBatch':
      return '/usage';
    default:
      return entry.accountId ? `/accounts/${entry.accountId}` : null;
  }
}
