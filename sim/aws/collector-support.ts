/**
 * Shared setup of the collector pipeline's contract tests: a collector deployed through the real
 * CloudFormation client with a real Alert Logic key, polling, and reads of the Alert Logic side.
 */
import { expect } from 'vitest';
import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import {
  assumeDeployer,
  clientConfig,
  createAimsKey,
  simState,
  waitForStack,
  type Credentials,
  type Sims,
} from './contract-support';

export const TEMPLATE_URL = 'https://s3.amazonaws.com/alertlogic-collectors-us-east-1/cfn/guardduty.template';
export const LOG_GROUP = '/aws/lambda/alertlogic-cwe-collector';

export interface Deployed {
  creds: Credentials;
  key: { accessKeyId: string; secretKey: string };
  detectorId: string;
}

/** Resets both simulators and makes the pipeline fast; a long check-in interval unless given. */
export async function resetSims(sims: Sims, config: Record<string, number> = {}): Promise<void> {
  for (const url of [sims.aws.url, sims.aims.url]) {
    expect((await fetch(`${url}/_sim/reset`, { method: 'POST' })).status).toBe(200);
  }
  await fetch(`${sims.aws.url}/_sim/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pipelineDelayMs: 20, checkinIntervalMs: 600_000, ...config }),
  });
}

/** A collector stack in CREATE_COMPLETE in `account`/`region`, deployed with a fresh Alert Logic key. */
export async function deployCollector(sims: Sims, account: string, region: string): Promise<Deployed> {
  const creds = await assumeDeployer(sims, account);
  const key = await createAimsKey(sims);
  const cfn = new CloudFormationClient(clientConfig(sims, region, creds));
  await cfn.send(
    new CreateStackCommand({
      StackName: 'guardlink-collector',
      TemplateURL: TEMPLATE_URL,
      Capabilities: ['CAPABILITY_IAM'],
      Parameters: [
        { ParameterKey: 'AccessKeyId', ParameterValue: key.accessKeyId },
        { ParameterKey: 'SecretKey', ParameterValue: key.secretKey },
      ],
    }),
  );
  expect((await waitForStack(cfn, 'guardlink-collector')).StackStatus).toBe('CREATE_COMPLETE');
  const gd = new GuardDutyClient(clientConfig(sims, region, creds));
  const [detectorId = ''] = (await gd.send(new ListDetectorsCommand({}))).DetectorIds ?? [];
  return { creds, key, detectorId };
}

/** Polls until `probe` answers something truthy. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 4000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

export const logLines = async (sims: Sims, account: string, region: string): Promise<string[]> =>
  (await simState(sims)).logs[`${account}/${region}/${LOG_GROUP}`] ?? [];

/** Sum of one metric over the last `windowMs` (Period 60, Stat Sum), through the real CloudWatch client. */
export async function metricSum(
  sims: Sims,
  region: string,
  creds: Credentials,
  metric: { namespace: string; name: string; dimension: string; value: string },
  windowMs = 3600_000,
): Promise<number> {
  const cw = new CloudWatchClient(clientConfig(sims, region, creds));
  const now = Date.now();
  const out = await cw.send(
    new GetMetricDataCommand({
      MetricDataQueries: [
        {
          Id: 'm',
          MetricStat: {
            Metric: {
              Namespace: metric.namespace,
              MetricName: metric.name,
              Dimensions: [{ Name: metric.dimension, Value: metric.value }],
            },
            Period: 60,
            Stat: 'Sum',
          },
        },
      ],
      StartTime: new Date(now - windowMs),
      EndTime: new Date(now),
    }),
  );
  return (out.MetricDataResults?.[0]?.Values ?? []).reduce((a, b) => a + b, 0);
}

export const lambdaMetric = (name: string) => ({
  namespace: 'AWS/Lambda',
  name,
  dimension: 'FunctionName',
  value: 'alertlogic-cwe-collector',
});

/** An Alert Logic session as the demo administrator (account 10000001). */
export async function aimsToken(sims: Sims): Promise<string> {
  const res = await fetch(`${sims.aims.url}/aims/v1/authenticate`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('admin@example.com:Demo-Admin-1').toString('base64')}` },
  });
  return ((await res.json()) as { authentication: { token: string } }).authentication.token;
}

export async function aimsGet(sims: Sims, token: string, path: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${sims.aims.url}${path}`, { headers: { 'x-aims-auth-token': token } });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}

/** The GuardDuty incidents iris lists for account 10000001 over the last day. */
export async function incidents(sims: Sims, token: string): Promise<Record<string, unknown>[]> {
  const now = Math.ceil(Date.now() / 1000);
  const res = await aimsGet(
    sims,
    token,
    `/iris/v3/10000001/incidents_by_time?start_time=${now - 86_400}&end_time=${now}`,
  );
  return res.json as Record<string, unknown>[];
}

export async function setFault(sims: Sims, account: string, region: string, fault: string): Promise<void> {
  const res = await fetch(`${sims.aws.url}/_sim/collector-fault`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account, region, fault }),
  });
  expect(res.status).toBe(200);
}
