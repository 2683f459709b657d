import type { Metadata } from 'next';
import { OnboardingWizard } from '@/components/onboard/onboarding-wizard';
import { suggestedKeyLabel } from '@/lib/schemas/keys';

export const metadata: Metadata = { title: 'Onboard' };

export default function OnboardPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Onboard GuardDuty into Alert Logic</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          Deploy Alert Logic&apos;s GuardDuty collector into several AWS accounts and regions in one pass. Progress is
          kept on the server: you can reload or come back later.
        </p>
      </div>
      <OnboardingWizard suggestedLabel={suggestedKeyLabel()} />
    </div>
  );
}
