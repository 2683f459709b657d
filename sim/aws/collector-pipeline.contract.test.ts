/**
 * Contract tests of the collector pipeline end to end: GuardDuty finding → EventBridge → Kinesis →
 * Lambda → Alert Logic ingest → iris incident, the scheduled check-in, registration, and each
 * collector fault, observed through the real SDK clients and the Alert Logic simulator's API.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CloudFormationClient,
  DeleteStackCommand,
  DescribeStackResourcesCommand,
} from '@aws-sdk/client-cloudformation';
import { CreateSampleFindingsCommand, GuardDutyClient, ListFindingsCommand } from '@aws-sdk/client-guardduty';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { clientConfig, startSims, type Sims } from './contract-support';
import {
  aimsGet,
  aimsToken,
  deployCollector,
  eventually,
  incidents,
  lambdaMetric,
  logLines,
  metricSum,
  resetSims,
  setFault,
  type Deployed,
} from './collector-support';

const ACCOUNT = '222222222222';
const REGION = 'us-east-2';

let sims: Sims;
let token: string;
beforeAll(async () => {
  sims = await startSims();
});
afterAll(() => sims.close());
beforeEach(async () => {
  await resetSims(sims);
  token = await aimsToken(sims);
});

const sample = (d: Deployed, type = 'Recon:EC2/PortProbeUnprotectedPort') =>
  new GuardDutyClient(clientConfig(sims, REGION, d.creds)).send(
    new CreateSampleFindingsCommand({ DetectorId: d.detectorId, FindingTypes: [type] }),
  );

const invocations = (d: Deployed) => metricSum(sims, REGION, d.creds, lambdaMetric('Invocations'));
const errors = (d: Deployed) => metricSum(sims, REGION, d.creds, lambdaMetric('Errors'));

async function collectorId(d: Deployed): Promise<string> {
  const lambda = new LambdaClient(clientConfig(sims, REGION, d.creds));
  const cfg = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'alertlogic-cwe-collector' }));
  return cfg.Environment?.Variables?.collector_id ?? 'none';
}

describe('collector pipeline', () => {
  it('registers on deploy and forwards a sample finding to an iris incident, counting every hop', async () => {
    const d = await deployCollector(sims, ACCOUNT, REGION);
    const id = await collectorId(d);
    expect(id).toMatch(/^[0-9A-F-]{36}$/);
    const cfn = new CloudFormationClient(clientConfig(sims, REGION, d.creds));
    const resources = (await cfn.send(new DescribeStackResourcesCommand({ StackName: 'guardlink-collector' })))
      .StackResources!;
    const physical = (logical: string) => resources.find((r) => r.LogicalResourceId === logical)!.PhysicalResourceId!;
    expect(physical('KinesisStream')).toMatch(/^guardlink-collector-KinesisStream-[A-Z0-9]{12}$/);
    const rule = physical('CloudWatchEventsRule');
    expect(await invocations(d)).toBe(1); // the registration itself

    await sample(d);
    await eventually(async () => (await invocations(d)) === 2);
    expect(await errors(d)).toBe(0);
    const kinesis = { namespace: 'AWS/Kinesis', name: 'IncomingRecords', dimension: 'StreamName' };
    expect(await metricSum(sims, REGION, d.creds, { ...kinesis, value: physical('KinesisStream') })).toBe(1);
    const events = { namespace: 'AWS/Events', name: 'MatchedEvents', dimension: 'RuleName', value: rule };
    expect(await metricSum(sims, REGION, d.creds, events)).toBe(1);

    const lines = await logLines(sims, ACCOUNT, REGION);
    expect(lines.some((l) => /\tINFO\tCollector registered with Alert Logic: collector_id /.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('\tINFO\tSent 1 GuardDuty finding(s) to Alert Logic'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^REPORT RequestId: /);

    const gd = new GuardDutyClient(clientConfig(sims, REGION, d.creds));
    const [findingId] = (await gd.send(new ListFindingsCommand({ DetectorId: d.detectorId }))).FindingIds ?? [];
    const listed = await eventually(async () =>
      (await incidents(sims, token)).find((i) => i.guardduty_finding_id === findingId),
    );
    expect(listed).toMatchObject({ incident_threat_rating: 'Low', aws_region: REGION, detection_source: 'guardduty' });
  });

  it('checks in on schedule (azcollect and collectors_status ok) and deregisters on delete', async () => {
    await resetSims(sims, { checkinIntervalMs: 250 });
    token = await aimsToken(sims);
    const d = await deployCollector(sims, ACCOUNT, REGION);
    const id = await collectorId(d);
    const status = await eventually(async () => {
      const res = await aimsGet(sims, token, `/collectors_status/v1/10000001/statuses/${id}`);
      return res.status === 200 && (res.json as { statuses: { status: string; timestamp: number }[] });
    });
    expect(status.statuses[0]).toMatchObject({ status: 'ok', stream: 'guardduty' });
    expect(status.statuses[0]!.timestamp).toBeGreaterThan(Date.now() - 5000);
    const state = (await (await fetch(`${sims.aims.url}/_sim/state`)).json()) as {
      registrations: { collectorId: string; lastCheckin: string | null; deregisteredAt: string | null }[];
    };
    expect(state.registrations.find((r) => r.collectorId === id)?.lastCheckin).not.toBeNull();
    expect((await logLines(sims, ACCOUNT, REGION)).some((l) => l.includes('\tINFO\tCheckin done: '))).toBe(true);

    const cfn = new CloudFormationClient(clientConfig(sims, REGION, d.creds));
    await cfn.send(new DeleteStackCommand({ StackName: 'guardlink-collector' }));
    await eventually(async () => {
      const s = (await (await fetch(`${sims.aims.url}/_sim/state`)).json()) as typeof state;
      return s.registrations.find((r) => r.collectorId === id)?.deregisteredAt;
    });
  });

  it('applies each collector fault, and clears it with off', async () => {
    const d = await deployCollector(sims, ACCOUNT, REGION);
    let expected = 1;
    const run = async (type: string) => {
      await sample(d, type);
      expected += 1;
      await eventually(async () => (await invocations(d)) === expected);
      return logLines(sims, ACCOUNT, REGION);
    };

    await setFault(sims, ACCOUNT, REGION, 'bad_key');
    let lines = await run('UnauthorizedAccess:EC2/SSHBruteForce');
    expect(lines.some((l) => /\tERROR\tInvoke Error \t.*AIMS authentication failed: 401 Unauthorized/.test(l))).toBe(
      true,
    );
    expect(await errors(d)).toBe(1);

    await setFault(sims, ACCOUNT, REGION, 'kms_denied');
    lines = await run('Discovery:S3/MaliciousIPCaller');
    expect(lines.some((l) => l.includes('"errorType":"AccessDeniedException"') && l.includes('kms:Decrypt'))).toBe(
      true,
    );
    expect(await errors(d)).toBe(2);

    await setFault(sims, ACCOUNT, REGION, 'timeout');
    lines = await run('PenTest:IAMUser/KaliLinux');
    expect(lines.at(-1)).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z [0-9a-f-]{36} Task timed out after 3\.00 seconds\n$/);
    expect(await errors(d)).toBe(3);

    await setFault(sims, ACCOUNT, REGION, 'rule_disabled');
    await sample(d, 'Trojan:EC2/DNSDataExfiltration');
    await new Promise((r) => setTimeout(r, 200));
    expect(await invocations(d)).toBe(expected);
    const state = (await (await fetch(`${sims.aws.url}/_sim/state`)).json()) as {
      metrics: Record<string, Record<string, number>>;
      collectorFaults: Record<string, string>;
    };
    expect(state.metrics[`${ACCOUNT}/${REGION}`]?.MatchedEvents).toBe(3);
    expect(state.collectorFaults).toEqual({ [`${ACCOUNT}/${REGION}`]: 'rule_disabled' });

    await setFault(sims, ACCOUNT, REGION, 'off');
    lines = await run('Backdoor:EC2/C&CActivity.B!DNS');
    expect(lines.at(-2)).toMatch(/^END RequestId: /);
    expect(await errors(d)).toBe(3);
    expect((await incidents(sims, token)).map((i) => i.incident_threat_rating)).toEqual(['High']);
  });

  it('fails like a bad key once the key is deleted in Alert Logic, with no switch', async () => {
    const d = await deployCollector(sims, ACCOUNT, REGION);
    const user = '715A4EC0-9833-4D6E-9C03-A537E3F98D23';
    const del = await fetch(`${sims.aims.url}/aims/v1/10000001/users/${user}/access_keys/${d.key.accessKeyId}`, {
      method: 'DELETE',
      headers: { 'x-aims-auth-token': token },
    });
    expect(del.status).toBe(204);
    await sample(d);
    await eventually(async () => (await errors(d)) === 1);
    const lines = await logLines(sims, ACCOUNT, REGION);
    expect(lines.filter((l) => l.includes('AIMS authentication failed: 401 Unauthorized'))).toHaveLength(1);
    expect(await incidents(sims, token)).toEqual([]);
  });

  it('creates findings on demand through /_sim/findings, which then flow', async () => {
    const d = await deployCollector(sims, ACCOUNT, REGION);
    const res = await fetch(`${sims.aws.url}/_sim/findings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: ACCOUNT, region: REGION, count: 2, severity: 'Critical', title: '<i>x</i>' }),
    });
    const made = (await res.json()) as { detectorId: string; findingIds: string[] };
    expect([res.status, made.detectorId, made.findingIds.length]).toEqual([200, d.detectorId, 2]);
    const list = await eventually(async () => {
      const found = await incidents(sims, token);
      return found.length === 2 && found;
    });
    expect(list.map((i) => [i.incident_threat_rating, (i.incident as { summary: string }).summary])).toEqual([
      ['Critical', '<i>x</i>'],
      ['Critical', '<i>x</i>'],
    ]);
    const none = await fetch(`${sims.aws.url}/_sim/findings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: '333333333333', region: 'us-west-2' }),
    });
    expect(none.status).toBe(400);
    const state = (await (await fetch(`${sims.aws.url}/_sim/state`)).json()) as { findings: Record<string, number> };
    expect(state.findings[`${ACCOUNT}/${REGION}`]).toBe(2);
  });

  it('stops findings in flight on reset: nothing reaches the fresh world', async () => {
    const d = await deployCollector(sims, ACCOUNT, REGION);
    await fetch(`${sims.aws.url}/_sim/config`, { method: 'POST', body: JSON.stringify({ pipelineDelayMs: 300 }) });
    await sample(d);
    await resetSims(sims);
    await new Promise((r) => setTimeout(r, 400));
    const state = (await (await fetch(`${sims.aws.url}/_sim/state`)).json()) as {
      metrics: Record<string, unknown>;
      logs: Record<string, unknown>;
      settings: { pipelineDelayMs: number; checkinIntervalMs: number };
    };
    expect(state.metrics).toEqual({});
    expect(state.logs).toEqual({});
    expect(state.settings).toMatchObject({ pipelineDelayMs: 20, checkinIntervalMs: 600_000 });
  });
});
