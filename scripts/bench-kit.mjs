/**
 * What the benchmark scripts share: starting the simulators and the built console on spare ports,
 * waiting for them, and signing in through next-auth to call the console's own HTTP API.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const children = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGTERM')));

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

export function startProcess(cmd, args, env = {}) {
  const child = spawn(cmd, args, { stdio: 'ignore', env: { ...process.env, ...env } });
  children.push(child);
  return child;
}

export async function waitFor(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not come up`);
}

/** Both simulators; `awsArgs` adds options such as --stack-duration-ms. */
export async function startSimulators({ aimsPort, awsPort, awsArgs = [] }) {
  const aims = `http://127.0.0.1:${aimsPort}`;
  const aws = `http://127.0.0.1:${awsPort}`;
  startProcess('node_modules/.bin/tsx', ['sim/aims/main.ts', '--port', String(aimsPort)]);
  startProcess('node_modules/.bin/tsx', ['sim/aws/main.ts', '--port', String(awsPort), '--aims-url', aims, ...awsArgs]);
  await waitFor(`${aims}/_sim/state`);
  await waitFor(`${aws}/_sim/state`);
  return { aims, aws };
}

/** The built console (`npm run build` first) on the simulators, with its own empty store. */
export async function startConsole({ port, aims, aws, env = {} }) {
  const app = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'guardlink-bench-'));
  const child = startProcess('node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], {
    AIMS_API_URL: aims,
    AUTH_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
    NEXTAUTH_URL: app,
    AWS_ENDPOINT_URL: aws,
    AWS_ACCESS_KEY_ID: 'AKIAGUARDLINKBENCH01',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    DATABASE_URL: `file:${join(dir, 'bench.sqlite')}`,
    NEXT_TELEMETRY_DISABLED: '1',
    ...env,
  });
  await waitFor(`${app}/sign-in`);
  return { app, pid: child.pid };
}

/** Signs in as the demo administrator and returns a caller of the console's API with that session. */
export async function signIn(app) {
  const csrfRes = await fetch(`${app}/api/auth/csrf`);
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${app}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email: 'admin@example.com', password: 'Demo-Admin-1', json: 'true' }),
  });
  const cookie = [...jar, ...res.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
  if (!cookie.includes('session-token')) throw new Error('sign-in failed');
  return async function api(method, path, json) {
    const r = await fetch(app + path, {
      method,
      headers: { cookie, origin: app, ...(json ? { 'content-type': 'application/json' } : {}) },
      body: json ? JSON.stringify(json) : undefined,
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/** Registers a target the way the AWS accounts page does (the simulators' demo role and ExternalId). */
export function registerTarget(api, accountId, label = accountId) {
  return api(
    'POST',
    '/api/targets',
    accountId === '111111111111'
      ? { kind: 'hub', accountId, label }
      : {
          kind: 'role',
          accountId,
          label,
          roleArn: `arn:aws:iam::${accountId}:role/GuardLinkDeployer`,
          externalId: 'guardlink-demo',
        },
  );
}
