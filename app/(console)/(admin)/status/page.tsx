import type { Metadata } from 'next';
import { Suspense } from 'react';
import { StatusMatrix } from '@/components/status/status-matrix';

export const metadata: Metadata = { title: 'Status' };

export default function StatusPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Region status</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          Is every account and region sending GuardDuty findings to Alert Logic right now? Open a cell for the evidence.
        </p>
      </div>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <StatusMatrix />
      </Suspense>
    </div>
  );
}
