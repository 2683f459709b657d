'use client';

import { useState } from 'react';
import { Button } from './button';

export function CodeBlock({ code, label }: { code: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="relative">
      <pre
        className="max-h-80 overflow-auto rounded-md bg-slate-900 p-4 text-xs text-slate-100"
        aria-label={label}
        tabIndex={0}
      >
        {code}
      </pre>
      <Button
        variant="secondary"
        className="absolute top-2 right-2"
        aria-label={`Copy ${label}`}
        onClick={async () => {
          await navigator.clipboard.writeText(code).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </div>
  );
}
