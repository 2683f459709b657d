import Link from 'next/link';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

interface Props {
  name: string;
  email: string;
  accountName: string;
  accountId: string;
  residency: string;
  roles: string[];
  isAdmin: boolean;
}

export function ConsoleHeader({ name, email, accountName, accountId, residency, roles, isAdmin }: Props) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <div className="flex items-center gap-6">
          <Link href="/" className="text-brand-700 text-lg font-bold tracking-tight">
            GuardLink
          </Link>
          <NavLinks isAdmin={isAdmin} />
        </div>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <div className="text-right" data-testid="account-summary">
            <p className="font-medium text-slate-900">
              {accountName} <span className="text-slate-500">({accountId})</span>
            </p>
            <p className="text-slate-600">
              Data residency: <span data-testid="residency">{residency}</span>
            </p>
          </div>
          <div className="text-right">
            <p className="text-slate-900" title={email}>
              {name}
            </p>
            <p className="text-slate-600">{roles.join(', ') || 'No role'}</p>
          </div>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
