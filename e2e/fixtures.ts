/** Shared e2e helpers: the simulator's control interface, seeded users, and signing in. */
import { test as base, expect, type Page } from '@playwright/test';
import { SIM_URL } from './env';

export const USERS = {
  admin: { email: 'admin@example.com', password: 'Demo-Admin-1' },
  mfa: { email: 'mfa@example.com', password: 'Demo-Mfa-1', code: '123456' },
  power: { email: 'power@example.com', password: 'Demo-Power-1' },
  readonly: { email: 'readonly@example.com', password: 'Demo-Read-1' },
  expired: { email: 'expired@example.com', password: 'Demo-Expired-1' },
  inactive: { email: 'inactive@example.com', password: 'Demo-Inactive-1' },
} as const;

export interface SimState {
  users: { email: string; keys: { id: string; label: string | null }[] }[];
  tokens: { token: string; userId: string; expiration: number }[];
}

async function control(path: string, init: { method?: string; json?: unknown } = {}): Promise<unknown> {
  const res = await fetch(`${SIM_URL}/_sim/${path}`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json' },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  if (!res.ok) throw new Error(`sim control ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

export const sim = {
  reset: () => control('reset'),
  config: (json: { tokenTtlSeconds?: number; latencyMs?: number; writesDisabled?: boolean }) =>
    control('config', { json }),
  fault: (json: {
    kind: 'status' | 'html' | 'garbage' | 'reset' | 'hang';
    match?: string;
    status?: number;
    times?: number;
  }) => control('faults', { json }),
  clearFaults: () => control('faults', { method: 'DELETE' }),
  state: () => control('state', { method: 'GET' }) as Promise<SimState>,
  keysOf: async (email: string) => (await sim.state()).users.find((u) => u.email === email)?.keys ?? [],
  /** Creates keys straight through the AIMS API, as another tool or person would. */
  async createKeysDirectly(user: { email: string; password: string }, labels: string[]) {
    const auth = await fetch(`${SIM_URL}/aims/v1/authenticate`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${user.email}:${user.password}`).toString('base64')}` },
    });
    const { authentication: a } = (await auth.json()) as {
      authentication: { token: string; account: { id: string }; user: { id: string } };
    };
    for (const label of labels) {
      const res = await fetch(`${SIM_URL}/aims/v1/${a.account.id}/users/${a.user.id}/access_keys`, {
        method: 'POST',
        headers: { 'x-aims-auth-token': a.token, 'content-type': 'application/json' },
        body: JSON.stringify({ label }),
      });
      expect(res.status).toBe(201);
    }
  },
};

export async function fillSignIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await fillSignIn(page, user);
  await expect(page.getByRole('heading', { name: /^Welcome,/ })).toBeVisible();
}

/** Alerts on the page, without Next's own (empty) route announcer. */
export function alerts(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

export const test = base.extend<{ resetSim: void }>({
  resetSim: [
    async ({}, use) => {
      await sim.reset();
      await use();
    },
    { auto: true },
  ],
});

export { expect };
