'use client';

import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useRegisterTarget } from '@/lib/queries/use-targets';
import { targetInputSchema } from '@/lib/schemas/targets';

const input =
  'mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none';

export function RegisterTargetForm({
  suggestedExternalId,
  roleName,
}: {
  suggestedExternalId: string;
  roleName: string;
}) {
  const register = useRegisterTarget();
  const [kind, setKind] = useState<'role' | 'hub'>('role');
  const [accountId, setAccountId] = useState('');
  const [label, setLabel] = useState('');
  const [roleArn, setRoleArn] = useState('');
  const [externalId, setExternalId] = useState(suggestedExternalId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved('');
    const candidate =
      kind === 'hub'
        ? { kind, accountId: accountId.trim(), label }
        : {
            kind,
            accountId: accountId.trim(),
            label,
            roleArn: roleArn.trim() || `arn:aws:iam::${accountId.trim()}:role/${roleName}`,
            externalId,
          };
    const parsed = targetInputSchema.safeParse(candidate);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'form'), i.message])));
      return;
    }
    setErrors({});
    register.mutate(parsed.data, {
      onSuccess: ({ target }) => {
        setSaved(`Account ${target.accountId} verified and saved (${target.verifiedArn ?? ''}).`);
        setAccountId('');
        setLabel('');
        setRoleArn('');
      },
    });
  }

  const field = (name: string) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${name}-error` : undefined,
  });
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
        {errors[name]}
      </p>
    ) : null;

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">How GuardLink reaches the account</legend>
        <div className="mt-2 flex flex-wrap gap-6 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="kind" checked={kind === 'role'} onChange={() => setKind('role')} /> A role in that
            account (recommended)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="kind" checked={kind === 'hub'} onChange={() => setKind('hub')} /> GuardLink&apos;s
            own account
          </label>
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm font-medium text-slate-800">
          AWS account id
          <input
            className={input}
            value={accountId}
            onChange={(e) => setAccountId(e.target.value)}
            inputMode="numeric"
            maxLength={12}
            {...field('accountId')}
          />
          {error('accountId')}
        </label>
        <label className="block text-sm font-medium text-slate-800">
          Label
          <input
            className={input}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            maxLength={80}
            placeholder="Production"
            {...field('label')}
          />
          {error('label')}
        </label>
        {kind === 'role' && (
          <>
            <label className="block text-sm font-medium text-slate-800">
              Role ARN
              <input
                className={input}
                value={roleArn}
                onChange={(e) => setRoleArn(e.target.value)}
                placeholder={`arn:aws:iam::${accountId || '123456789012'}:role/${roleName}`}
                {...field('roleArn')}
              />
              {error('roleArn')}
            </label>
            <label className="block text-sm font-medium text-slate-800">
              ExternalId
              <input
                className={input}
                value={externalId}
                onChange={(e) => setExternalId(e.target.value)}
                {...field('externalId')}
              />
              {error('externalId')}
            </label>
          </>
        )}
      </div>
      {register.error && (
        <Alert tone="error" title="The account was not saved">
          {register.error.message}
        </Alert>
      )}
      {saved && <Alert tone="success">{saved}</Alert>}
      <Button type="submit" disabled={register.isPending}>
        {register.isPending ? 'Verifying with AWS…' : 'Verify and save'}
      </Button>
    </form>
  );
}
