/**
 * Contract tests of the conditions every simulated service shares: opt-in regions, throttling,
 * failed regions, faults, the deny list and unknown operations, through the real SDK clients.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CloudFormationClient, ListExportsCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GuardDutyClient, ListDetectorsCommand, ListFiltersCommand } from '@aws-sdk/client-guardduty';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { assumeDeployer, clientConfig, control, failure, startSims, type Sims } from './contract-support';

let sims: Sims;
beforeAll(async () => {
  sims = await startSims();
});
afterAll(() => sims.close());
beforeEach(async () => {
  await control(sims, 'reset');
});

const sts = (region = 'us-east-1') => new STSClient(clientConfig(sims, region));

describe('shared conditions', () => {
  it('rejects calls in an opt-in region the account has not enabled', async () => {
    const stsErr = await failure(sts('af-south-1').send(new GetCallerIdentityCommand({})));
    expect([stsErr.name, stsErr.message, stsErr.$metadata.httpStatusCode]).toEqual([
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
      403,
    ]);
    const gdErr = await failure(
      new GuardDutyClient(clientConfig(sims, 'af-south-1')).send(new ListDetectorsCommand({})),
    );
    expect([gdErr.name, gdErr.message, gdErr.$metadata.httpStatusCode]).toEqual([
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
      403,
    ]);
    const creds = await assumeDeployer(sims, '222222222222');
    const me = await new STSClient(clientConfig(sims, 'af-south-1', creds)).send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe('222222222222');
  });

  it('throttles a service at rate 1 with its own error, and stops at rate 0', async () => {
    const cfn = new CloudFormationClient(clientConfig(sims, 'us-east-1'));
    await control(sims, 'throttle', { service: 'cloudformation', rate: 1 });
    await control(sims, 'throttle', { service: 'guardduty', rate: 1 });
    const err = await failure(cfn.send(new ListStacksCommand({})));
    expect([err.name, err.message, err.$metadata.httpStatusCode]).toEqual(['Throttling', 'Rate exceeded', 400]);
    const gdErr = await failure(
      new GuardDutyClient(clientConfig(sims, 'us-east-1')).send(new ListDetectorsCommand({})),
    );
    expect([gdErr.name, gdErr.$metadata.httpStatusCode]).toEqual(['TooManyRequestsException', 429]);
    expect((await sts().send(new GetCallerIdentityCommand({}))).Account).toBe('111111111111');
    await control(sims, 'throttle', { service: 'ec2', rate: 1 });
    const ec2Err = await failure(new EC2Client(clientConfig(sims, 'us-east-1')).send(new DescribeRegionsCommand({})));
    expect([ec2Err.name, ec2Err.$metadata.httpStatusCode]).toEqual(['RequestLimitExceeded', 503]);
    await control(sims, 'throttle', { service: 'cloudformation', rate: 0 });
    expect((await cfn.send(new ListStacksCommand({}))).StackSummaries).toEqual([]);
  });

  it('fails a region with 500 InternalFailure, or never answers in timeout mode', async () => {
    await control(sims, 'fail-region', { region: 'eu-west-3', mode: 'error' });
    const err = await failure(
      new CloudFormationClient(clientConfig(sims, 'eu-west-3')).send(new ListStacksCommand({})),
    );
    expect([err.name, err.$metadata.httpStatusCode]).toEqual(['InternalFailure', 500]);
    expect(
      (await new CloudFormationClient(clientConfig(sims, 'eu-west-2')).send(new ListStacksCommand({}))).$metadata
        .httpStatusCode,
    ).toBe(200);

    await control(sims, 'fail-region', { region: 'eu-west-3', mode: 'timeout' });
    const hang = new GuardDutyClient({
      ...clientConfig(sims, 'eu-west-3'),
      requestHandler: { requestTimeout: 200, throwOnRequestTimeout: true },
    });
    const timeout = await failure(hang.send(new ListDetectorsCommand({})));
    expect(timeout.name).toBe('TimeoutError');
    await control(sims, 'fail-region', { region: 'eu-west-3', mode: 'off' });
    expect(
      (await new GuardDutyClient(clientConfig(sims, 'eu-west-3')).send(new ListDetectorsCommand({}))).DetectorIds,
    ).toEqual([]);
  });

  it('applies faults matched on Action=<Op> for query calls', async () => {
    await control(sims, 'faults', { kind: 'status', status: 503, match: 'Action=ListStacks', times: 1 });
    const cfn = new CloudFormationClient(clientConfig(sims, 'us-east-1'));
    expect((await sts().send(new GetCallerIdentityCommand({}))).Account).toBe('111111111111');
    const err = await failure(cfn.send(new ListStacksCommand({})));
    expect(err.$metadata.httpStatusCode).toBe(503);
    expect((await cfn.send(new ListStacksCommand({}))).StackSummaries).toEqual([]);
  });

  it('denies an action to one principal with that service’s AccessDenied', async () => {
    await control(sims, 'deny', {
      account: '111111111111',
      principal: 'guardlink-console',
      actions: ['cloudformation:ListStacks'],
    });
    const err = await failure(
      new CloudFormationClient(clientConfig(sims, 'us-east-1')).send(new ListStacksCommand({})),
    );
    expect(err.name).toBe('AccessDenied');
    expect(err.$metadata.httpStatusCode).toBe(403);
    expect(err.message).toContain('is not authorized to perform: cloudformation:ListStacks');
    await control(sims, 'deny', { account: '111111111111', principal: 'guardlink-console', actions: [] });
    expect(
      (await new CloudFormationClient(clientConfig(sims, 'us-east-1')).send(new ListStacksCommand({}))).StackSummaries,
    ).toEqual([]);
  });

  it('answers operations it does not simulate with each protocol’s own error', async () => {
    const query = await failure(
      new CloudFormationClient(clientConfig(sims, 'us-east-1')).send(new ListExportsCommand({})),
    );
    expect([query.name, query.message, query.$metadata.httpStatusCode]).toEqual([
      'InvalidAction',
      'Could not find operation ListExports for version 2010-05-15',
      400,
    ]);
    const rest = await failure(
      new GuardDutyClient(clientConfig(sims, 'us-east-1')).send(new ListFiltersCommand({ DetectorId: 'x' })),
    );
    expect([rest.name, rest.$metadata.httpStatusCode]).toEqual(['UnknownOperationException', 404]);
    const rpc = await failure(
      new CloudWatchLogsClient(clientConfig(sims, 'us-east-1')).send(new DescribeLogGroupsCommand({})),
    );
    expect([rpc.name, rpc.$metadata.httpStatusCode]).toEqual(['UnknownOperationException', 400]);
  });
});
