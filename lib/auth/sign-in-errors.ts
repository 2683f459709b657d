/**
 * Codes the sign-in form receives from the Credentials provider, and what each tells the user.
 * Shared by the server (which throws them) and the form (which explains them).
 */
export const SIGN_IN_MESSAGES = {
  invalid_input: 'Enter your Alert Logic email address and password.',
  invalid_credentials: 'Alert Logic did not accept that email and password. Check them and try again.',
  invalid_mfa_code: 'That MFA code was not accepted. Enter the current 6-digit code from your authenticator.',
  mfa_expired: 'The sign-in attempt expired (Alert Logic allows 3 minutes for the code). Start again.',
  mfa_enrollment_required:
    'Your Alert Logic account requires MFA, but this user has not enrolled yet. Enrol in the Alert Logic console, then sign in here.',
  tos_required:
    'Alert Logic needs you to accept its terms of service. Sign in to the Alert Logic console once, then return.',
  password_expired:
    'Your Alert Logic password has expired. Set a new one in the Alert Logic console (Forgot password), then sign in here.',
  account_inactive:
    'This Alert Logic account is inactive. Ask Alert Logic support or your account owner to reactivate it.',
  account_locked:
    'Alert Logic refused this sign-in; the user may be locked. Check with your Alert Logic administrator.',
  account_unavailable: 'This Alert Logic account is unavailable. Check with your Alert Logic administrator.',
  aims_unavailable:
    'GuardLink could not reach Alert Logic right now (no answer, or an error on their side). Nothing was changed; try again in a minute.',
} as const;

export type SignInErrorCode = keyof typeof SIGN_IN_MESSAGES;

export const MFA_REQUIRED_PREFIX = 'mfa_required:';

export function signInMessage(code: string | null | undefined): string {
  if (!code) return '';
  if (code in SIGN_IN_MESSAGES) return SIGN_IN_MESSAGES[code as SignInErrorCode];
  return 'Sign-in failed. Try again.';
}
