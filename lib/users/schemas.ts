import { z } from 'zod';
import { Role } from '../generated/prisma/enums';

export const MIN_PASSWORD_LENGTH = 12;

/** A console user created from the command line (`npm run user:create`). */
export const createUserSchema = z
  .object({
    role: z.enum(Object.values(Role) as [Role, ...Role[]], { error: `Role must be one of ${Object.values(Role).join(', ')}` }),
    email: z.string().trim().toLowerCase().pipe(z.email({ error: 'Email must be an email address' })).pipe(z.string().max(254, 'Email must be at most 254 characters')),
    name: z.string().trim().min(1, 'Name must not be empty').max(200, 'Name must be at most 200 characters').optional(),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(200, 'Password must be at most 200 characters'),
    accountId: z.coerce.number().int('Account must be a whole number').positive('Account must be a positive id').optional(),
  })
  .superRefine((input, ctx) => {
    if (input.role === 'CUSTOMER' && input.accountId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['accountId'], message: 'Account is required for a CUSTOMER user (--account ID)' });
    }
    if (input.role !== 'CUSTOMER' && input.accountId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['accountId'], message: 'Account is only for CUSTOMER users' });
    }
  });

export type CreateUserInput = z.infer<typeof createUserSchema>;
