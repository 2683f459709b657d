/** Registering an AWS account: the hub itself, or a role ARN in that account with an ExternalId. */
import { z } from 'zod';

export const accountIdSchema = z.string().regex(/^\d{12}$/, 'An AWS account id is 12 digits');

const label = z.string().trim().min(1, 'Give the account a label').max(64, 'Keep the label to 64 characters');

export const targetInputSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('hub'), accountId: accountIdSchema, label }).strict(),
    z
      .object({
        kind: z.literal('role'),
        accountId: accountIdSchema,
        label,
        roleArn: z
          .string()
          .trim()
          .regex(
            /^arn:aws:iam::\d{12}:role\/[\w+=,.@\/-]{1,512}$/,
            'A role ARN looks like arn:aws:iam::123456789012:role/GuardLinkDeployer',
          ),
        externalId: z
          .string()
          .trim()
          .regex(/^[\w+=,.@:\/-]{2,1224}$/, 'The ExternalId is 2 to 1224 letters, digits or +=,.@:/-_'),
      })
      .strict(),
  ])
  .superRefine((v, ctx) => {
    if (v.kind === 'role' && v.roleArn.split(':')[4] !== v.accountId) {
      ctx.addIssue({
        code: 'custom',
        path: ['roleArn'],
        message: `The role ARN is in account ${v.roleArn.split(':')[4]}, not ${v.accountId}`,
      });
    }
  });

export type TargetInput = z.infer<typeof targetInputSchema>;

export const targetParamsSchema = z.object({ accountId: accountIdSchema });
