/** "N of 5 keys used", with a meter, always in view so the limit never comes as a surprise. */
export function KeyUsage({ used, limit }: { used: number; limit: number }) {
  const tone = used >= limit ? 'bg-red-600' : used >= limit - 1 ? 'bg-amber-500' : 'bg-emerald-600';
  return (
    <div className="flex items-center gap-3 text-sm" data-testid="key-usage">
      <span className="font-medium">
        {used} of {limit} keys used
      </span>
      <meter min={0} max={limit} value={used} aria-label="Access keys used" className="sr-only" />
      <span aria-hidden className="flex gap-1">
        {Array.from({ length: limit }, (_, i) => (
          <span key={i} className={`h-2.5 w-5 rounded-sm ${i < used ? tone : 'bg-slate-200'}`} />
        ))}
      </span>
    </div>
  );
}
