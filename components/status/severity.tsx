const BANDS = [
  { min: 9, label: 'Critical', className: 'bg-red-700 text-white' },
  { min: 7, label: 'High', className: 'bg-orange-600 text-white' },
  { min: 4, label: 'Medium', className: 'bg-amber-300 text-amber-950' },
  { min: 0, label: 'Low', className: 'bg-sky-200 text-sky-950' },
];

/** GuardDuty's severity bands, with colour and the band's name. */
export function Severity({ value }: { value: number }) {
  const band = BANDS.find((b) => value >= b.min) ?? BANDS[3]!;
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${band.className}`} title={`Severity ${value}`}>
      {band.label} {value.toFixed(1)}
    </span>
  );
}
