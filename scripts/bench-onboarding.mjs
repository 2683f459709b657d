#!/usr/bin/env node
/**
 * Benchmark (not a test): onboards 3 accounts × 17 default regions through the running console's
 * own HTTP API, against both simulators, with a fixed stack duration, and prints the wall time as
 * a ratio to one stack alone. Starts its own simulators and console on spare ports.
 *
 *   npm run build && node scripts/bench-onboarding.mjs [--stack-ms 4000] [--concurrency 16]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const STACK_MS = arg('--stack-ms', 4000);
const CONCURRENCY = arg('--concurrency', 16);
const [AIMS_PORT, AWS_PORT, APP_PORT] = [4710, 4711, 3710];
const AIMS = `http://127.0.0.1:${AIMS_PORT}`;
const AWS = `http://127.0.0.1:${AWS_PORT}`;
const APP = `http://127.0.0.1:${APP_PORT}`;
const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
];

const children = [];
function start(cmd, args, env = {}) {
  const c = spawn(cmd, args, { stdio: 'ignore', env: { ...process.env, ...env } });
  children.push(c);
}
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('exit', stop);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not yet */
    }
    await sleep(250);
  }
  throw new Error(`${url} did not come up`);
}

let cookie = '';
async function api(method, path, json) {
  const res = await fetch(APP + path, {
    method,
    headers: { cookie, origin: APP, ...(json ? { 'content-type': 'application/json' } : {}) },
    body: json ? JSON.stringify(json) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function signIn() {
  const csrfRes = await fetch(`${APP}/api/auth/csrf`);
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${APP}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email: 'admin@example.com', password: 'Demo-Admin-1', json: 'true' }),
  });
  cookie = [...jar, ...res.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
  if (!cookie.includes('session-token')) throw new Error('sign-in failed');
}

async function onboard(accounts, regions) {
  let { wizard } = await api('POST', '/api/onboard');
  const id = wizard.deployment.id;
  await api('POST', `/api/onboard/${id}`, { action: 'setTargets', accountIds: accounts });
  ({ wizard } = await api('POST', `/api/onboard/${id}`, { action: 'setRegions', regions }));
  for (const i of wizard.items.filter((x) => x.preflight?.verdict === 'enable_guardduty')) {
    ({ wizard } = await api('POST', `/api/onboard/${id}`, {
      action: 'enableGuardDuty',
      accountId: i.accountId,
      region: i.region,
    }));
  }
  await api('POST', `/api/onboard/${id}`, { action: 'useNewKey', label: `bench-${Date.now()}` });
  const started = performance.now();
  await api('POST', `/api/onboard/${id}`, { action: 'deploy', acknowledgeIam: true });
  for (;;) {
    ({ wizard } = await api('GET', `/api/onboard/${id}`));
    if (!wizard.items.some((i) => ['queued', 'deleting', 'deploying'].includes(i.state))) break;
    await sleep(200);
  }
  const ms = performance.now() - started;
  const count = (s) => wizard.items.filter((i) => i.state === s).length;
  return {
    ms,
    deployed: count('complete'),
    adopted: count('adopted'),
    failed: count('failed'),
    skipped: count('skipped'),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'guardlink-bench-'));
start('node_modules/.bin/tsx', ['sim/aims/main.ts', '--port', String(AIMS_PORT)]);
start('node_modules/.bin/tsx', [
  'sim/aws/main.ts',
  '--port',
  String(AWS_PORT),
  '--aims-url',
  AIMS,
  '--stack-duration-ms',
  String(STACK_MS),
]);
await waitFor(`${AIMS}/_sim/state`);
await waitFor(`${AWS}/_sim/state`);
start('node_modules/.bin/next', ['start', '-p', String(APP_PORT), '-H', '127.0.0.1'], {
  AIMS_API_URL: AIMS,
  AUTH_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
  NEXTAUTH_URL: APP,
  AWS_ENDPOINT_URL: AWS,
  AWS_ACCESS_KEY_ID: 'AKIAGUARDLINKBENCH01',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  DATABASE_URL: `file:${join(dir, 'bench.sqlite')}`,
  DEPLOY_POLL_MS: '250',
  DEPLOY_CONCURRENCY: String(CONCURRENCY),
  NEXT_TELEMETRY_DISABLED: '1',
});
await waitFor(`${APP}/sign-in`);
await signIn();
for (const accountId of ACCOUNTS) {
  await api(
    'POST',
    '/api/targets',
    accountId === '111111111111'
      ? { kind: 'hub', accountId, label: 'hub' }
      : {
          kind: 'role',
          accountId,
          label: accountId,
          roleArn: `arn:aws:iam::${accountId}:role/GuardLinkDeployer`,
          externalId: 'guardlink-demo',
        },
  );
}

const one = await onboard(['222222222222'], ['us-east-2']);
const all = await onboard(ACCOUNTS, REGIONS);
console.log(`stack duration ${STACK_MS} ms, deploy concurrency ${CONCURRENCY}, poll 250 ms`);
console.log(`one stack:        ${(one.ms / 1000).toFixed(2)} s (${one.deployed} deployed)`);
console.log(
  `3 x 17 regions:   ${(all.ms / 1000).toFixed(2)} s (${all.deployed} deployed, ${all.adopted} adopted, ${all.failed} failed, ${all.skipped} skipped)`,
);
console.log(`ratio:            ${(all.ms / one.ms).toFixed(2)} x one stack for ${all.deployed + all.failed} stacks`);
stop();
process.exit(0);
