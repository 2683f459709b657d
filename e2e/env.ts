/** Where the end-to-end tests find the console and the simulator; never anything but loopback. */
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const E2E_SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4110);
export const APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
export const SIM_URL = `http://127.0.0.1:${E2E_SIM_PORT}`;
export const E2E_AWS_PORT = Number(process.env.E2E_AWS_PORT ?? 4610);
export const AWS_SIM_URL = `http://127.0.0.1:${E2E_AWS_PORT}`;

export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new Error(`E2E target must be loopback, got ${url}`);
}
