'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { MFA_REQUIRED_PREFIX, signInMessage } from '@/lib/auth/sign-in-errors';

type Step = { kind: 'password' } | { kind: 'mfa'; challenge: string };

const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600';

export function SignInForm({ expired }: { expired: boolean }) {
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [error, setError] = useState('');
  const [pending, setPending] = useState(false);
  const router = useRouter();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const credentials =
      step.kind === 'password'
        ? { email: String(form.get('email') ?? '').trim(), password: String(form.get('password') ?? '') }
        : { challenge: step.challenge, mfaCode: String(form.get('mfaCode') ?? '').trim() };
    setPending(true);
    setError('');
    try {
      const result = await signIn('credentials', { ...credentials, redirect: false });
      if (result?.ok && !result.error) {
        router.replace('/');
        router.refresh();
        return;
      }
      const code = result?.error ?? '';
      if (code.startsWith(MFA_REQUIRED_PREFIX)) {
        setStep({ kind: 'mfa', challenge: code.slice(MFA_REQUIRED_PREFIX.length) });
      } else {
        if (code === 'mfa_expired') setStep({ kind: 'password' });
        setError(signInMessage(code || 'aims_unavailable'));
      }
    } catch {
      setError('GuardLink could not be reached. Check your connection and try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      noValidate={false}
      aria-describedby={error ? 'sign-in-error' : undefined}
      className="space-y-4"
    >
      {expired && !error && step.kind === 'password' && (
        <Alert tone="info">Your session ended when its Alert Logic token expired. Sign in again to continue.</Alert>
      )}
      {error && (
        <Alert tone="error" id="sign-in-error">
          {error}
        </Alert>
      )}
      {step.kind === 'password' ? (
        <>
          <label className="block text-sm font-medium text-slate-800">
            Email
            <input
              name="email"
              type="email"
              required
              maxLength={254}
              autoComplete="username"
              autoFocus
              className={inputClass}
            />
          </label>
          <label className="block text-sm font-medium text-slate-800">
            Password
            <input
              name="password"
              type="password"
              required
              maxLength={256}
              autoComplete="current-password"
              className={inputClass}
            />
          </label>
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? 'Signing in…' : 'Sign in'}
          </Button>
        </>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            Your Alert Logic user has multi-factor authentication. Enter the 6-digit code from your authenticator app.
          </p>
          <label className="block text-sm font-medium text-slate-800">
            MFA code
            <input
              key="mfa"
              name="mfaCode"
              inputMode="numeric"
              pattern="\d{6}"
              maxLength={6}
              required
              autoComplete="one-time-code"
              autoFocus
              className={`${inputClass} tracking-widest`}
            />
          </label>
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? 'Verifying…' : 'Verify code'}
          </Button>
          <Button
            variant="ghost"
            className="w-full"
            onClick={() => {
              setStep({ kind: 'password' });
              setError('');
            }}
          >
            Start again
          </Button>
        </>
      )}
    </form>
  );
}
