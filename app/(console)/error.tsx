'use client';

import { useEffect } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error('GuardLink page error', error.digest ?? '');
  }, [error]);
  return (
    <div className="space-y-4">
      <Alert tone="error" title="This page could not be shown">
        Something went wrong on the GuardLink server{error.digest ? ` (reference ${error.digest})` : ''}. Nothing was
        changed.
      </Alert>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
