import { USERS, alerts, expect, fillSignIn, sim, signIn, test } from './fixtures';

test('an administrator signs in and sees account, residency and role', async ({ page }) => {
  await signIn(page, USERS.admin);
  await expect(page.getByTestId('account-summary')).toContainText('Demo Corp');
  await expect(page.getByTestId('residency')).toHaveText('United States');
  await expect(page.getByRole('heading', { name: 'You can onboard' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Access keys', exact: true })).toBeVisible();
});

test('the AIMS token and the password never reach the browser', async ({ page }) => {
  await signIn(page, USERS.admin);
  await page.goto('/keys');
  await expect(page.getByTestId('key-usage')).toBeVisible();
  const { tokens } = await sim.state();
  expect(tokens.length).toBeGreaterThan(0);

  const html = await page.content();
  const jsCookies = await page.evaluate(() => document.cookie);
  const session = await page.evaluate(async () => (await fetch('/api/auth/session')).text());
  const scripts = await page.evaluate(async () => {
    const srcs = [...document.querySelectorAll('script[src]')].map((s) => (s as HTMLScriptElement).src);
    const bodies = await Promise.all(srcs.map(async (src) => (await fetch(src)).text()));
    return bodies.join('\n') + [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent).join('\n');
  });
  const storage = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  for (const haystack of [html, jsCookies, session, scripts, storage]) {
    for (const { token } of tokens) expect(haystack).not.toContain(token);
    expect(haystack).not.toContain(USERS.admin.password);
  }
  const cookies = await page.context().cookies();
  const sessionCookie = cookies.find((c) => c.name.endsWith('next-auth.session-token'));
  expect(sessionCookie?.httpOnly).toBe(true);
  expect(sessionCookie?.sameSite).toBe('Lax');
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await fillSignIn(page, { email: USERS.admin.email, password: 'not-the-password' });
  await expect(alerts(page)).toContainText('did not accept that email and password');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('an MFA user is asked for the code, a wrong code is rejected, the right one signs in', async ({ page }) => {
  await fillSignIn(page, USERS.mfa);
  const code = page.getByLabel('MFA code');
  await expect(code).toBeVisible();
  await expect(code).toBeFocused();
  await code.fill('000000');
  await page.getByRole('button', { name: 'Verify code' }).click();
  await expect(alerts(page)).toContainText('MFA code was not accepted');
  await expect(page).toHaveURL(/\/sign-in/);

  // The same sign-in attempt stays open (AIMS allows 3 minutes): the user just types the right code.
  await code.fill(USERS.mfa.code);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Welcome, Mo Factor' })).toBeVisible();
});

for (const [who, role] of [
  ['power', 'Power User'],
  ['readonly', 'Read Only'],
] as const) {
  test(`a ${role} user is told their role and cannot reach /keys by URL or API`, async ({ page }) => {
    await signIn(page, USERS[who]);
    await expect(page.getByText('Administrator role required')).toBeVisible();
    await expect(page.getByText(`Your Alert Logic role is ${role}`)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Access keys', exact: true })).toHaveCount(0);

    const response = await page.goto('/keys');
    expect(response?.status()).toBe(403);
    await expect(page.getByText('Administrator role required')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);

    const origin = new URL(page.url()).origin;
    const post = await page.request.post('/api/keys', { data: { label: 'sneaky' }, headers: { origin } });
    expect(post.status()).toBe(403);
    expect((await post.json()) as unknown).toMatchObject({ error: 'forbidden' });
    const list = await page.request.get('/api/keys');
    expect(list.status()).toBe(403);
    expect(await sim.keysOf(USERS[who].email)).toEqual([]);
  });
}

test('an expired password is explained', async ({ page }) => {
  await fillSignIn(page, USERS.expired);
  await expect(alerts(page)).toContainText('password has expired');
});

test('an inactive account is explained', async ({ page }) => {
  await fillSignIn(page, USERS.inactive);
  await expect(alerts(page)).toContainText('account is inactive');
});

test('Alert Logic unreachable is explained and nothing is signed in', async ({ page }) => {
  await sim.fault({ kind: 'reset', match: 'authenticate' });
  await fillSignIn(page, USERS.admin);
  await expect(alerts(page)).toContainText('could not reach Alert Logic');
  await sim.clearFaults();
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('Alert Logic answering HTML or garbage at sign-in is a clear message', async ({ page }) => {
  await sim.fault({ kind: 'garbage', match: 'authenticate', times: 1 });
  await fillSignIn(page, USERS.admin);
  await expect(alerts(page)).toContainText('could not reach Alert Logic');
  await sim.fault({ kind: 'html', match: 'authenticate', status: 502, times: 1 });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(alerts(page)).toContainText('could not reach Alert Logic');
});

test('sign-out ends the session', async ({ page }) => {
  await signIn(page, USERS.admin);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/keys');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('when the AIMS token expires the user is sent back to sign-in', async ({ page }) => {
  await sim.config({ tokenTtlSeconds: 8 });
  await signIn(page, USERS.admin);
  await page.goto('/keys');
  await expect(page.getByTestId('key-usage')).toBeVisible();
  await expect(async () => {
    await page.goto('/keys');
    await expect(page).toHaveURL(/\/sign-in\?reason=expired/, { timeout: 1000 });
  }).toPass({ timeout: 20_000, intervals: [1000] });
  await expect(page.getByText('Your session ended')).toBeVisible();
});
