import { z } from 'zod';
import { sdkAppIdField } from '../plans/schemas';

export const grantTrialSchema = z.object({ sdkAppId: sdkAppIdField });
export type GrantTrialInput = z.infer<typeof grantTrialSchema>;
