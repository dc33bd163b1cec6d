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

// ISO order in every language ("sv-SE" is the locale whose format is YYYY-MM-DD HH:mm).
const ISO_DATE_TIME = new Intl.DateTimeFormat('sv-SE', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: BILLING_TIME_ZONE,
});

/**
 * Dates are calendar dates (YYYY-MM-DD) or instants shown in the billing calendar's zone as
 * `2026-12-03 14:05`: one zone and one order for every viewer (the language does not change it).
 */
export function formatDateTime(value: Date | string, _locale?: Locale): string {
  return ISO_DATE_TIME.format(typeof value === 'string' ? new Date(value) : value);
}

/** The billing calendar's day of an instant, YYYY-MM-DD, for any viewer. */
export function formatDay(value: Date | string): string {
  return formatDateTime(value).slice(0, 10);
}
