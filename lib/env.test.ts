import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env';

const SECRET = 'x'.repeat(32);

describe('loadEnv', () => {
  it('applies defaults and accepts NEXTAUTH_SECRET as the auth secret', () => {
    const env = loadEnv({ NEXTAUTH_SECRET: SECRET });
    expect(env.AIMS_API_URL).toBe('https://api.global-services.global.alertlogic.com');
    expect(env.AIMS_TIMEOUT_MS).toBe(10_000);
    expect(env.AUTH_SECRET).toBe(SECRET);
  });

  it('treats empty strings as unset', () => {
    expect(loadEnv({ AUTH_SECRET: SECRET, AIMS_API_URL: '  ', AIMS_TIMEOUT_MS: '' }).AIMS_TIMEOUT_MS).toBe(10_000);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadEnv({})).toThrow(/AUTH_SECRET \(or NEXTAUTH_SECRET\): is required/);
    expect(() => loadEnv({ AUTH_SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => loadEnv({ AUTH_SECRET: SECRET, AIMS_API_URL: 'ftp://x' })).toThrow(/AIMS_API_URL/);
    expect(() => loadEnv({ AUTH_SECRET: SECRET, AIMS_TIMEOUT_MS: 'soon' })).toThrow(EnvError);
  });
});
