/** Contract tests of the simulator's STS, EC2 DescribeRegions and IAM SimulatePrincipalPolicy through the real SDK. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { assumeDeployer, clientConfig, control, failure, simState, startSims, type Sims } from './contract-support';

let sims: Sims;
beforeAll(async () => {
  sims = await startSims();
});
afterAll(() => sims.close());
beforeEach(async () => {
  await control(sims, 'reset');
});

const sts = (region = 'us-east-1') => new STSClient(clientConfig(sims, region));
const assume = (account: string, externalId?: string) =>
  sts().send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${account}:role/GuardLinkDeployer`,
      RoleSessionName: 'probe',
      ExternalId: externalId,
    }),
  );

describe('STS', () => {
  it('treats unknown access keys as the hub console user', async () => {
    const me = await sts().send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: '111111111111', Arn: 'arn:aws:iam::111111111111:user/guardlink-console' });
    expect(me.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/);
  });

  it('assumes a trusting role with the right ExternalId, and the credentials act in that account', async () => {
    const out = await assume('222222222222', 'guardlink-demo');
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(out.Credentials?.Expiration).toBeInstanceOf(Date);
    const ttl = out.Credentials!.Expiration!.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(3590_000);
    expect(ttl).toBeLessThanOrEqual(3600_000);
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::222222222222:assumed-role/GuardLinkDeployer/probe');

    const creds = await assumeDeployer(sims, '222222222222', 'session-2');
    const me = await new STSClient(clientConfig(sims, 'eu-west-3', creds)).send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe('222222222222');
    expect(me.Arn).toBe('arn:aws:sts::222222222222:assumed-role/GuardLinkDeployer/session-2');
    expect(me.UserId).toMatch(/^AROA[A-Z0-9]{17}:session-2$/);
    const gd = await new GuardDutyClient(clientConfig(sims, 'eu-west-1', creds)).send(new ListDetectorsCommand({}));
    expect(gd.DetectorIds).toEqual([]);
    expect((await simState(sims)).assumeRoleCalls).toBe(2);
  });

  it('refuses untrusted callers, wrong or missing ExternalIds and unknown roles alike', async () => {
    const hub = 'arn:aws:iam::111111111111:user/guardlink-console';
    for (const [account, externalId] of [
      ['444444444444', 'guardlink-demo'],
      ['222222222222', 'wrong-id'],
      ['222222222222', undefined],
      ['555555555555', 'guardlink-demo'],
    ] as const) {
      const err = await failure(assume(account, externalId));
      expect(err.name).toBe('AccessDenied');
      expect(err.$metadata.httpStatusCode).toBe(403);
      expect(err.message).toBe(
        `User: ${hub} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${account}:role/GuardLinkDeployer`,
      );
    }
  });

  it('refuses session credentials after their Expiration', async () => {
    const creds = await assumeDeployer(sims, '333333333333');
    sims.aws.world.sessions.get(creds.accessKeyId)!.expiration = new Date(Date.now() - 1000);
    const err = await failure(
      new STSClient(clientConfig(sims, 'us-east-1', creds)).send(new GetCallerIdentityCommand({})),
    );
    expect([err.name, err.$metadata.httpStatusCode]).toEqual(['ExpiredToken', 400]);
  });

  it('validates DurationSeconds and RoleSessionName', async () => {
    const base = { RoleArn: 'arn:aws:iam::222222222222:role/GuardLinkDeployer', ExternalId: 'guardlink-demo' };
    const short = await failure(
      sts().send(new AssumeRoleCommand({ ...base, RoleSessionName: 's1', DurationSeconds: 899 })),
    );
    expect(short.name).toBe('ValidationError');
    expect(short.$metadata.httpStatusCode).toBe(400);
    expect(short.message).toContain('Member must have value greater than or equal to 900');
    const bad = await failure(sts().send(new AssumeRoleCommand({ ...base, RoleSessionName: 'has space' })));
    expect(bad.name).toBe('ValidationError');
    const ok = await sts().send(new AssumeRoleCommand({ ...base, RoleSessionName: 's1', DurationSeconds: 43200 }));
    expect(ok.Credentials?.Expiration!.getTime()).toBeGreaterThan(Date.now() + 43_000_000);
  });
});

describe('EC2 DescribeRegions', () => {
  it('lists enabled regions by default and every region with AllRegions', async () => {
    const ec2 = new EC2Client(clientConfig(sims, 'us-east-1'));
    const enabled = await ec2.send(new DescribeRegionsCommand({}));
    expect(enabled.Regions).toHaveLength(17);
    expect(enabled.Regions?.every((r) => r.OptInStatus === 'opt-in-not-required')).toBe(true);
    const all = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    expect(all.Regions).toHaveLength(34);
    expect(all.Regions?.find((r) => r.RegionName === 'af-south-1')).toEqual({
      RegionName: 'af-south-1',
      Endpoint: 'ec2.af-south-1.amazonaws.com',
      OptInStatus: 'not-opted-in',
    });
  });

  it("reflects the caller account's opt-ins and applies filters", async () => {
    const creds = await assumeDeployer(sims, '222222222222');
    const ec2 = new EC2Client(clientConfig(sims, 'us-east-1', creds));
    const enabled = await ec2.send(new DescribeRegionsCommand({}));
    expect(enabled.Regions).toHaveLength(18);
    const optedIn = await ec2.send(
      new DescribeRegionsCommand({ AllRegions: true, Filters: [{ Name: 'opt-in-status', Values: ['opted-in'] }] }),
    );
    expect(optedIn.Regions?.map((r) => r.RegionName)).toEqual(['af-south-1']);
  });
});

describe('IAM SimulatePrincipalPolicy', () => {
  it('answers allowed, or implicitDeny for denied actions, and NoSuchEntity for unknown roles', async () => {
    const creds = await assumeDeployer(sims, '222222222222');
    const iam = new IAMClient(clientConfig(sims, 'us-east-1', creds));
    await control(sims, 'deny', {
      account: '222222222222',
      principal: 'GuardLinkDeployer',
      actions: ['iam:CreateRole'],
    });
    const out = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: 'arn:aws:iam::222222222222:role/GuardLinkDeployer',
        ActionNames: ['cloudformation:CreateStack', 'iam:CreateRole'],
      }),
    );
    expect(out.IsTruncated).toBe(false);
    expect(out.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['cloudformation:CreateStack', 'allowed'],
      ['iam:CreateRole', 'implicitDeny'],
    ]);
    const err = await failure(
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: 'arn:aws:iam::222222222222:role/Nope',
          ActionNames: ['iam:CreateRole'],
        }),
      ),
    );
    expect(err.name).toBe('NoSuchEntityException');
    expect(err.message).toBe('The role with name Nope cannot be found.');
    expect(err.$metadata.httpStatusCode).toBe(404);
  });
});
