#!/usr/bin/env node
/**
 * `npm test`: lint, format check, type check, unit and contract tests (vitest), a production build, then the
 * Playwright suite in Debian's Chromium against the console on the simulators. Ends with one
 * summary line, "tests: N passed, M failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Not test-results/: Playwright empties that folder when it starts.
const results = '.reports';
mkdirSync(results, { recursive: true });
const vitestJson = `${results}/vitest.json`;
const playwrightJson = `${results}/playwright.json`;
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
let failedStep = '';

function run(name, cmd, args, extraEnv = {}) {
  if (failedStep) return;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s) ===`);
  if (r.status !== 0) failedStep = name;
}

if (!existsSync(chromium)) {
  console.error(
    `Chromium not found at ${chromium}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`,
  );
  process.exit(1);
}

const bin = (n) => `node_modules/.bin/${n}`;
run('lint', bin('eslint'), ['.']);
run('format', bin('prettier'), ['--check', '.']);
run('typecheck', bin('tsc'), ['--noEmit']);
run('unit and contract tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestJson}`,
]);
run('build', bin('next'), ['build']);
rmSync('.e2e', { recursive: true, force: true });
run('end-to-end tests (playwright)', bin('playwright'), ['test'], { PW_JSON_OUTPUT: playwrightJson });

let passed = 0;
let failed = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
if (existsSync(playwrightJson)) {
  const p = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
}
if (failedStep) console.error(`\nStep failed: ${failedStep}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failedStep || failed > 0 ? 1 : 0);
