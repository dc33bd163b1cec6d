import { z } from 'zod';
import { monthSchema } from '../billing-runs/schemas';
import { CALENDAR_STEPS } from './schedule';

const accountIdSchema = z.coerce
  .number({ error: 'Account is required' })
  .int({ error: 'Account must be an account number' })
  .positive({ error: 'Account must be an account number' })
  .max(2_147_483_647, { error: 'Account must be an account number' });

export const reasonSchema = z
  .string({ error: 'Reason is required' })
  .trim()
  .min(3, { error: 'Reason must be at least 3 characters' })
  .max(500, { error: 'Reason must be at most 500 characters' });

export const holdAccountSchema = z.object({ accountId: accountIdSchema, reason: reasonSchema });
export const releaseAccountSchema = z.object({ accountId: accountIdSchema });
export const pauseMonthSchema = z.object({ month: monthSchema, reason: reasonSchema });
export const resumeMonthSchema = z.object({ month: monthSchema });
export const runStepSchema = z.object({ month: monthSchema, step: z.enum(CALENDAR_STEPS, { error: 'Step must be DRAFT_RUN or ISSUE' }) });
