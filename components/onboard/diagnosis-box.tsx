import type { Diagnosis } from '@/lib/queries/use-onboarding';

/** Cause, remedy and a link, shown where the failure is shown. Text only: AWS reasons are data. */
export function DiagnosisBox({ diagnosis }: { diagnosis: Diagnosis }) {
  return (
    <div className="mt-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-950" data-testid="diagnosis">
      <p>
        <strong>Cause:</strong> {diagnosis.cause}
      </p>
      <p className="mt-1">
        <strong>Fix:</strong> {diagnosis.remedy}
      </p>
      {diagnosis.link && (
        <p className="mt-1">
          <a href={diagnosis.link.url} target="_blank" rel="noreferrer noopener" className="text-brand-700 underline">
            {diagnosis.link.label}
          </a>
        </p>
      )}
      {diagnosis.detail && (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs">What AWS said</summary>
          <p className="mt-1 font-mono text-xs break-all">{diagnosis.detail}</p>
        </details>
      )}
    </div>
  );
}
