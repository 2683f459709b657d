import { describe, expect, it } from 'vitest';
import { redact, redactMessage } from './log';

describe('log redaction', () => {
  it('replaces credential-like fields at any depth', () => {
    expect(
      redact({ user: 'a@b.c', aimsToken: 't', nested: { secretKey: 's', list: [{ password: 'p', keyId: 'k' }] } }),
    ).toEqual({
      user: 'a@b.c',
      aimsToken: '[redacted]',
      nested: { secretKey: '[redacted]', list: [{ password: '[redacted]', keyId: 'k' }] },
    });
  });

  it('cuts sealed MFA challenges out of field values too', () => {
    expect(redact({ metadata: 'CredentialsSignin mfa_required:eyJ.abc' })).toEqual({
      metadata: 'CredentialsSignin mfa_required:[redacted]',
    });
  });

  it('cuts sealed MFA challenges out of messages', () => {
    expect(redactMessage('CredentialsSignin mfa_required:eyJhbGc.abc.def rest')).toBe(
      'CredentialsSignin mfa_required:[redacted] rest',
    );
  });
});
