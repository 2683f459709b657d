/**
 * Contract test of `POST /_sim/scenario {"name":"dashboard"}`: every health state in its own
 * account × region, read back through the real SDK clients and the Alert Logic simulator, with
 * metrics that agree with the log lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  GetDetectorCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListFindingsCommand,
} from '@aws-sdk/client-guardduty';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  assumeDeployer,
  clientConfig,
  failure,
  simState,
  startSims,
  type Credentials,
  type Sims,
} from './contract-support';
import { LOG_GROUP, aimsGet, aimsToken, incidents, lambdaMetric, metricSum, resetSims } from './collector-support';

interface Cell {
  account: string;
  region: string;
  state: string;
  stackName?: string;
  collectorId?: string;
}

let sims: Sims;
let cells: Cell[];
let token: string;
const creds: Record<string, Credentials> = {};

beforeAll(async () => {
  sims = await startSims();
  await resetSims(sims);
  const res = await fetch(`${sims.aws.url}/_sim/scenario`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'dashboard' }),
  });
  expect(res.status).toBe(200);
  cells = ((await res.json()) as { cells: Cell[] }).cells;
  token = await aimsToken(sims);
  for (const account of ['222222222222', '333333333333']) creds[account] = await assumeDeployer(sims, account);
});
afterAll(() => sims.close());

const cell = (state: string, n = 0) => cells.filter((c) => c.state === state)[n]!;
const config = (c: Cell) => clientConfig(sims, c.region, creds[c.account]);
const DAY = 86_400_000;

/** Lines of the last `windowMs` matching a pattern, through FilterLogEvents (all pages). */
async function lineCount(c: Cell, filterPattern: string, windowMs = DAY): Promise<number> {
  const logs = new CloudWatchLogsClient(config(c));
  let n = 0;
  let nextToken: string | undefined;
  do {
    const page = await logs.send(
      new FilterLogEventsCommand({
        logGroupName: LOG_GROUP,
        filterPattern,
        startTime: Date.now() - windowMs,
        nextToken,
      }),
    );
    n += page.events?.length ?? 0;
    nextToken = page.nextToken;
  } while (nextToken);
  return n;
}

const sum = (c: Cell, name: string) => metricSum(sims, c.region, creds[c.account]!, lambdaMetric(name), DAY);

describe('dashboard scenario', () => {
  it('maps every state to a distinct account and region in 222222222222 and 333333333333', () => {
    expect(cells.map((c) => c.state)).toEqual([
      'healthy',
      'degraded',
      'failing',
      'failing',
      'silent',
      'not_installed',
      'guardduty_off',
      'guardduty_off',
    ]);
    expect(new Set(cells.map((c) => `${c.account}/${c.region}`)).size).toBe(cells.length);
  });

  it('deploys GuardLink stacks holding a real key, registered in Alert Logic account 10000001', async () => {
    const aims = (await (await fetch(`${sims.aims.url}/_sim/state`)).json()) as {
      users: { email: string; keys: { id: string; label: string }[] }[];
      registrations: { collectorId: string; cid: string }[];
    };
    const [key] = aims.users.find((u) => u.email === 'admin@example.com')!.keys;
    expect(key?.label).toBe('GuardLink dashboard scenario');
    for (const c of [cell('healthy'), cell('degraded'), cell('failing', 1), cell('silent')]) {
      const cfn = new CloudFormationClient(config(c));
      const [stack] = (await cfn.send(new DescribeStacksCommand({ StackName: c.stackName }))).Stacks!;
      expect(stack!.StackStatus).toBe('CREATE_COMPLETE');
      expect(stack!.Tags).toContainEqual({ Key: 'guardlink:managed', Value: 'true' });
      expect(stack!.Parameters).toContainEqual({ ParameterKey: 'AccessKeyId', ParameterValue: key!.id });
      const fn = await new LambdaClient(config(c)).send(
        new GetFunctionConfigurationCommand({ FunctionName: 'alertlogic-cwe-collector' }),
      );
      expect(fn.Environment!.Variables!.collector_id).toBe(c.collectorId);
      expect(aims.registrations.find((r) => r.collectorId === c.collectorId)?.cid).toBe('10000001');
    }
  });

  it('keeps metrics consistent with the log lines of the last 24 h', async () => {
    for (const c of [cell('healthy'), cell('degraded'), cell('failing', 1), cell('silent')]) {
      expect(await sum(c, 'Invocations')).toBe(await lineCount(c, 'START'));
      expect(await sum(c, 'Errors')).toBe(await lineCount(c, '?ERROR ?"Task timed out"'));
    }
  });

  it('shows a healthy collector: traffic, no errors, a recent ok status, incidents for its findings', async () => {
    const c = cell('healthy');
    expect(await sum(c, 'Invocations')).toBeGreaterThan(90);
    expect(await sum(c, 'Errors')).toBe(0);
    const status = await aimsGet(sims, token, `/collectors_status/v1/10000001/statuses/${c.collectorId}`);
    const latest = (status.json as { statuses: { status: string; timestamp: number }[] }).statuses[0]!;
    expect(latest.status).toBe('ok');
    expect(latest.timestamp).toBeGreaterThan(Date.now() - 20 * 60_000);
    const mine = (await incidents(sims, token)).filter((i) => i.aws_region === c.region);
    expect(mine).toHaveLength(4);
  });

  it('shows a degraded collector: errors hours ago, successes in the last hour, an error in its status history', async () => {
    const c = cell('degraded');
    expect(await sum(c, 'Errors')).toBeGreaterThan(2);
    expect(await lineCount(c, 'ERROR', 3600_000)).toBe(0);
    expect(await lineCount(c, 'START', 3600_000)).toBeGreaterThan(2);
    const history = await aimsGet(sims, token, `/collectors_status/v1/10000001/statuses/${c.collectorId}/history`);
    expect((history.json as { status: string }[]).map((s) => s.status)).toEqual(['ok', 'error']);
  });

  it('shows failing collectors: a rolled-back stack and one whose key AIMS refuses', async () => {
    const rejected = cell('failing', 0);
    const cfn = new CloudFormationClient(config(rejected));
    const [stack] = (await cfn.send(new DescribeStacksCommand({ StackName: rejected.stackName }))).Stacks!;
    expect(stack!.StackStatus).toBe('ROLLBACK_COMPLETE');
    const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: stack!.StackId }))).StackEvents!;
    const failed = events.find((e) => e.ResourceStatus === 'CREATE_FAILED')!;
    expect(failed.LogicalResourceId).toBe('RegistrationResource');
    const stream = /CloudWatch Log Stream: (\S+) /.exec(failed.ResourceStatusReason!)![1]!;
    const lines = await new CloudWatchLogsClient(config(rejected)).send(
      new FilterLogEventsCommand({ logGroupName: LOG_GROUP, logStreamNames: [stream], filterPattern: 'AWSC0003' }),
    );
    expect(lines.events![0]!.message).toContain('registration error: Error: AIMS authentication failed: 401');
    const noFn = await failure(
      new LambdaClient(config(rejected)).send(
        new GetFunctionConfigurationCommand({ FunctionName: 'alertlogic-cwe-collector' }),
      ),
    );
    expect(noFn.name).toBe('ResourceNotFoundException');

    const badKey = cell('failing', 1);
    expect(await lineCount(badKey, '"AIMS authentication failed: 401"', 5 * 3600_000)).toBe(
      await lineCount(badKey, 'START', 5 * 3600_000),
    );
    expect((await simState(sims)) as unknown).toMatchObject({
      collectorFaults: { [`${badKey.account}/${badKey.region}`]: 'bad_key' },
    });
  });

  it('shows a silent collector, an account without one, and GuardDuty off', async () => {
    const findingsIn = async (c: Cell) => {
      const gd = new GuardDutyClient(config(c));
      const [id] = (await gd.send(new ListDetectorsCommand({}))).DetectorIds ?? [];
      const criteria = { Criterion: { updatedAt: { GreaterThanOrEqual: Date.now() - DAY } } };
      return (await gd.send(new ListFindingsCommand({ DetectorId: id, FindingCriteria: criteria }))).FindingIds ?? [];
    };
    const silent = cell('silent');
    expect(await findingsIn(silent)).toHaveLength(3);
    expect(await sum(silent, 'Invocations')).toBe(0);
    const notInstalled = cell('not_installed');
    expect(await findingsIn(notInstalled)).toHaveLength(3);
    const described = await failure(
      new CloudFormationClient(config(notInstalled)).send(
        new DescribeStacksCommand({ StackName: 'GuardLink-GuardDuty-Collector' }),
      ),
    );
    expect(described.name).toBe('ValidationError');

    const disabled = new GuardDutyClient(config(cell('guardduty_off', 0)));
    const [id] = (await disabled.send(new ListDetectorsCommand({}))).DetectorIds!;
    expect((await disabled.send(new GetDetectorCommand({ DetectorId: id }))).Status).toBe('DISABLED');
    const none = new GuardDutyClient(config(cell('guardduty_off', 1)));
    expect((await none.send(new ListDetectorsCommand({}))).DetectorIds).toEqual([]);

    const again = await fetch(`${sims.aws.url}/_sim/scenario`, {
      method: 'POST',
      body: JSON.stringify({ name: 'dashboard' }),
    });
    expect(again.status).toBe(409);
  });
});
