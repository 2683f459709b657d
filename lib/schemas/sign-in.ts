/** Sign-in input: email + password, or the sealed MFA challenge + a 6-digit code. */
import { z } from 'zod';

export const passwordStepSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(256),
});

export const mfaStepSchema = z.object({
  challenge: z.string().min(1).max(4096),
  mfaCode: z.string().regex(/^\d{6}$/, 'The code is 6 digits'),
});

export const signInSchema = z.union([mfaStepSchema, passwordStepSchema]);
