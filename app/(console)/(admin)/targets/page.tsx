import type { Metadata } from 'next';
import { TargetsManager } from '@/components/targets/targets-manager';

export const metadata: Metadata = { title: 'AWS accounts' };

export default function TargetsPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">AWS accounts</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          GuardLink deploys the collector into an account by assuming a role there. Register each account with its role
          and ExternalId; GuardLink checks that it can assume the role before saving it.
        </p>
      </div>
      <TargetsManager />
    </div>
  );
}
