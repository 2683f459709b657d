/** The AWS simulator's test-only control interface, and quick set-up through GuardLink's own API. */
import { expect, type Page } from '@playwright/test';
import { AWS_SIM_URL, SIM_URL } from './env';

export interface AwsSimState {
  stacks: {
    account: string;
    region: string;
    stackName: string;
    stackId: string;
    status: string;
    tags: Record<string, string> | { Key: string; Value: string }[];
  }[];
  createStackCalls: { account: string; region: string; stackName: string; token?: string; outcome: string }[];
  detectors: { account: string; region: string; detectorId: string; status: string }[];
}

async function control(path: string, json?: unknown, method = 'POST'): Promise<unknown> {
  const res = await fetch(`${AWS_SIM_URL}/_sim/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  if (!res.ok) throw new Error(`aws sim control ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

export const awsSim = {
  reset: () => control('reset'),
  config: (json: {
    stackDurationMs?: number;
    latencyMs?: number;
    checkinIntervalMs?: number;
    pipelineDelayMs?: number;
  }) => control('config', json),
  /** Builds the seeded scenario and returns which (account, region) shows which health state. */
  async scenario(name: string): Promise<{ account: string; region: string; state: string }[]> {
    const res = (await control('scenario', { name })) as {
      cells: { account: string; region: string; state: string }[];
    };
    return res.cells;
  },
  throttle: (service: string, rate: number) => control('throttle', { service, rate }),
  collectorFault: (
    account: string,
    region: string,
    fault: 'bad_key' | 'kms_denied' | 'rule_disabled' | 'timeout' | 'off',
  ) => control('collector-fault', { account, region, fault }),
  failRegion: (region: string, mode: 'error' | 'timeout' | 'off') => control('fail-region', { region, mode }),
  state: () => control('state', undefined, 'GET') as Promise<AwsSimState>,
  async stacksIn(account: string) {
    return (await awsSim.state()).stacks.filter((s) => s.account === account);
  },
};

export const ROLE = (account: string) => `arn:aws:iam::${account}:role/GuardLinkDeployer`;

/** Registers accounts through GuardLink's own API, as the Targets page does. */
export async function registerTargets(page: Page, accounts: string[]): Promise<void> {
  const origin = new URL(page.url()).origin;
  for (const accountId of accounts) {
    const res = await page.request.post('/api/targets', {
      headers: { origin },
      data: {
        kind: 'role',
        accountId,
        label: `Account ${accountId.slice(0, 3)}`,
        roleArn: ROLE(accountId),
        externalId: 'guardlink-demo',
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
}

/** Drops a draft left by an earlier test, so the page offers a fresh start. */
export async function discardOpenDraft(page: Page): Promise<void> {
  const origin = new URL(page.url()).origin;
  const res = await page.request.get('/api/onboard');
  const { wizard } = (await res.json()) as { wizard: { deployment: { id: string; status: string } } | null };
  if (wizard?.deployment.status === 'draft')
    await page.request.delete(`/api/onboard/${wizard.deployment.id}`, { headers: { origin } });
}

/** A key made straight in Alert Logic (as another tool would), with its secret. */
export async function createAlertLogicKey(
  label: string,
): Promise<{ id: string; secret: string; token: string; accountId: string; userId: string }> {
  const auth = await fetch(`${SIM_URL}/aims/v1/authenticate`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from('admin@example.com:Demo-Admin-1').toString('base64')}` },
  });
  const { authentication: a } = (await auth.json()) as {
    authentication: { token: string; account: { id: string }; user: { id: string } };
  };
  const res = await fetch(`${SIM_URL}/aims/v1/${a.account.id}/users/${a.user.id}/access_keys`, {
    method: 'POST',
    headers: { 'x-aims-auth-token': a.token, 'content-type': 'application/json' },
    body: JSON.stringify({ label }),
  });
  const key = (await res.json()) as { access_key_id: string; secret_key: string };
  return { id: key.access_key_id, secret: key.secret_key, token: a.token, accountId: a.account.id, userId: a.user.id };
}

export async function deleteAlertLogicKey(key: {
  id: string;
  token: string;
  accountId: string;
  userId: string;
}): Promise<void> {
  const res = await fetch(`${SIM_URL}/aims/v1/${key.accountId}/users/${key.userId}/access_keys/${key.id}`, {
    method: 'DELETE',
    headers: { 'x-aims-auth-token': key.token },
  });
  expect(res.status).toBe(204);
}
