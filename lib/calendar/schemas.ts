import { z } from 'zod';
import { monthSchema } from '../billing-runs/schemas';
import { CALENDAR_STEPS } from './schedule';
import { fieldError } from '../validation/messages';

const accountIdSchema = z.coerce
  .number({ error: fieldError('field.calendar.accountRequired') })
  .int({ error: fieldError('field.calendar.account') })
  .positive({ error: fieldError('field.calendar.account') })
  .max(2_147_483_647, { error: fieldError('field.calendar.account') });

export const reasonSchema = z
  .string({ error: fieldError('field.required', { label: 'field.label.reason' }) })
  .trim()
  .min(3, { error: fieldError('field.tooShort', { label: 'field.label.reason', min: 3 }) })
  .max(500, { error: fieldError('field.tooLong', { label: 'field.label.reason', max: 500 }) });

export const holdAccountSchema = z.object({ accountId: accountIdSchema, reason: reasonSchema });
export const releaseAccountSchema = z.object({ accountId: accountIdSchema });
export const pauseMonthSchema = z.object({ month: monthSchema, reason: reasonSchema });
export const resumeMonthSchema = z.object({ month: monthSchema });
export const runStepSchema = z.object({ month: monthSchema, step: z.enum(CALENDAR_STEPS, { error: fieldError('field.calendar.step') }) });
