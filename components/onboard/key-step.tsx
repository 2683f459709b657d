'use client';

import Link from 'next/link';
import { useState } from 'react';
import { KeyUsage } from '@/components/keys/key-usage';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useKeys } from '@/lib/queries/use-keys';
import type { WizardAction } from '@/lib/schemas/onboarding';
import { ExistingKeyFields } from '@/components/keys/existing-key-fields';

const input =
  'mt-1 block w-full max-w-md rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none';

export function KeyStep({
  suggestedLabel,
  pending,
  act,
  forRetries = false,
}: {
  suggestedLabel: string;
  pending: boolean;
  act: (a: WizardAction) => void;
  /** Shown on the deploy step after Alert Logic rejected the key: no Back, another button text. */
  forRetries?: boolean;
}) {
  const keys = useKeys();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [label, setLabel] = useState(suggestedLabel);
  const [keyId, setKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const list = keys.data?.keys ?? [];
  const full = keys.data !== undefined && list.length >= keys.data.limit;
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        act(mode === 'new' ? { action: 'useNewKey', label } : { action: 'useExistingKey', keyId, secretKey: secret });
      }}
    >
      {keys.data && <KeyUsage used={list.length} limit={keys.data.limit} />}
      <fieldset className="space-y-2 text-sm">
        <legend className="font-medium">Which Alert Logic key will the collectors use?</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="mode" checked={mode === 'new'} onChange={() => setMode('new')} disabled={full} />{' '}
          Create a new key for this deployment
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="mode" checked={mode === 'existing'} onChange={() => setMode('existing')} /> Use a
          key I already have (its secret is checked with Alert Logic)
        </label>
      </fieldset>
      {full && mode === 'new' && (
        <Alert tone="warning" title="All 5 keys are in use">
          Use an existing key, or{' '}
          <Link href="/keys" className="underline">
            delete a key you no longer need
          </Link>{' '}
          first.
        </Alert>
      )}
      {mode === 'new' ? (
        <label className="block text-sm font-medium">
          Label of the new key
          <input className={input} value={label} onChange={(e) => setLabel(e.target.value)} maxLength={100} />
        </label>
      ) : (
        <ExistingKeyFields keys={list} keyId={keyId} secret={secret} onKeyId={setKeyId} onSecret={setSecret} />
      )}
      <p className="text-xs text-slate-600">
        The secret goes from GuardLink&apos;s server to CloudFormation; your browser never receives it.
      </p>
      <div className="flex gap-3">
        {!forRetries && (
          <Button variant="secondary" disabled={pending} onClick={() => act({ action: 'back', step: 'preflight' })}>
            Back
          </Button>
        )}
        <Button type="submit" disabled={pending || (mode === 'new' ? full : !keyId || !secret)}>
          {pending ? 'Working…' : forRetries ? 'Use this key for retries' : 'Next: review'}
        </Button>
      </div>
    </form>
  );
}
