import { addMonths, monthOf, nextMonth } from '../billing/dates';
import { billingDay } from '../clock';

/**
 * The billing calendar's timetable (DOMAIN.md section 11): for month M, the draft run on the
 * 1st of M+1 at 00:10 and the issue on the 3rd at 00:10, Asia/Shanghai. Asia/Shanghai keeps
 * UTC+8 all year (no daylight saving), so an instant is the local time minus eight hours.
 */

export const CALENDAR_STEPS = ['DRAFT_RUN', 'ISSUE'] as const;
export type CalendarStep = (typeof CALENDAR_STEPS)[number];

const STEP_DAY: Record<CalendarStep, string> = { DRAFT_RUN: '01', ISSUE: '03' };
export const STEP_TIME = '00:10';
const UTC_OFFSET = '+08:00';

/** When `step` of `month` is due, as an instant. */
export function stepDueAt(month: string, step: CalendarStep): Date {
  return new Date(`${nextMonth(month)}-${STEP_DAY[step]}T${STEP_TIME}:00${UTC_OFFSET}`);
}

/** The month the calendar closes at `now`: the one before now's month. */
export function closingMonth(now: Date): string {
  return monthOf(addMonths(`${monthOf(billingDay(now))}-01`, -1));
}

/**
 * The calendar's now. CONSOLE_TODAY pins the day (lib/clock.ts); the time of a pinned day is its
 * noon, so a console pinned to the 1st or the 3rd has passed that day's 00:10 step.
 */
export function calendarNow(env: NodeJS.ProcessEnv = process.env): Date {
  const pinned = env.CONSOLE_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return new Date(`${pinned}T12:00:00${UTC_OFFSET}`);
  return new Date();
}

