import type { Page } from '@playwright/test';
import { ROLE, awsSim, createAlertLogicKey, deleteAlertLogicKey, discardOpenDraft, registerTargets } from './aws-sim';
import { USERS, alerts, expect, signIn, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await awsSim.reset();
  await awsSim.config({ stackDurationMs: 3000 });
  await signIn(page, USERS.admin);
});

async function startWizard(page: Page) {
  await page.goto('/onboard');
  await discardOpenDraft(page);
  await page.reload();
  await page.getByRole('button', { name: /Start onboarding|Onboard more/ }).click();
}

async function chooseAccountsAndRegions(page: Page, accounts: string[], regions: string[]) {
  for (const a of accounts) await page.getByRole('checkbox', { name: new RegExp(a) }).check();
  await page.getByRole('button', { name: 'Next: regions' }).click();
  for (const r of regions) await page.getByRole('checkbox', { name: r, exact: true }).check();
  await page.getByRole('button', { name: 'Next: run preflight' }).click();
  await expect(page.getByRole('columnheader', { name: 'Verdict' })).toBeVisible();
}

async function newKeyAndReview(page: Page, label: string) {
  await page.getByRole('button', { name: 'Next: Alert Logic key' }).click();
  await page.getByLabel('Label of the new key').fill(label);
  await page.getByRole('button', { name: 'Next: review' }).click();
  await expect(
    page.getByRole('cell', { name: 'AccessKeyId' }).or(page.getByRole('rowheader', { name: 'AccessKeyId' })),
  ).toBeVisible();
  await page.getByRole('checkbox', { name: /I acknowledge that this stack creates IAM resources/ }).check();
}

const item = (page: Page, account: string, region: string) => page.getByTestId(`deploy-${account}-${region}`);

test('full wizard: 2 accounts × 3 regions to CREATE_COMPLETE, registered from the Targets page', async ({ page }) => {
  await page.goto('/targets');
  for (const account of ['222222222222', '333333333333']) {
    await page.getByLabel('AWS account id').fill(account);
    await page.getByLabel('Label').fill(`Workload ${account.slice(0, 1)}`);
    await page.getByLabel('Role ARN').fill(ROLE(account));
    await page.getByLabel('ExternalId').fill('guardlink-demo');
    await page.getByRole('button', { name: 'Verify and save' }).click();
    await expect(page.getByText(`Account ${account} verified and saved`)).toBeVisible();
  }
  await expect(page.getByRole('row', { name: /Workload 2/ })).toContainText('222222222222');

  await startWizard(page);
  const regions = ['us-east-2', 'eu-central-1', 'ap-southeast-2'];
  await chooseAccountsAndRegions(page, ['222222222222', '333333333333'], regions);
  await expect(page.getByText(/^6 ready, 0 to adopt, 0 with GuardDuty off, 0 blocked/)).toBeVisible();
  await newKeyAndReview(page, 'guardlink-e2e-full');
  await expect(page.getByText('api.global-services.global.alertlogic.com').first()).toBeVisible();
  await page.getByRole('button', { name: 'Deploy to 6 region(s)' }).click();

  await expect(page.getByTestId('deploy-summary')).toHaveText(/6 deployed · 0 adopted · 0 failed/, { timeout: 30_000 });
  await expect(page.getByText('Onboarding finished.')).toBeVisible();
  // The new key's secret went from the server to CloudFormation, never to this page.
  expect(await page.content()).not.toMatch(/\b[0-9a-f]{64}\b/);
  const wizardJson = await (await page.request.get('/api/onboard')).text();
  expect(wizardJson).not.toMatch(/\b[0-9a-f]{64}\b/);
  const stacks = (await awsSim.state()).stacks.filter((s) => s.stackName === 'GuardLink-GuardDuty-Collector');
  expect(stacks).toHaveLength(6);
  expect(stacks.every((s) => s.status === 'CREATE_COMPLETE')).toBe(true);

  await item(page, '222222222222', 'us-east-2').getByRole('button', { name: 'Show events' }).click();
  await expect(page.getByRole('list', { name: 'Stack events 222222222222 us-east-2' })).toContainText(
    'RegistrationResource CREATE_COMPLETE',
  );
});

test('a deleted Alert Logic key rolls back with the diagnosis; a retry with a good key succeeds', async ({ page }) => {
  await page.goto('/');
  await registerTargets(page, ['222222222222']);
  const doomed = await createAlertLogicKey('about-to-be-deleted');
  await startWizard(page);
  await chooseAccountsAndRegions(page, ['222222222222'], ['us-east-2']);
  await page.getByRole('button', { name: 'Next: Alert Logic key' }).click();
  await page.getByLabel('Use a key I already have').check();
  await page.getByLabel('Access key id').selectOption(doomed.id);
  await page.getByLabel('Secret key').fill(doomed.secret);
  await page.getByRole('button', { name: 'Next: review' }).click();
  await page.getByRole('checkbox', { name: /I acknowledge/ }).check();
  await deleteAlertLogicKey(doomed);
  await page.getByRole('button', { name: 'Deploy to 1 region(s)' }).click();

  const row = item(page, '222222222222', 'us-east-2');
  await expect(row.getByTestId('item-state')).toHaveText('Failed', { timeout: 30_000 });
  await expect(row).toContainText('ROLLBACK_COMPLETE');
  await expect(row.getByTestId('diagnosis')).toContainText('could not sign in to Alert Logic');
  await expect(row.getByRole('link', { name: /alertlogic-cwe-collector/ })).toBeVisible();

  await page.getByLabel('Label of the new key').fill('guardlink-retry');
  await page.getByRole('button', { name: 'Use this key for retries' }).click();
  await page.getByRole('button', { name: 'Retry 222222222222 us-east-2' }).click();
  await expect(row.getByTestId('item-state')).toHaveText('Deployed', { timeout: 30_000 });
  const stacks = await awsSim.stacksIn('222222222222');
  expect(
    stacks.filter((s) => s.stackName === 'GuardLink-GuardDuty-Collector' && s.status === 'CREATE_COMPLETE'),
  ).toHaveLength(1);
});

test('an existing collector is adopted, not redeployed', async ({ page }) => {
  await page.goto('/');
  await registerTargets(page, ['333333333333']);
  await startWizard(page);
  await chooseAccountsAndRegions(page, ['333333333333'], ['us-east-1', 'us-east-2']);
  await expect(page.getByTestId('preflight-333333333333-us-east-1')).toContainText(
    'Collector already there: will adopt it',
  );
  await expect(page.getByTestId('preflight-333333333333-us-east-1')).toContainText('made outside GuardLink');
  await newKeyAndReview(page, 'guardlink-adopt');
  await page.getByRole('button', { name: 'Deploy to 1 region(s)' }).click();
  await expect(page.getByTestId('deploy-summary')).toHaveText(/1 deployed · 1 adopted · 0 failed/, { timeout: 30_000 });
  const calls = (await awsSim.state()).createStackCalls.filter(
    (c) => c.account === '333333333333' && c.region === 'us-east-1',
  );
  expect(calls).toHaveLength(0);
});

test('an untrusted account and a wrong ExternalId are refused with the reason, and nothing is saved', async ({
  page,
}) => {
  await page.goto('/targets');
  const attempts = [
    { account: '444444444444', externalId: 'guardlink-demo' },
    { account: '222222222222', externalId: 'not-the-right-one' },
  ];
  for (const a of attempts) {
    await page.getByLabel('AWS account id').fill(a.account);
    await page.getByLabel('Label').fill('Should fail');
    await page.getByLabel('Role ARN').fill(ROLE(a.account));
    await page.getByLabel('ExternalId').fill(a.externalId);
    await page.getByRole('button', { name: 'Verify and save' }).click();
    await expect(alerts(page)).toContainText(`may not assume GuardLinkDeployer in account ${a.account}`);
  }
  await expect(page.getByRole('row', { name: /444444444444/ })).toHaveCount(0);
  await expect(page.getByText('ExternalId not-the-right-one')).toHaveCount(0);
});

test('GuardDuty off is caught by preflight and enabled from the page', async ({ page }) => {
  await page.goto('/');
  await registerTargets(page, ['222222222222']);
  await startWizard(page);
  await chooseAccountsAndRegions(page, ['222222222222'], ['eu-west-1']);
  const cell = page.getByTestId('preflight-222222222222-eu-west-1');
  await expect(cell).toContainText('GuardDuty is off');
  await cell.getByRole('button', { name: 'Enable GuardDuty in 222222222222 eu-west-1' }).click();
  await expect(cell).toContainText('Ready to deploy');
  const detectors = (await awsSim.state()).detectors.filter(
    (d) => d.account === '222222222222' && d.region === 'eu-west-1',
  );
  expect(detectors.map((d) => d.status)).toEqual(['ENABLED']);
});

test('a double-clicked Deploy creates exactly one stack per region', async ({ page }) => {
  await page.goto('/');
  await registerTargets(page, ['222222222222']);
  await startWizard(page);
  await chooseAccountsAndRegions(page, ['222222222222'], ['us-east-2', 'us-west-2']);
  await newKeyAndReview(page, 'guardlink-double');
  await page.getByRole('button', { name: 'Deploy to 2 region(s)' }).dblclick();
  await expect(page.getByTestId('deploy-summary')).toHaveText(/2 deployed/, { timeout: 30_000 });
  const state = await awsSim.state();
  for (const region of ['us-east-2', 'us-west-2']) {
    expect(state.stacks.filter((s) => s.account === '222222222222' && s.region === region)).toHaveLength(1);
    expect(
      state.createStackCalls.filter((c) => c.account === '222222222222' && c.region === region).length,
    ).toBeLessThanOrEqual(1);
  }
});

test('a reload in mid-deploy shows the same progress, which then completes', async ({ page }) => {
  await awsSim.config({ stackDurationMs: 8000 });
  await page.goto('/');
  await registerTargets(page, ['222222222222']);
  await startWizard(page);
  await chooseAccountsAndRegions(page, ['222222222222'], ['us-east-2']);
  await newKeyAndReview(page, 'guardlink-reload');
  await page.getByRole('button', { name: 'Deploy to 1 region(s)' }).click();
  const row = item(page, '222222222222', 'us-east-2');
  await expect(row.getByTestId('item-state')).toHaveText('Deploying');
  await expect(row.getByText(/of 19 resources/)).toBeVisible();
  await page.reload();
  await expect(row.getByTestId('item-state')).toHaveText('Deploying');
  await expect(row.getByText(/of 19 resources/)).toBeVisible();
  await expect(row.getByTestId('item-state')).toHaveText('Deployed', { timeout: 30_000 });
});

test('throttling on 30 % of calls and a region that times out: the others finish, no duplicates, clear message', async ({
  page,
}) => {
  // The silent region fails only after every SDK attempt has timed out, with back-off in between.
  test.setTimeout(150_000);
  await page.goto('/');
  await registerTargets(page, ['222222222222']);
  await startWizard(page);
  await chooseAccountsAndRegions(page, ['222222222222'], ['us-east-2', 'eu-west-3', 'eu-central-1']);
  await expect(page.getByText(/^3 ready/)).toBeVisible();
  await newKeyAndReview(page, 'guardlink-chaos');
  for (const service of ['cloudformation', 'sts', 'guardduty', 'lambda']) await awsSim.throttle(service, 0.3);
  await awsSim.failRegion('eu-west-3', 'timeout');
  await page.getByRole('button', { name: 'Deploy to 3 region(s)' }).click();

  await expect(page.getByTestId('deploy-summary')).toHaveText(/2 deployed · 0 adopted · 1 failed/, {
    timeout: 100_000,
  });
  const stuck = item(page, '222222222222', 'eu-west-3');
  await expect(stuck.getByTestId('diagnosis')).toContainText('AWS did not answer in eu-west-3 in time');
  const state = await awsSim.state();
  for (const region of ['us-east-2', 'eu-central-1']) {
    expect(state.stacks.filter((s) => s.account === '222222222222' && s.region === region)).toHaveLength(1);
  }
  expect(state.stacks.filter((s) => s.region === 'eu-west-3')).toHaveLength(0);
  await awsSim.failRegion('eu-west-3', 'off');
  for (const service of ['cloudformation', 'sts', 'guardduty', 'lambda']) await awsSim.throttle(service, 0);
  await stuck.getByRole('button', { name: 'Retry 222222222222 eu-west-3' }).click();
  await expect(stuck.getByTestId('item-state')).toHaveText('Deployed', { timeout: 30_000 });
});
