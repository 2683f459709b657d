import { USERS, alerts, expect, sim, signIn, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await signIn(page, USERS.admin);
  await page.goto('/keys');
  await expect(page.getByTestId('key-usage')).toHaveText(/0 of 5 keys used/);
});

test('create a labelled key: the secret is shown once, the key is listed after reload', async ({ page }) => {
  const label = page.getByLabel('Label');
  await expect(label).toHaveValue(/^guardlink-\d{4}-\d{2}-\d{2}$/);
  await label.fill('guardlink-prod-us-east-1');
  await page.getByRole('button', { name: 'Create key' }).click();

  await expect(page.getByText('You will not see this secret again.')).toBeVisible();
  const secret = (await page.getByTestId('new-key-secret').textContent()) ?? '';
  const keyId = (await page.getByTestId('new-key-id').textContent()) ?? '';
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  expect(keyId).toMatch(/^[0-9a-f]{16}$/);
  await expect(page.getByTestId('key-usage')).toHaveText(/1 of 5 keys used/);
  expect(await sim.keysOf(USERS.admin.email)).toEqual([{ id: keyId, label: 'guardlink-prod-us-east-1' }]);

  await page.getByRole('button', { name: 'Copy secret key' }).click();
  await page.getByRole('button', { name: 'I have stored the secret' }).click();
  await expect(page.getByTestId('new-key-secret')).toHaveCount(0);

  await page.reload();
  const row = page.getByRole('row', { name: /guardlink-prod-us-east-1/ });
  await expect(row).toContainText(keyId);
  await expect(row).toContainText('Never');
  expect(await page.content()).not.toContain(secret);
});

test('the label is validated before anything is sent', async ({ page }) => {
  await page.getByLabel('Label').fill('   ');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText('Give the key a label')).toBeVisible();
  await expect(page.getByLabel('Label')).toHaveAttribute('aria-invalid', 'true');
  expect(await sim.keysOf(USERS.admin.email)).toEqual([]);
});

test('delete asks for confirmation naming the key; cancel keeps it, confirm deletes it', async ({ page }) => {
  await sim.createKeysDirectly(USERS.admin, ['old-laptop', 'ci-runner']);
  await page.reload();
  await page.getByRole('button', { name: 'Delete key old-laptop' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete access key “old-laptop”?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await sim.keysOf(USERS.admin.email)).toHaveLength(2);

  await page.getByRole('button', { name: 'Delete key old-laptop' }).click();
  await dialog.getByRole('button', { name: 'Delete key' }).click();
  await expect(page.getByText('Deleted key old-laptop.')).toBeVisible();
  await expect(page.getByRole('row', { name: /old-laptop/ })).toHaveCount(0);
  expect((await sim.keysOf(USERS.admin.email)).map((k) => k.label)).toEqual(['ci-runner']);
});

test('at five keys the page says so and explains what to do', async ({ page }) => {
  await sim.createKeysDirectly(USERS.admin, ['k1', 'k2', 'k3', 'k4']);
  await page.reload();
  await expect(page.getByTestId('key-usage')).toHaveText(/4 of 5 keys used/);
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByTestId('key-usage')).toHaveText(/5 of 5 keys used/);
  await page.getByRole('button', { name: 'I have stored the secret' }).click();
  await expect(page.getByText('All 5 keys are in use')).toBeVisible();
  await expect(page.getByText('Delete a key you no longer use')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create key' })).toHaveCount(0);
});

test('a key created elsewhere meanwhile: limit_exceeded becomes guidance, nothing half-done', async ({ page }) => {
  await sim.createKeysDirectly(USERS.admin, ['k1', 'k2', 'k3', 'k4']);
  await page.reload();
  await expect(page.getByTestId('key-usage')).toHaveText(/4 of 5 keys used/);
  await sim.createKeysDirectly(USERS.admin, ['made-in-another-tab']);
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(alerts(page)).toContainText('You already have 5 access keys');
  await expect(alerts(page)).toContainText('Delete a key you no longer use');
  await expect(page.getByTestId('key-usage')).toHaveText(/5 of 5 keys used/);
  expect(await sim.keysOf(USERS.admin.email)).toHaveLength(5);
});

test('Alert Logic errors on the keys page are short messages with a retry', async ({ page }) => {
  await sim.fault({ kind: 'status', status: 500, match: 'GET /aims/v1/.*/access_keys' });
  await page.reload();
  await expect(alerts(page)).toContainText('Alert Logic answered with a server error');
  await expect(page.getByText(/at .*\.ts|Error:|stack/i)).toHaveCount(0);
  await sim.clearFaults();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('key-usage')).toHaveText(/0 of 5 keys used/);
});

test('Alert Logic too slow: the create fails with a timeout message and no key appears later', async ({ page }) => {
  await sim.fault({ kind: 'hang', match: 'POST /aims/v1/.*/access_keys', times: 1 });
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(alerts(page)).toContainText('did not answer in time');
  expect(await sim.keysOf(USERS.admin.email)).toEqual([]);
});

test('writes disabled in Alert Logic: delete explains and keeps the key', async ({ page }) => {
  await sim.createKeysDirectly(USERS.admin, ['keep-me']);
  await page.reload();
  await sim.config({ writesDisabled: true });
  await page.getByRole('button', { name: 'Delete key keep-me' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete key' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('not accepting changes');
  expect(await sim.keysOf(USERS.admin.email)).toHaveLength(1);
});

test('the keys page works from the keyboard alone', async ({ page }) => {
  await page.getByLabel('Label').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('keyboard-key');
  await page.keyboard.press('Enter');
  await expect(page.getByText('You will not see this secret again.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Key “keyboard-key” created/ })).toBeFocused();
  await page.getByRole('button', { name: 'I have stored the secret' }).focus();
  await page.keyboard.press('Enter');
  const del = page.getByRole('button', { name: 'Delete key keyboard-key' });
  await del.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Delete key' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Deleted key keyboard-key.')).toBeVisible();
});
