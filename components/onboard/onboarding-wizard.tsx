'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import {
  useDiscardWizard,
  useStartWizard,
  useWizard,
  useWizardAction,
  type WizardView,
} from '@/lib/queries/use-onboarding';
import type { WizardAction } from '@/lib/schemas/onboarding';
import { DeployStep } from './deploy-step';
import { KeyStep } from './key-step';
import { PreflightStep } from './preflight-step';
import { RegionsStep } from './regions-step';
import { ReviewStep } from './review-step';
import { StepNav } from './step-nav';
import { TargetsStep } from './targets-step';

function Steps({ wizard, suggestedLabel }: { wizard: WizardView; suggestedLabel: string }) {
  const action = useWizardAction(wizard.deployment.id);
  const discard = useDiscardWizard(wizard.deployment.id);
  const start = useStartWizard();
  const act = (a: WizardAction) => action.mutate(a);
  const pending = action.isPending;
  const step = wizard.deployment.step;
  return (
    <Card
      title={step === 'deploy' ? 'Deployment' : 'New deployment'}
      actions={
        wizard.deployment.status === 'draft' && (
          <Button variant="ghost" onClick={() => discard.mutate()} disabled={discard.isPending}>
            Discard this draft
          </Button>
        )
      }
    >
      <div className="space-y-5">
        <StepNav current={step} />
        {action.error && (
          <Alert tone="error" title="That did not work">
            {action.error.message}
          </Alert>
        )}
        {step === 'targets' && (
          <TargetsStep
            wizard={wizard}
            pending={pending}
            onNext={(accountIds) => act({ action: 'setTargets', accountIds })}
          />
        )}
        {step === 'regions' && (
          <RegionsStep
            wizard={wizard}
            pending={pending}
            onNext={(regions) => act({ action: 'setRegions', regions })}
            onBack={() => act({ action: 'back', step: 'targets' })}
          />
        )}
        {step === 'preflight' && <PreflightStep wizard={wizard} pending={pending} act={act} />}
        {step === 'key' && <KeyStep suggestedLabel={suggestedLabel} pending={pending} act={act} />}
        {step === 'review' && <ReviewStep wizard={wizard} pending={pending} act={act} />}
        {step === 'deploy' && (
          <DeployStep
            wizard={wizard}
            pending={pending}
            act={act}
            onNew={() => start.mutate()}
            suggestedLabel={suggestedLabel}
          />
        )}
      </div>
    </Card>
  );
}

export function OnboardingWizard({ suggestedLabel }: { suggestedLabel: string }) {
  const wizard = useWizard();
  const start = useStartWizard();
  if (wizard.isPending) return <p role="status">Loading…</p>;
  if (wizard.isError)
    return (
      <Alert tone="error" title="Could not load the onboarding state">
        {wizard.error.message}
      </Alert>
    );
  const current = wizard.data.wizard;
  if (!current) {
    return (
      <Card>
        <p className="text-sm text-slate-700">No onboarding is in progress.</p>
        {start.error && <Alert tone="error">{start.error.message}</Alert>}
        <Button className="mt-4" onClick={() => start.mutate()} disabled={start.isPending}>
          Start onboarding
        </Button>
      </Card>
    );
  }
  return <Steps wizard={current} suggestedLabel={suggestedLabel} />;
}
