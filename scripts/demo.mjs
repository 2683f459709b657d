#!/usr/bin/env node
/**
 * `npm run demo`: the console on the built-in simulators, from a fresh clone. Installs packages
 * and builds when needed, starts the Alert Logic simulator and the console, and prints where
 * everything is and how to sign in. Ctrl-C stops both.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const APP_PORT = Number(process.env.PORT ?? 3000);
const SIM_AIMS_PORT = Number(process.env.SIM_AIMS_PORT ?? 4010);
const APP_URL = `http://localhost:${APP_PORT}`;
const SIM_AIMS_URL = `http://127.0.0.1:${SIM_AIMS_PORT}`;
const SIM_AWS_PORT = Number(process.env.SIM_AWS_PORT ?? 4566);
const SIM_AWS_URL = `http://127.0.0.1:${SIM_AWS_PORT}`;

function step(msg) {
  console.log(`\n> ${msg}`);
}

function mustRun(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(' ')} failed.`);
    process.exit(r.status ?? 1);
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

if (!existsSync('node_modules/.bin/next')) {
  step('Installing packages (npm ci)');
  mustRun('npm', ['ci', '--no-audit', '--no-fund']);
}

const buildId = '.next/BUILD_ID';
const sources = ['app', 'components', 'lib', 'public'].filter(existsSync);
const newestSource = Math.max(
  ...sources.map(newestMtime),
  ...['next.config.js', 'proxy.ts', 'package-lock.json'].map((f) => statSync(f).mtimeMs),
);
if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSource) {
  step('Building the console (next build)');
  mustRun('node_modules/.bin/next', ['build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
}

// A stable secret for the demo, so a restart keeps you signed in. Never used outside the demo.
mkdirSync('.demo', { recursive: true });
const secretFile = '.demo/auth-secret';
if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('base64'), { mode: 0o600 });
const authSecret = process.env.AUTH_SECRET ?? readFileSync(secretFile, 'utf8').trim();

const children = [];
function start(name, cmd, args, env) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  child.stdout.on('data', (d) => process.stdout.write(`[${name}] ${d}`));
  child.stderr.on('data', (d) => process.stderr.write(`[${name}] ${d}`));
  child.on('exit', (code) => {
    console.error(`[${name}] exited (${code ?? 'signal'})`);
    stopAll(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function waitFor(url, what) {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.error(`${what} did not come up at ${url}`);
  stopAll(1);
}

function portFree(port) {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port);
  });
}

for (const [port, variable] of [
  [APP_PORT, 'PORT'],
  [SIM_AIMS_PORT, 'SIM_AIMS_PORT'],
  [SIM_AWS_PORT, 'SIM_AWS_PORT'],
]) {
  if (!(await portFree(port))) {
    console.error(
      `Port ${port} is already in use. Stop what uses it, or pick another port: ${variable}=NNNN npm run demo`,
    );
    process.exit(1);
  }
}

step('Starting the Alert Logic simulator and the console');
start('sim-aims', 'node_modules/.bin/tsx', ['sim/aims/main.ts', '--port', String(SIM_AIMS_PORT)]);
await waitFor(`${SIM_AIMS_URL}/_sim/state`, 'The Alert Logic simulator');
start('sim-aws', 'node_modules/.bin/tsx', [
  'sim/aws/main.ts',
  '--port',
  String(SIM_AWS_PORT),
  '--aims-url',
  SIM_AIMS_URL,
]);
await waitFor(`${SIM_AWS_URL}/_sim/state`, 'The AWS simulator');
start('console', 'node_modules/.bin/next', ['start', '-p', String(APP_PORT), '-H', 'localhost'], {
  AIMS_API_URL: SIM_AIMS_URL,
  AUTH_SECRET: authSecret,
  NEXTAUTH_URL: APP_URL,
  NEXT_TELEMETRY_DISABLED: '1',
  // The real AWS SDK and credential chain, pointed at the simulator. Any key acts as the hub account.
  AWS_ENDPOINT_URL: SIM_AWS_URL,
  AWS_ACCESS_KEY_ID: 'AKIAGUARDLINKDEMOHUB',
  AWS_SECRET_ACCESS_KEY: 'demo-only',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  DATABASE_URL: 'file:.demo/guardlink.sqlite',
});
await waitFor(`${APP_URL}/sign-in`, 'The console');

console.log(`
GuardLink demo is running.

  Console:                  ${APP_URL}
  Alert Logic simulator:    ${SIM_AIMS_URL}   (AIMS + endpoints; test controls under /_sim/)
  AWS simulator:            ${SIM_AWS_URL}   (STS, CloudFormation, GuardDuty, EC2, IAM, Lambda; controls under /_sim/)

  Demo sign-ins (email / password):
    admin@example.com     / Demo-Admin-1     Administrator
    mfa@example.com       / Demo-Mfa-1       Administrator with MFA, code 123456
    power@example.com     / Demo-Power-1     Power User (refused)
    readonly@example.com  / Demo-Read-1      Read Only (refused)
    expired@example.com   / Demo-Expired-1   password expired
    inactive@example.com  / Demo-Inactive-1  inactive account

  Demo AWS accounts (register them on the "AWS accounts" page, ExternalId guardlink-demo):
    111111111111  GuardLink's own (hub) account
    222222222222  role arn:aws:iam::222222222222:role/GuardLinkDeployer  (GuardDuty off in eu-west-1)
    333333333333  role arn:aws:iam::333333333333:role/GuardLinkDeployer  (collector already in us-east-1,
                  GuardDuty disabled in us-west-2)
    444444444444  role that does not trust GuardLink (refused)
    ap-northeast-3 has no Alert Logic code bucket (deployments there fail with a diagnosis)

Press Ctrl-C to stop.
`);
