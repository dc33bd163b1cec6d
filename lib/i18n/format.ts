import { BILLING_TIME_ZONE } from '../clock';
import type { Locale } from './messages';

const intlLocale: Record<Locale, string> = { en: 'en-US', zh: 'zh-CN' };

/**
 * Formats a decimal amount given as a string ("1234.50", "-322.26") for its currency and the
 * viewer's language. Intl formats the string exactly; the amount never becomes a float.
 */
export function formatMoney(amount: string, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount as unknown as number);
}

/** A unit price keeps its own precision (0.015 USD). */
export function formatUnitPrice(amount: string, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'currency',
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 6,
  }).format(amount as unknown as number);
}

export function formatCount(value: number | string, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value as number);
}

/** Dates are calendar dates (YYYY-MM-DD) or instants shown in the billing calendar's zone. */
export function formatDateTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: BILLING_TIME_ZONE,
  }).format(typeof value === 'string' ? new Date(value) : value);
}
