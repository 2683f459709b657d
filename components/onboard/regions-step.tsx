'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useRegionChoices, type WizardView } from '@/lib/queries/use-onboarding';

export function RegionsStep({
  wizard,
  pending,
  onNext,
  onBack,
}: {
  wizard: WizardView;
  pending: boolean;
  onNext: (regions: string[]) => void;
  onBack: () => void;
}) {
  const choices = useRegionChoices(wizard.deployment.id, true);
  const [chosen, setChosen] = useState<Set<string>>(new Set(wizard.deployment.regions));
  if (choices.isPending) return <p role="status">Reading each account&apos;s regions from AWS…</p>;
  if (choices.isError) return <Alert tone="error">{choices.error.message}</Alert>;
  const accounts = choices.data.accounts;
  const names = [...new Set(accounts.flatMap((a) => a.regions.map((r) => r.name)))].sort();
  const enabledSomewhere = (name: string) => accounts.some((a) => a.regions.find((r) => r.name === name)?.enabled);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onNext([...chosen]);
      }}
      className="space-y-4"
    >
      {accounts
        .filter((a) => a.error)
        .map((a) => (
          <Alert key={a.accountId} tone="error" title={`${a.label} (${a.accountId})`}>
            {a.error}
          </Alert>
        ))}
      <fieldset>
        <legend className="text-sm font-medium">
          Which regions? Opt-in regions can be chosen only where an account has enabled them.
        </legend>
        <div className="mt-2 flex gap-3 text-sm">
          <Button
            variant="ghost"
            onClick={() =>
              setChosen(
                new Set(
                  names.filter((n) =>
                    accounts.every((a) => a.regions.find((r) => r.name === n)?.optInStatus === 'opt-in-not-required'),
                  ),
                ),
              )
            }
          >
            Select all default regions
          </Button>
          <Button variant="ghost" onClick={() => setChosen(new Set())}>
            Clear
          </Button>
        </div>
        <ul className="mt-2 grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
          {names.map((name) => {
            const optIn = accounts
              .map((a) => ({ a, r: a.regions.find((r) => r.name === name) }))
              .filter((x) => x.r && x.r.optInStatus !== 'opt-in-not-required');
            const enabled = enabledSomewhere(name);
            return (
              <li key={name}>
                <label className={`flex items-center gap-2 text-sm ${enabled ? '' : 'text-slate-400'}`}>
                  <input
                    type="checkbox"
                    disabled={!enabled}
                    checked={chosen.has(name)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(name);
                      else next.delete(name);
                      setChosen(next);
                    }}
                  />
                  <span className="font-mono">{name}</span>
                  {optIn.length > 0 && (
                    <span className="text-xs text-slate-500">
                      opt-in: {optIn.map((x) => `${x.a.label} ${x.r!.enabled ? 'enabled' : 'not enabled'}`).join(', ')}
                    </span>
                  )}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="flex gap-3">
        <Button variant="secondary" onClick={onBack} disabled={pending}>
          Back
        </Button>
        <Button type="submit" disabled={pending || chosen.size === 0}>
          {pending
            ? `Checking ${wizard.deployment.accountIds.length} account(s) × ${chosen.size} region(s)…`
            : 'Next: run preflight'}
        </Button>
      </div>
    </form>
  );
}
