const STEPS = [
  ['targets', 'Accounts'],
  ['regions', 'Regions'],
  ['preflight', 'Preflight'],
  ['key', 'Alert Logic key'],
  ['review', 'Review'],
  ['deploy', 'Deploy'],
] as const;

export function StepNav({ current }: { current: string }) {
  const index = STEPS.findIndex(([s]) => s === current);
  return (
    <nav aria-label="Onboarding steps">
      <ol className="flex flex-wrap gap-2 text-sm">
        {STEPS.map(([step, label], i) => (
          <li
            key={step}
            aria-current={step === current ? 'step' : undefined}
            className={`rounded-full px-3 py-1 ${step === current ? 'bg-brand-600 text-white' : i < index ? 'bg-brand-50 text-brand-700' : 'bg-slate-100 text-slate-500'}`}
          >
            {i + 1}. {label}
          </li>
        ))}
      </ol>
    </nav>
  );
}
