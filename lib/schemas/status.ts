/** Inputs of the status dashboard's routes. */
import { z } from 'zod';
import { keyIdSchema, keyLabelSchema } from './keys';
import { regionSchema } from './onboarding';
import { accountIdSchema } from './targets';

export const cellParamsSchema = z.object({ accountId: accountIdSchema, region: regionSchema });

export const keyChoiceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('new'), label: keyLabelSchema }).strict(),
  z
    .object({
      mode: z.literal('existing'),
      keyId: keyIdSchema,
      secretKey: z
        .string()
        .trim()
        .regex(/^[0-9a-fA-F]{64}$/, 'The secret key is 64 hexadecimal characters'),
    })
    .strict(),
]);

export const statusActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('sendTestFinding') }).strict(),
  // The confirmation names what is removed, so a stray request cannot remove the wrong collector.
  z.object({ action: z.literal('removeCollector'), confirm: z.string().max(64) }).strict(),
  z.object({ action: z.literal('updateKey'), key: keyChoiceSchema }).strict(),
  z.object({ action: z.literal('redeploy') }).strict(),
]);

export const statusQuerySchema = z.object({ fresh: z.enum(['1']).optional() });
export const rotateBodySchema = z.object({ label: keyLabelSchema }).strict();
export const rotationParamsSchema = z.object({ jobId: z.uuid('Not a rotation id') });
