/**
 * The billing calendar's time zone (DOMAIN.md section 3): every calendar date of the console,
 * the engine and the database is a day in it. The one definition: SQL receives it as a query
 * parameter, never as text of its own.
 */
export const BILLING_TIME_ZONE = 'Asia/Shanghai';

/**
 * Today's date in the billing calendar (BILLING_TIME_ZONE), as YYYY-MM-DD. The pure engine never
 * reads the clock; the console asks here. CONSOLE_TODAY pins it (demos, end-to-end tests).
 */
export function today(now: Date = new Date()): string {
  const pinned = process.env.CONSOLE_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return billingDay(now);
}

const BILLING_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: BILLING_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The billing calendar's day of an instant, as YYYY-MM-DD: 2026-11-22T16:00Z is 2026-11-23. */
export function billingDay(instant: Date): string {
  return BILLING_DAY.format(instant);
}
