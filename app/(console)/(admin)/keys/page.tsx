import type { Metadata } from 'next';
import { KeysManager } from '@/components/keys/keys-manager';
import { suggestedKeyLabel } from '@/lib/schemas/keys';

export const metadata: Metadata = { title: 'Access keys' };

export default function KeysPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Alert Logic access keys</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          The GuardDuty collector signs in to Alert Logic with an access key and its secret. Each Alert Logic user can
          hold at most five keys. A key&apos;s secret is shown once, when it is created.
        </p>
      </div>
      <KeysManager suggestedLabel={suggestedKeyLabel()} />
    </div>
  );
}
