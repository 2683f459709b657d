import type { Page } from '@playwright/test';
import { awsSim, registerTargets } from './aws-sim';
import { USERS, expect, sim, signIn, test } from './fixtures';

type Expected = { account: string; region: string; state: string }[];
let expected: Expected = [];

test.beforeEach(async ({ page }) => {
  await awsSim.reset();
  await awsSim.config({ stackDurationMs: 2000, checkinIntervalMs: 1500, pipelineDelayMs: 100 });
  expected = await awsSim.scenario('dashboard');
  await signIn(page, USERS.admin);
  await registerTargets(page, ['222222222222', '333333333333']);
});

const cellOf = (page: Page, account: string, region: string) => page.getByTestId(`cell-${account}-${region}`);
const one = (state: string) => {
  const c = expected.find((e) => e.state === state);
  if (!c) throw new Error(`the dashboard scenario has no ${state} cell`);
  return c;
};

async function refreshStatus(page: Page) {
  await page.getByRole('button', { name: 'Refresh now' }).click();
  // A fresh gathering waits at most for the per-cell deadline (8 s in the e2e configuration).
  await expect(page.getByRole('button', { name: 'Refresh now' })).toBeEnabled({ timeout: 20_000 });
}

test('every health state shows in the matrix, with counts, filters in the URL and keyboard navigation', async ({
  page,
}) => {
  await page.goto('/status');
  for (const e of expected) await expect(cellOf(page, e.account, e.region)).toHaveAttribute('data-state', e.state);
  for (const state of ['healthy', 'degraded', 'failing', 'silent', 'not_installed', 'guardduty_off']) {
    const n = expected.filter((e) => e.state === state).length;
    const text = (await page.getByTestId(`count-${state}`).textContent()) ?? '';
    expect(Number(text.split(':')[1]), state).toBeGreaterThanOrEqual(n);
  }
  await expect(page.getByTestId('updated-ago')).toHaveText(/updated \d+ s ago/);

  await page.getByRole('combobox', { name: /^State/ }).selectOption('failing');
  await expect(page).toHaveURL(/state=failing/);
  await page.reload();
  await expect(page.getByRole('combobox', { name: /^State/ })).toHaveValue('failing');
  await expect(page.locator('[data-state]:not([data-state="failing"])')).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  const first = page.locator('[data-row="0"][data-col="0"]');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-row="0"][data-col="1"]')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-row="1"][data-col="1"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/status\/\d{12}\/[a-z0-9-]+$/);
});

test('the detail page shows the evidence, and hostile text is rendered as text', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const degraded = one('degraded');
  await page.goto(`/status/${degraded.account}/${degraded.region}`);
  await expect(page.getByTestId('detail-state')).toHaveText('Degraded');
  await expect(page.getByRole('table', { name: 'Collector errors grouped by message' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Stack events, newest first' })).toContainText('CREATE_COMPLETE');
  const healthy = one('healthy');
  await page.goto(`/status/${healthy.account}/${healthy.region}`);
  await expect(page.getByRole('table', { name: 'Recent findings' })).toBeVisible();
  await expect(page.getByTestId('pipeline')).toBeVisible();
  await expect(page.getByTestId('last-checkin')).not.toHaveText('none recorded');
  expect(dialogs).toBe(0);
});

test('unknown account or region in the URL is a 404 page', async ({ page }) => {
  for (const path of ['/status/999999999999/us-east-1', '/status/222222222222/mars-1', '/status/abc/us-east-1']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByText('No such account or region')).toBeVisible();
  }
});

test('a test finding sent from the detail page arrives as forwarded and as an Alert Logic incident', async ({
  page,
}) => {
  const healthy = one('healthy');
  await page.goto(`/status/${healthy.account}/${healthy.region}`);
  await page.getByRole('button', { name: 'Send a test finding' }).click();
  await expect(page.getByText('The test finding reached Alert Logic')).toBeVisible({ timeout: 30_000 });
  const state = await sim.state();
  expect(JSON.stringify(state)).toContain('incident');
});

test('a key deleted on /keys turns its regions to failing with the diagnosis', async ({ page }) => {
  // Failing means the newest minute with runs had only failures: up to a minute after the delete.
  test.setTimeout(150_000);
  const healthy = one('healthy');
  await page.goto('/keys');
  const row = page.getByRole('row', { name: new RegExp(`${healthy.account}/${healthy.region}`) });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.getByRole('button', { name: /^Delete key/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('alert')).toContainText(`${healthy.account} / ${healthy.region}`);
  await dialog.getByRole('button', { name: 'Delete key' }).click();
  await expect(dialog).toBeHidden();

  await page.goto('/status');
  await expect(async () => {
    await refreshStatus(page);
    await expect(cellOf(page, healthy.account, healthy.region)).toHaveAttribute('data-state', 'failing', {
      timeout: 1000,
    });
  }).toPass({ timeout: 120_000, intervals: [3000] });
  await cellOf(page, healthy.account, healthy.region).click();
  await expect(page.getByTestId('diagnosis')).toContainText('cannot sign in to Alert Logic');
});

test('rotation moves every stack to the new key and deletes the old one', async ({ page }) => {
  test.setTimeout(90_000);
  // The scenario's bad-key switch would reject the new key too; rotation of a sick stack is another test.
  await awsSim.collectorFault('333333333333', 'us-east-2', 'off');
  await page.goto('/keys');
  const rotate = page.getByRole('button', { name: /^Rotate key/ }).first();
  await expect(rotate).toBeVisible({ timeout: 20_000 });
  const oldLabel = ((await rotate.getAttribute('aria-label')) ?? '').replace('Rotate key ', '');
  await rotate.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Rotate' }).click();
  await expect(page.getByText('Rotation finished')).toBeVisible({ timeout: 70_000 });
  await expect(page.getByRole('list', { name: 'Rotation progress' })).not.toContainText('Failed');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('row', { name: new RegExp(oldLabel) })).toHaveCount(0);
  const admin = (await sim.state()).users.find((u) => u.email === USERS.admin.email)!;
  expect(admin.keys.map((k) => k.label)).not.toContain(oldLabel);
});

test('removing a collector empties the cell', async ({ page }) => {
  const healthy = one('healthy');
  await page.goto(`/status/${healthy.account}/${healthy.region}`);
  await page.getByRole('button', { name: 'Remove collector' }).click();
  const dialog = page.getByRole('dialog', {
    name: `Remove the collector from ${healthy.account} / ${healthy.region}?`,
  });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove collector' }).click();
  await expect(page.getByText(/Deleting stack/)).toBeVisible();
  await page.goto('/status');
  await expect(async () => {
    await refreshStatus(page);
    await expect(cellOf(page, healthy.account, healthy.region)).toHaveAttribute('data-state', 'not_installed', {
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
});

test('finding titles with HTML are shown as text, never run', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const origin = new URL(page.url()).origin;
  const res = await page.request.post('/api/targets', {
    headers: { origin },
    data: { kind: 'hub', accountId: '111111111111', label: 'Hub' },
  });
  expect(res.status()).toBe(201);
  await page.goto('/status/111111111111/us-east-1');
  await expect(page.getByRole('table', { name: 'Recent findings' })).toContainText(
    '<script>alert(1)</script> SSH brute force',
  );
  expect(dialogs).toBe(0);
});

test('a silent region and 30 % throttling give a partial matrix with reasons', async ({ page }) => {
  await awsSim.failRegion('ap-southeast-2', 'timeout');
  await awsSim.throttle('guardduty', 0.2);
  await page.goto('/status');
  await refreshStatus(page);
  for (const account of ['222222222222', '333333333333']) {
    const cell = cellOf(page, account, 'ap-southeast-2');
    await expect(cell).toHaveAttribute('data-state', 'unreachable');
    await expect(cell).toHaveAttribute('aria-label', /No answer from AWS within \d+ s|did not answer/);
  }
  const healthy = one('healthy');
  await expect(cellOf(page, healthy.account, healthy.region)).toHaveAttribute('data-state', 'healthy');
  await awsSim.failRegion('ap-southeast-2', 'off');
  await awsSim.throttle('guardduty', 0);
});
