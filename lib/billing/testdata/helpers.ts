/** Small builders shared by the engine's tests (not part of the engine). */
import { SHIPPED_PRICE_BOOKS, type PriceBook } from '../catalog';
import { BillingRuleError } from '../errors';
import { rateAccount } from '../rate';
import { type InvoiceJson, type InvoiceLineJson, serializeInvoice } from '../serialize';
import type { AccountInput, AppEvent, AppInput, Edition, MigrationInput, UsageDay } from '../types';

export const APP = 1400000001;

export function edition(date: string, e: Edition): AppEvent {
  return { date, type: 'edition', edition: e };
}

export function addonStart(date: string, addon: 'AV_CHATROOM_UNLIMITED' | 'GROUP_MEMBER_CAP' | 'GROUP_JOIN_CAP' | 'SECURITY_STRIKE'): AppEvent {
  return { date, type: 'addon', addon, action: 'start' };
}

export function addonStop(date: string, addon: 'AV_CHATROOM_UNLIMITED' | 'GROUP_MEMBER_CAP' | 'GROUP_JOIN_CAP' | 'SECURITY_STRIKE' | 'HISTORY_RETENTION'): AppEvent {
  return { date, type: 'addon', addon, action: 'stop' } as AppEvent;
}

export function retention(date: string, days: 30 | 90 | 180 | 360): AppEvent {
  return { date, type: 'addon', addon: 'HISTORY_RETENTION', action: 'start', days };
}

export function app(events: AppEvent[], usage: UsageDay[] = [], sdkAppId = APP): AppInput {
  return { sdkAppId, events, usage };
}

export function legacy(apps: AppInput[], migration?: MigrationInput): AccountInput {
  return migration === undefined ? { scheme: 'LEGACY', apps } : { scheme: 'LEGACY', apps, migration };
}

export function current(apps: AppInput[]): AccountInput {
  return { scheme: 'CURRENT', apps };
}

/** Rates and serializes (amounts as strings), for readable assertions. */
export function rate(account: AccountInput, months: string[], books: readonly PriceBook[] = SHIPPED_PRICE_BOOKS): InvoiceJson[] {
  return rateAccount(account, months, books).map(serializeInvoice);
}

export function rateMonth(account: AccountInput, month: string, books: readonly PriceBook[] = SHIPPED_PRICE_BOOKS): InvoiceJson {
  const [invoice] = rate(account, [month], books);
  if (invoice === undefined) throw new Error('no invoice');
  return invoice;
}

/** `code from..to amount` per line: compact, order-preserving. */
export function summary(invoice: InvoiceJson): string[] {
  return invoice.lines.map((l) => `${l.code}${l.addon === undefined ? '' : `:${l.addon}`}${l.edition === undefined ? '' : `:${l.edition}`} ${l.from}..${l.to} ${l.amount}`);
}

export function linesOf(invoice: InvoiceJson, code: InvoiceLineJson['code']): InvoiceLineJson[] {
  return invoice.lines.filter((l) => l.code === code);
}

/** The BillingRuleError `fn` throws (any other outcome fails the test). */
export function ruleErrorOf(fn: () => unknown): BillingRuleError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BillingRuleError) return e;
    throw e;
  }
  throw new Error('expected a BillingRuleError');
}
