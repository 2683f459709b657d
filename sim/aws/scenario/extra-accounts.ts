/**
 * `POST /_sim/accounts {accountIds, collectors?}`: more target accounts for benchmarks, each with
 * the GuardLinkDeployer role (trusting the hub, ExternalId guardlink-demo), GuardDuty enabled in
 * every default region and, with `collectors`, a GuardLink collector stack in each of them.
 */
import { z } from 'zod';
import { buildCompleteStack } from '../cloudformation/prebuilt';
import { iamUniqueId, stableHex } from '../ids';
import { DEFAULT_REGIONS, OPT_IN_REGIONS } from '../regions';
import { DEMO_EXTERNAL_ID, DEPLOYER_ROLE, HUB_ACCOUNT } from '../seed';
import { type AwsWorld } from '../world';
import { type AccountRecord } from '../world-types';

export const extraAccountsSchema = z.object({
  accountIds: z
    .array(z.string().regex(/^\d{12}$/))
    .min(1)
    .max(200),
  collectors: z.boolean().optional(),
});

export function addExtraAccounts(world: AwsWorld, input: z.infer<typeof extraAccountsSchema>): { added: string[] } {
  const now = Date.now();
  const added: string[] = [];
  for (const id of input.accountIds) {
    if (world.accounts.has(id)) continue;
    const record: AccountRecord = { id, users: new Map(), roles: new Map(), optIn: new Map() };
    for (const region of OPT_IN_REGIONS) record.optIn.set(region, 'not-opted-in');
    record.roles.set(DEPLOYER_ROLE, {
      name: DEPLOYER_ROLE,
      arn: `arn:aws:iam::${id}:role/${DEPLOYER_ROLE}`,
      roleId: iamUniqueId('AROA', `${id}/${DEPLOYER_ROLE}`),
      trustedAccount: HUB_ACCOUNT,
      externalId: DEMO_EXTERNAL_ID,
      maxSessionDuration: 43200,
    });
    world.accounts.set(id, record);
    for (const region of DEFAULT_REGIONS) {
      world.putDetector({
        id: stableHex(`detector/${id}/${region}`, 32),
        account: id,
        region,
        status: 'ENABLED',
        createdAt: new Date(now - 86_400_000),
        updatedAt: new Date(now - 86_400_000),
        findingPublishingFrequency: 'SIX_HOURS',
        tags: {},
      });
      if (input.collectors) {
        buildCompleteStack(world, {
          account: id,
          region,
          stackName: 'GuardLink-GuardDuty-Collector',
          created: new Date(now - 3_600_000),
          parameters: { AccessKeyId: stableHex(`bench-key/${id}`, 16), SecretKey: stableHex(`bench-secret/${id}`, 64) },
          tags: [{ Key: 'guardlink:managed', Value: 'true' }],
          deployer: {
            account: id,
            arn: `arn:aws:sts::${id}:assumed-role/${DEPLOYER_ROLE}/bench`,
            userId: iamUniqueId('AROA', `${id}/${DEPLOYER_ROLE}`) + ':bench',
            principal: DEPLOYER_ROLE,
            kind: 'assumed-role',
          },
        });
      }
    }
    added.push(id);
  }
  return { added };
}
