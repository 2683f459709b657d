#!/usr/bin/env node
/**
 * Benchmark (not a test): the full status matrix for 20 accounts × 17 regions with 100 ms of
 * simulated latency on every AWS call. Prints wall time, calls per cell and the console's peak
 * memory (RSS of the Next.js server, sampled every 100 ms).
 *
 *   npm run build && node scripts/bench-status.mjs [--latency 100] [--accounts 20]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { arg, registerTarget, signIn, startConsole, startSimulators } from './bench-kit.mjs';

const LATENCY = arg('--latency', 100);
const ACCOUNTS = arg('--accounts', 20);
const CONCURRENCY = arg('--concurrency', 32);

const post = (url, json) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });

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

const { aims, aws } = await startSimulators({ aimsPort: 4720, awsPort: 4721 });
const ids = Array.from({ length: ACCOUNTS }, (_, i) => String(500000000000 + i));
const seeded = await post(`${aws}/_sim/accounts`, { accountIds: ids, collectors: true });
if (!seeded.ok) throw new Error(`seeding accounts: ${seeded.status} ${await seeded.text()}`);
const app = await startConsole({ port: 3720, aims, aws, env: { STATUS_CONCURRENCY: String(CONCURRENCY) } });
const api = await signIn(app.app);
for (const accountId of ids) await registerTarget(api, accountId, `bench-${accountId.slice(-2)}`);
await post(`${aws}/_sim/config`, { latencyMs: LATENCY });

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
