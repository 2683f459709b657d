'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { WizardView } from '@/lib/queries/use-onboarding';

export function TargetsStep({
  wizard,
  pending,
  onNext,
}: {
  wizard: WizardView;
  pending: boolean;
  onNext: (accountIds: string[]) => void;
}) {
  const [chosen, setChosen] = useState<Set<string>>(new Set(wizard.deployment.accountIds));
  if (wizard.targets.length === 0) {
    return (
      <p className="text-sm">
        No AWS account is registered yet.{' '}
        <Link href="/targets" className="text-brand-700 underline">
          Register an account
        </Link>{' '}
        first.
      </p>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onNext([...chosen]);
      }}
      className="space-y-4"
    >
      <fieldset>
        <legend className="text-sm font-medium">Which AWS accounts?</legend>
        <ul className="mt-2 space-y-2">
          {wizard.targets.map((t) => (
            <li key={t.accountId}>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={chosen.has(t.accountId)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(t.accountId);
                    else next.delete(t.accountId);
                    setChosen(next);
                  }}
                />
                {t.label} <span className="font-mono text-slate-500">{t.accountId}</span>
                {t.hub && <span className="text-xs text-slate-500">(GuardLink&apos;s own account)</span>}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p className="text-sm">
        <Link href="/targets" className="text-brand-700 underline">
          Register another account
        </Link>
      </p>
      <Button type="submit" disabled={pending || chosen.size === 0}>
        Next: regions
      </Button>
    </form>
  );
}
