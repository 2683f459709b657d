#!/usr/bin/env node
/**
 * Benchmark (not a test): the full status matrix for 20 accounts × 17 regions with 100 ms of
 * simulated latency on every AWS call. Prints wall time, calls per cell and the console's peak
 * memory (RSS of the Next.js server, sampled every 100 ms).
 *
 *   npm run build && node scripts/bench-status.mjs [--latency 100] [--accounts 20]
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const LATENCY = arg('--latency', 100);
const ACCOUNTS = arg('--accounts', 20);
const CONCURRENCY = arg('--concurrency', 32);
const [AIMS_PORT, AWS_PORT, APP_PORT] = [4720, 4721, 3720];
const AIMS = `http://127.0.0.1:${AIMS_PORT}`;
const AWS = `http://127.0.0.1:${AWS_PORT}`;
const APP = `http://127.0.0.1:${APP_PORT}`;

const children = [];
const start = (cmd, args, env = {}) => {
  const c = spawn(cmd, args, { stdio: 'ignore', env: { ...process.env, ...env } });
  children.push(c);
  return c;
};
process.on('exit', () => children.forEach((c) => c.kill('SIGTERM')));
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
const post = (url, json) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });

let cookie = '';
async function api(method, path, json) {
  const res = await fetch(APP + path, {
    method,
    headers: { cookie, origin: APP, ...(json ? { 'content-type': 'application/json' } : {}) },
    body: json ? JSON.stringify(json) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text);
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
}

/** Resident memory of a process and its children, from /proc (kB). */
function rssKb(pid) {
  let kids = [];
  try {
    kids = execFileSync('pgrep', ['-P', String(pid)])
      .toString()
      .trim()
      .split('\n')
      .filter(Boolean);
  } catch {
    // pgrep exits 1 when there are no children
  }
  return [String(pid), ...kids].reduce((sum, p) => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      return sum + Number(m?.[1] ?? 0);
    } catch {
      return sum;
    }
  }, 0);
}

const dir = mkdtempSync(join(tmpdir(), 'guardlink-bench-status-'));
start('node_modules/.bin/tsx', ['sim/aims/main.ts', '--port', String(AIMS_PORT)]);
start('node_modules/.bin/tsx', ['sim/aws/main.ts', '--port', String(AWS_PORT), '--aims-url', AIMS]);
await waitFor(`${AIMS}/_sim/state`);
await waitFor(`${AWS}/_sim/state`);
const ids = Array.from({ length: ACCOUNTS }, (_, i) => String(500000000000 + i));
const seeded = await post(`${AWS}/_sim/accounts`, { accountIds: ids, collectors: true });
if (!seeded.ok) throw new Error(`seeding accounts: ${seeded.status} ${await seeded.text()}`);
const app = start('node_modules/.bin/next', ['start', '-p', String(APP_PORT), '-H', '127.0.0.1'], {
  AIMS_API_URL: AIMS,
  AUTH_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
  NEXTAUTH_URL: APP,
  AWS_ENDPOINT_URL: AWS,
  AWS_ACCESS_KEY_ID: 'AKIAGUARDLINKBENCH02',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  DATABASE_URL: `file:${join(dir, 'bench.sqlite')}`,
  STATUS_CONCURRENCY: String(CONCURRENCY),
  NEXT_TELEMETRY_DISABLED: '1',
});
await waitFor(`${APP}/sign-in`);
await signIn();
for (const accountId of ids) {
  await api('POST', '/api/targets', {
    kind: 'role',
    accountId,
    label: `bench-${accountId.slice(-2)}`,
    roleArn: `arn:aws:iam::${accountId}:role/GuardLinkDeployer`,
    externalId: 'guardlink-demo',
  });
}
await post(`${AWS}/_sim/config`, { latencyMs: LATENCY });

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, rssKb(app.pid))), 100);
const before = rssKb(app.pid);
const t0 = performance.now();
const m = await api('GET', '/api/status?fresh=1');
const coldMs = performance.now() - t0;
const t1 = performance.now();
await Promise.all(Array.from({ length: 10 }, () => api('GET', '/api/status')));
const cachedMs = performance.now() - t1;
clearInterval(sampler);
const cells = m.cells.length;
console.log(
  `${ACCOUNTS} accounts x ${m.regions.length} regions = ${cells} cells, ${LATENCY} ms latency per AWS call, concurrency ${CONCURRENCY}`,
);
console.log(`matrix (cold):        ${(coldMs / 1000).toFixed(2)} s`);
console.log(`10 viewers (cached):  ${(cachedMs / 1000).toFixed(3)} s in all`);
console.log(
  `calls:                ${m.calls.total} in all; per cell at most ${m.calls.maxAwsPerCell} AWS + ${m.calls.maxAlertLogicPerCell} Alert Logic; ${m.calls.accountLevel} account-level (DescribeRegions)`,
);
console.log(`states:               ${JSON.stringify(m.counts)}`);
console.log(`console RSS:          ${Math.round(before / 1024)} MiB before, ${Math.round(peak / 1024)} MiB peak`);
process.exit(0);
