/** Builds the seeded world documented at the top of world.ts. */
import { iamUniqueId, stableHex } from './ids';
import { DEFAULT_REGIONS, OPT_IN_REGIONS } from './regions';
import { seedFindings } from './seed-findings';
import { type AwsWorld } from './world';
import { type AccountRecord, type DetectorStatus } from './world-types';
import { buildCompleteStack } from './cloudformation/prebuilt';

export const HUB_ACCOUNT = '111111111111';
export const HUB_USER = 'guardlink-console';
export const DEPLOYER_ROLE = 'GuardLinkDeployer';
export const DEMO_EXTERNAL_ID = 'guardlink-demo';

const DAY_MS = 24 * 60 * 60 * 1000;

function account(id: string, trustedAccount: string | undefined): AccountRecord {
  const record: AccountRecord = { id, users: new Map(), roles: new Map(), optIn: new Map() };
  for (const region of OPT_IN_REGIONS) record.optIn.set(region, 'not-opted-in');
  if (trustedAccount) {
    record.roles.set(DEPLOYER_ROLE, {
      name: DEPLOYER_ROLE,
      arn: `arn:aws:iam::${id}:role/${DEPLOYER_ROLE}`,
      roleId: iamUniqueId('AROA', `${id}/${DEPLOYER_ROLE}`),
      trustedAccount,
      externalId: DEMO_EXTERNAL_ID,
      maxSessionDuration: 43200,
    });
  }
  return record;
}

function seedDetector(world: AwsWorld, acct: string, region: string, status: DetectorStatus, at: Date): void {
  world.putDetector({
    id: stableHex(`detector/${acct}/${region}`, 32),
    account: acct,
    region,
    status,
    createdAt: at,
    updatedAt: at,
    findingPublishingFrequency: 'SIX_HOURS',
    tags: {},
  });
}

/** The collector someone deployed by hand in 333333333333/us-east-1, thirty days ago. */
function seedExistingCollector(world: AwsWorld, now: number): void {
  const acct = '333333333333';
  buildCompleteStack(world, {
    account: acct,
    region: 'us-east-1',
    stackName: 'alertlogic-cwe-collector',
    stackUuid: '6d1e4a70-1f3b-11ef-9c2a-0e8f5b7d3a21',
    created: new Date(now - 30 * DAY_MS),
    parameters: { AccessKeyId: '0a1b2c3d4e5f6a7b', SecretKey: stableHex('seeded-collector-secret', 64) },
    tags: [],
    token: 'Console-CreateStack-5f0c2b7e-6a1d-4e0b-9f3c-2d7a8b9c0e1f',
    deployer: {
      account: acct,
      arn: `arn:aws:iam::${acct}:user/ops-admin`,
      userId: iamUniqueId('AIDA', `${acct}/ops-admin`),
      principal: 'ops-admin',
      kind: 'user',
    },
  });
}

export function seedWorld(world: AwsWorld): void {
  const now = Date.now();
  for (const id of [HUB_ACCOUNT, '222222222222', '333333333333']) world.accounts.set(id, account(id, HUB_ACCOUNT));
  world.accounts.set('444444444444', account('444444444444', '999999999999'));
  world.accounts.get(HUB_ACCOUNT)!.users.set(HUB_USER, {
    name: HUB_USER,
    arn: `arn:aws:iam::${HUB_ACCOUNT}:user/${HUB_USER}`,
    userId: iamUniqueId('AIDA', `${HUB_ACCOUNT}/${HUB_USER}`),
  });
  world.accounts.get('222222222222')!.optIn.set('af-south-1', 'opted-in');

  const detectorsSince = new Date(now - 200 * DAY_MS);
  for (const region of ['us-east-1', 'us-west-2']) seedDetector(world, HUB_ACCOUNT, region, 'ENABLED', detectorsSince);
  for (const region of DEFAULT_REGIONS) {
    if (region !== 'eu-west-1') seedDetector(world, '222222222222', region, 'ENABLED', detectorsSince);
    const status = region === 'us-west-2' ? 'DISABLED' : 'ENABLED';
    seedDetector(world, '333333333333', region, status, detectorsSince);
  }

  seedExistingCollector(world, now);
  seedFindings(world, now);
  world.regionsWithoutCodeBucket.add('ap-northeast-3');
}
