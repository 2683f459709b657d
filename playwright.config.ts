import { defineConfig } from '@playwright/test';
import { APP_URL, AWS_SIM_URL, E2E_APP_PORT, E2E_AWS_PORT, E2E_SIM_PORT, SIM_URL, assertLocal } from './e2e/env';

assertLocal(APP_URL);
assertLocal(SIM_URL);
assertLocal(AWS_SIM_URL);

export default defineConfig({
  testDir: 'e2e',
  // One simulator and one console are shared: tests reset the simulator, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_JSON_OUTPUT ? [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT }]] : [['list']],
  use: {
    baseURL: APP_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-gpu',
      ],
    },
  },
  webServer: [
    {
      command: `npx tsx sim/aims/main.ts --port ${E2E_SIM_PORT}`,
      url: `${SIM_URL}/_sim/state`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `npx tsx sim/aws/main.ts --port ${E2E_AWS_PORT} --aims-url ${SIM_URL} --stack-duration-ms 3000`,
      url: `${AWS_SIM_URL}/_sim/state`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      command: `npx next start -p ${E2E_APP_PORT} -H 127.0.0.1`,
      url: `${APP_URL}/sign-in`,
      reuseExistingServer: false,
      env: {
        AIMS_API_URL: SIM_URL,
        AIMS_TIMEOUT_MS: '3000',
        AUTH_SECRET: 'e2e-only-secret-0123456789abcdef0123456789',
        NEXTAUTH_URL: APP_URL,
        NEXT_TELEMETRY_DISABLED: '1',
        // The real SDK and credential chain, pointed at the AWS simulator: no test-mode branch.
        AWS_ENDPOINT_URL: AWS_SIM_URL,
        AWS_ACCESS_KEY_ID: 'AKIAGUARDLINKHUB0001',
        AWS_SECRET_ACCESS_KEY: 'e2e-hub-secret',
        AWS_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_TIMEOUT_MS: '1000',
        AWS_MAX_ATTEMPTS: '8',
        DATABASE_URL: `file:.e2e/guardlink-${process.pid}.sqlite`,
        DEPLOY_POLL_MS: '400',
        STATUS_CACHE_MS: '1000',
        STATUS_CELL_DEADLINE_MS: '8000',
        STATUS_TEST_FINDING_WAIT_MS: '60000',
      },
    },
  ],
});
