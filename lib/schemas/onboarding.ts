/** Inputs of the onboarding wizard's actions, one discriminated union for the one action route. */
import { z } from 'zod';
import { isKnownRegion } from '../aws/regions';
import { keyIdSchema, keyLabelSchema } from './keys';
import { accountIdSchema } from './targets';

export const regionSchema = z
  .string()
  .max(32)
  .refine(isKnownRegion, {
    error: (issue) => `${String(issue.input).slice(0, 32)} is not an AWS region GuardLink knows`,
  });

export const deploymentIdSchema = z.uuid('Not a deployment id');

export const wizardActionSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('setTargets'),
      accountIds: z.array(accountIdSchema).min(1, 'Choose at least one AWS account').max(100),
    })
    .strict(),
  z
    .object({
      action: z.literal('setRegions'),
      regions: z.array(regionSchema).min(1, 'Choose at least one region').max(40),
    })
    .strict(),
  z.object({ action: z.literal('rerunPreflight') }).strict(),
  z.object({ action: z.literal('enableGuardDuty'), accountId: accountIdSchema, region: regionSchema }).strict(),
  z.object({ action: z.literal('useNewKey'), label: keyLabelSchema }).strict(),
  z
    .object({
      action: z.literal('useExistingKey'),
      keyId: keyIdSchema,
      secretKey: z
        .string()
        .trim()
        .regex(/^[0-9a-fA-F]{64}$/, 'The secret key is 64 hexadecimal characters'),
    })
    .strict(),
  z
    .object({
      action: z.literal('deploy'),
      acknowledgeIam: z.literal(true, { error: 'Acknowledge that the stack creates IAM resources' }),
    })
    .strict(),
  z.object({ action: z.literal('retry'), accountId: accountIdSchema, region: regionSchema }).strict(),
  z.object({ action: z.literal('back'), step: z.enum(['targets', 'regions', 'preflight', 'key']) }).strict(),
]);

export type WizardAction = z.infer<typeof wizardActionSchema>;

export const itemQuerySchema = z.object({ accountId: accountIdSchema, region: regionSchema });
