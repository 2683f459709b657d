import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSessionState } from '@/lib/auth/session';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const [state, { reason }] = await Promise.all([getSessionState(), searchParams]);
  if (state.kind === 'active') redirect('/');
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 text-center">
          <p className="text-brand-700 text-2xl font-bold tracking-tight">GuardLink</p>
          <h1 className="mt-2 text-lg text-slate-700">Sign in with your Alert Logic account</h1>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm expired={reason === 'expired' || state.kind === 'expired'} />
        </div>
        <p className="mt-6 text-center text-xs text-slate-500">
          Your password goes to Alert Logic only. GuardLink keeps the Alert Logic session on its server, encrypted.
        </p>
      </div>
    </main>
  );
}
