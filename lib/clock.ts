import { BILLING_TIME_ZONE } from './billing/catalog';

/**
 * Today's date in the billing calendar (Asia/Shanghai), as YYYY-MM-DD. The pure engine never
 * reads the clock; the console asks here. CONSOLE_TODAY pins it (demos, end-to-end tests).
 */
export function today(now: Date = new Date()): string {
  const pinned = process.env.CONSOLE_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return billingDay(now);
}

const BILLING_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: BILLING_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The billing calendar's day (Asia/Shanghai) of an instant, as YYYY-MM-DD: 2026-11-22T16:00Z is 2026-11-23. */
export function billingDay(instant: Date): string {
  return BILLING_DAY.format(instant);
}
