#!/usr/bin/env node
/**
 * Benchmark (not a test): onboards 3 accounts × 17 default regions through the running console's
 * own HTTP API, against both simulators, with a fixed stack duration, and prints the wall time as
 * a ratio to one stack alone. Starts its own simulators and console on spare ports.
 *
 *   npm run build && node scripts/bench-onboarding.mjs [--stack-ms 4000] [--concurrency 16]
 */
import { arg, registerTarget, signIn, sleep, startConsole, startSimulators } from './bench-kit.mjs';

const STACK_MS = arg('--stack-ms', 4000);
const CONCURRENCY = arg('--concurrency', 16);
const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];

const { aims, aws } = await startSimulators({
  aimsPort: 4710,
  awsPort: 4711,
  awsArgs: ['--stack-duration-ms', String(STACK_MS)],
});
const { app } = await startConsole({
  port: 3710,
  aims,
  aws,
  env: { DEPLOY_POLL_MS: '250', DEPLOY_CONCURRENCY: String(CONCURRENCY) },
});
const api = await signIn(app);
for (const accountId of ACCOUNTS) await registerTarget(api, accountId);

/** Runs the wizard through the API; without `regions`, every region enabled by default in the accounts. */
async function onboard(accounts, regions) {
  let { wizard } = await api('POST', '/api/onboard');
  const id = wizard.deployment.id;
  await api('POST', `/api/onboard/${id}`, { action: 'setTargets', accountIds: accounts });
  if (!regions) {
    const choices = await api('GET', `/api/onboard/${id}/regions`);
    regions = [
      ...new Set(
        choices.accounts.flatMap((a) =>
          a.regions.filter((r) => r.optInStatus === 'opt-in-not-required').map((r) => r.name),
        ),
      ),
    ];
  }
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
    regions: regions.length,
  };
}

const one = await onboard(['222222222222'], ['us-east-2']);
const all = await onboard(ACCOUNTS);
console.log(`stack duration ${STACK_MS} ms, deploy concurrency ${CONCURRENCY}, poll 250 ms`);
console.log(`one stack:        ${(one.ms / 1000).toFixed(2)} s (${one.deployed} deployed)`);
console.log(
  `3 x ${all.regions} regions:   ${(all.ms / 1000).toFixed(2)} s (${all.deployed} deployed, ${all.adopted} adopted, ${all.failed} failed, ${all.skipped} skipped)`,
);
console.log(`ratio:            ${(all.ms / one.ms).toFixed(2)} x one stack for ${all.deployed + all.failed} stacks`);
process.exit(0);
