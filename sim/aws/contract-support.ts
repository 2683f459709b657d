/**
 * Shared setup of the AWS simulator's contract tests: both simulators in-process on port 0,
 * SDK client configs, control calls, and small waiting/error helpers.
 */
import { expect } from 'vitest';
import { type CloudFormationClient, DescribeStacksCommand, type Stack } from '@aws-sdk/client-cloudformation';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { startAimsSimulator, type AimsSimulator } from '../aims/server';
import { startAwsSimulator, type AwsSimulator } from './server';

export interface Sims {
  aims: AimsSimulator;
  aws: AwsSimulator;
  close(): Promise<void>;
}

export const HUB_CREDENTIALS = { accessKeyId: 'AKIAHUBEXAMPLE', secretAccessKey: 'x' };

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export async function startSims(stackDurationMs = 300): Promise<Sims> {
  const aims = await startAimsSimulator();
  const aws = await startAwsSimulator({ aimsUrl: aims.url, stackDurationMs });
  return { aims, aws, close: async () => void (await Promise.all([aws.close(), aims.close()])) };
}

/** One attempt per call: the tests assert first answers, not the SDK's retries. */
export const clientConfig = (sims: Sims, region: string, credentials: Credentials = HUB_CREDENTIALS) => ({
  region,
  endpoint: sims.aws.url,
  credentials,
  maxAttempts: 1,
});

export async function control(sims: Sims, path: string, body?: unknown, method = 'POST'): Promise<unknown> {
  const res = await fetch(`${sims.aws.url}/_sim/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.json();
}

export interface SimState {
  stacks: {
    account: string;
    region: string;
    stackName: string;
    stackId: string;
    status: string;
    parameters: Record<string, string>;
    clientRequestTokens: string[];
  }[];
  createStackCalls: { account: string; region: string; stackName: string; token: string | null; outcome: string }[];
  detectors: { account: string; region: string; detectorId: string; status: string }[];
  functions: { account: string; region: string; name: string; stackId: string | null }[];
  logs: Record<string, string[]>;
  assumeRoleCalls: number;
}

export const simState = async (sims: Sims): Promise<SimState> =>
  (await control(sims, 'state', undefined, 'GET')) as SimState;

/** Credentials of `GuardLinkDeployer` in `account`, assumed by the hub with the demo ExternalId. */
export async function assumeDeployer(sims: Sims, account: string, session = 'guardlink-test'): Promise<Credentials> {
  const sts = new STSClient(clientConfig(sims, 'us-east-1'));
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${account}:role/GuardLinkDeployer`,
      RoleSessionName: session,
      ExternalId: 'guardlink-demo',
    }),
  );
  const c = out.Credentials!;
  return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
}

/** A real access key, made through the Alert Logic simulator's API as the demo administrator. */
export async function createAimsKey(sims: Sims): Promise<{ accessKeyId: string; secretKey: string }> {
  const basic = Buffer.from('admin@example.com:Demo-Admin-1').toString('base64');
  const auth = await fetch(`${sims.aims.url}/aims/v1/authenticate`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}` },
  });
  const session = (await auth.json()) as {
    authentication: { token: string; user: { id: string; account_id: string } };
  };
  const { token, user } = session.authentication;
  const created = await fetch(`${sims.aims.url}/aims/v1/${user.account_id}/users/${user.id}/access_keys`, {
    method: 'POST',
    headers: { 'x-aims-auth-token': token },
  });
  expect(created.status).toBe(201);
  const key = (await created.json()) as { access_key_id: string; secret_key: string };
  return { accessKeyId: key.access_key_id, secretKey: key.secret_key };
}

/** The error a call rejects with (fails the test when it resolves). */
export async function failure(promise: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  return err as Error & { $metadata: { httpStatusCode?: number } };
}

const SETTLED = /_(COMPLETE|FAILED)$/;

/** Polls DescribeStacks until the stack leaves every *_IN_PROGRESS status. */
export async function waitForStack(cfn: CloudFormationClient, stackName: string, timeoutMs = 8000): Promise<Stack> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = out.Stacks?.[0];
    if (stack?.StackStatus && SETTLED.test(stack.StackStatus)) return stack;
    if (Date.now() > deadline) throw new Error(`stack ${stackName} still ${stack?.StackStatus} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 40));
  }
}
