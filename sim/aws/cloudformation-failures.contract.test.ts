/**
 * Contract tests of the collector's failure modes (collector-template.md): a bad Alert Logic key,
 * AIMS out of reach, a second collector, a region without the code bucket, missing permissions.
 */
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AlreadyExistsException,
  CloudFormationClient,
  CreateStackCommand,
  DescribeStackEventsCommand,
  type StackEvent,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { startAwsSimulator } from './server';
import {
  assumeDeployer,
  clientConfig,
  control,
  failure,
  simState,
  startSims,
  waitForStack,
  type Credentials,
  type Sims,
} from './contract-support';

const TEMPLATE_URL = 'https://s3.amazonaws.com/alertlogic-collectors-us-east-1/cfn/guardduty.template';
const LOG_KEY = (account: string, region: string) => `${account}/${region}//aws/lambda/alertlogic-cwe-collector`;
const FAILED_REASON =
  /^Received response status \[FAILED\] from custom resource\. Message returned: See the details in CloudWatch Log Stream: (\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}) \(RequestId: [0-9a-f-]{36}\)$/;

let sims: Sims;
let creds: Credentials;
beforeAll(async () => {
  sims = await startSims();
});
afterAll(() => sims.close());
beforeEach(async () => {
  await control(sims, 'reset');
  creds = await assumeDeployer(sims, '222222222222');
});

const create = (cfn: CloudFormationClient, name = 'guardlink-collector', token = 'tok-1') =>
  cfn.send(
    new CreateStackCommand({
      StackName: name,
      TemplateURL: TEMPLATE_URL,
      Capabilities: ['CAPABILITY_IAM'],
      ClientRequestToken: token,
      Parameters: [
        { ParameterKey: 'AccessKeyId', ParameterValue: '0123456789abcdef' },
        { ParameterKey: 'SecretKey', ParameterValue: 'not-the-secret' },
      ],
    }),
  );

async function eventsOf(cfn: CloudFormationClient, stackId: string): Promise<StackEvent[]> {
  const out: StackEvent[] = [];
  let NextToken: string | undefined;
  do {
    const page = await cfn.send(new DescribeStackEventsCommand({ StackName: stackId, NextToken }));
    out.push(...(page.StackEvents ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return out.reverse();
}

const failedEvent = (events: StackEvent[]) => events.find((e) => e.ResourceStatus === 'CREATE_FAILED');

describe('collector failures', () => {
  it('rolls back on a bad Alert Logic key, logging the registration error', async () => {
    const cfn = new CloudFormationClient(clientConfig(sims, 'eu-west-2', creds));
    const { StackId } = await create(cfn);
    const stack = await waitForStack(cfn, 'guardlink-collector');
    expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');

    const events = await eventsOf(cfn, StackId!);
    const failed = failedEvent(events)!;
    expect(failed.LogicalResourceId).toBe('RegistrationResource');
    const stream = FAILED_REASON.exec(failed.ResourceStatusReason ?? '')?.[1];
    expect(stream).toBeDefined();
    const rollback = events.find((e) => e.ResourceStatus === 'ROLLBACK_IN_PROGRESS');
    expect(rollback?.ResourceStatusReason).toBe(
      'The following resource(s) failed to create: [RegistrationResource]. Rollback requested by user.',
    );
    const deleted = events.filter((e) => e.ResourceStatus === 'DELETE_COMPLETE').map((e) => e.LogicalResourceId);
    expect(deleted).toHaveLength(18);
    expect(deleted[0]).toBe('CheckinScheduledRuleLambdaInvokePermission');
    expect(deleted.at(-1)).toBe('KinesisStream');
    expect(events.every((e) => e.ClientRequestToken === 'tok-1')).toBe(true);

    const state = await simState(sims);
    expect(state.functions.filter((f) => f.account === '222222222222')).toEqual([]);
    const lines = state.logs[LOG_KEY('222222222222', 'eu-west-2')] ?? [];
    expect(lines[0]).toMatch(/^START RequestId: [0-9a-f-]{36} Version: \$LATEST\n$/);
    expect(
      lines.some((l) =>
        /\tERROR\tAWSC0003 registration error: Error: AIMS authentication failed: 401 Unauthorized\n$/.test(l),
      ),
    ).toBe(true);
    expect(lines.some((l) => l.startsWith('END RequestId: '))).toBe(true);
    expect(lines.at(-1)).toMatch(/^REPORT RequestId: [0-9a-f-]{36}\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\t/);

    const again = await failure(create(cfn, 'guardlink-collector', 'tok-2'));
    expect(again).toBeInstanceOf(AlreadyExistsException);
    const update = await failure(
      cfn.send(new UpdateStackCommand({ StackName: 'guardlink-collector', UsePreviousTemplate: true })),
    );
    expect([update.name, update.message]).toEqual([
      'ValidationError',
      `Stack:${StackId} is in ROLLBACK_COMPLETE state and can not be updated.`,
    ]);
  });

  it('fails registration with a different error when AIMS is out of reach', async () => {
    // A port nothing listens on: bind one, then free it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const lonely = await startAwsSimulator({ aimsUrl: `http://127.0.0.1:${port}`, stackDurationMs: 200 });
    try {
      const cfn = new CloudFormationClient({ ...clientConfig(sims, 'us-east-1'), endpoint: lonely.url });
      await create(cfn);
      await waitForStack(cfn, 'guardlink-collector');
      const lines = lonely.world.logs.snapshot()[LOG_KEY('111111111111', 'us-east-1')] ?? [];
      const error = lines.find((l) => l.includes('\tERROR\t'));
      expect(error).toMatch(
        /\tERROR\tAWSC0003 registration error: Error: AIMS request failed: connect ECONNREFUSED 127\.0\.0\.1:\d+\n$/,
      );
    } finally {
      await lonely.close();
    }
  });

  it('refuses a second collector in an account and region that already has one', async () => {
    const cfn = new CloudFormationClient(clientConfig(sims, 'us-east-1', await assumeDeployer(sims, '333333333333')));
    const { StackId } = await create(cfn);
    expect((await waitForStack(cfn, 'guardlink-collector')).StackStatus).toBe('ROLLBACK_COMPLETE');
    const failed = failedEvent(await eventsOf(cfn, StackId!))!;
    expect(failed.LogicalResourceId).toBe('CollectLambdaFunction');
    expect(failed.ResourceStatusReason).toBe(
      'alertlogic-cwe-collector already exists in stack ' +
        'arn:aws:cloudformation:us-east-1:333333333333:stack/alertlogic-cwe-collector/6d1e4a70-1f3b-11ef-9c2a-0e8f5b7d3a21',
    );
    const fn = (await simState(sims)).functions.find((f) => f.account === '333333333333');
    expect(fn?.stackId).toContain('stack/alertlogic-cwe-collector/');
  });

  it('fails CollectLambdaFunction where Alert Logic has no code bucket', async () => {
    const cfn = new CloudFormationClient(clientConfig(sims, 'ap-northeast-3', creds));
    const { StackId } = await create(cfn);
    expect((await waitForStack(cfn, 'guardlink-collector')).StackStatus).toBe('ROLLBACK_COMPLETE');
    const failed = failedEvent(await eventsOf(cfn, StackId!))!;
    expect(failed.LogicalResourceId).toBe('CollectLambdaFunction');
    expect(failed.ResourceStatusReason).toMatch(
      /^Error occurred while GetObject\. S3 Error Code: NoSuchBucket\. S3 Error Message: The specified bucket does not exist \(Service: Lambda, Status Code: 400, Request ID: [0-9a-f-]{36}\)$/,
    );
  });

  it('fails the first resource of a service the deployer may not use', async () => {
    await control(sims, 'deny', {
      account: '222222222222',
      principal: 'GuardLinkDeployer',
      actions: ['iam:CreateRole'],
    });
    const cfn = new CloudFormationClient(clientConfig(sims, 'eu-west-2', creds));
    const { StackId } = await create(cfn);
    expect((await waitForStack(cfn, 'guardlink-collector')).StackStatus).toBe('ROLLBACK_COMPLETE');
    const events = await eventsOf(cfn, StackId!);
    const failed = failedEvent(events)!;
    expect(failed.LogicalResourceId).toBe('CollectLambdaRole');
    expect(failed.ResourceStatusReason).toMatch(
      /^User: arn:aws:sts::222222222222:assumed-role\/GuardLinkDeployer\/guardlink-test is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::222222222222:role\/guardlink-collector-CollectLambdaRole-[A-Z0-9]{12} because no identity-based policy allows the iam:CreateRole action \(Service: Iam, Status Code: 403, Request ID: [0-9a-f-]{36}\)$/,
    );
    const deleted = events.filter((e) => e.ResourceStatus === 'DELETE_COMPLETE').map((e) => e.LogicalResourceId);
    expect(deleted).toEqual(['KinesisStream']);
  });
});
