'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { CreatedKeyView } from '@/lib/schemas/keys';

function CopyButton({ text, what }: { text: string; what: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="secondary"
      aria-label={`Copy ${what}`}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
        } catch {
          setCopied(false);
        }
      }}
    >
      {copied ? 'Copied' : 'Copy'}
    </Button>
  );
}

/**
 * The new key's secret, shown once. It lives only in this component's props (the mutation
 * state); "Done" drops it, and leaving the page first asks for confirmation.
 */
export function SecretOnce({ created, onDone }: { created: CreatedKeyView; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return (
    <section aria-labelledby="secret-heading" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-5">
      <h2 id="secret-heading" ref={heading} tabIndex={-1} className="text-base font-semibold text-amber-950">
        Key “{created.key.label ?? created.key.id}” created: copy its secret now
      </h2>
      <p className="mt-1 text-sm text-amber-950">
        <strong>You will not see this secret again.</strong> Alert Logic returns it only once, and GuardLink does not
        keep it.
      </p>
      <dl className="mt-4 space-y-3 text-sm">
        <div>
          <dt className="font-medium text-slate-700">Access key id</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-3">
            <code data-testid="new-key-id" className="rounded bg-white px-2 py-1 font-mono">
              {created.key.id}
            </code>
            <CopyButton text={created.key.id} what="access key id" />
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Secret key</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-3">
            <code data-testid="new-key-secret" className="rounded bg-white px-2 py-1 font-mono break-all">
              {created.secretKey}
            </code>
            <CopyButton text={created.secretKey} what="secret key" />
          </dd>
        </div>
      </dl>
      <Button className="mt-5" onClick={onDone}>
        I have stored the secret
      </Button>
    </section>
  );
}
