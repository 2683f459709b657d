'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { HealthState } from '@/lib/status/health';
import { HEALTH_ORDER, HEALTH_STYLE } from './health-style';

export interface Filters {
  account: string;
  region: string;
  state: string;
}

/** Filters live in the URL, so a filtered view can be reloaded and shared. */
export function useFilters(): [Filters, (patch: Partial<Filters>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = {
    account: params.get('account') ?? '',
    region: params.get('region') ?? '',
    state: params.get('state') ?? '',
  };
  const set = (patch: Partial<Filters>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    router.replace(next.size ? `${pathname}?${next}` : pathname, { scroll: false });
  };
  return [filters, set];
}

const select = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

export function StatusFilters({
  filters,
  set,
  accounts,
  regions,
}: {
  filters: Filters;
  set: (patch: Partial<Filters>) => void;
  accounts: { accountId: string; label: string }[];
  regions: string[];
}) {
  return (
    <div className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col">
        Account
        <select className={select} value={filters.account} onChange={(e) => set({ account: e.target.value })}>
          <option value="">All accounts</option>
          {accounts.map((a) => (
            <option key={a.accountId} value={a.accountId}>
              {a.label} ({a.accountId})
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Region
        <select className={select} value={filters.region} onChange={(e) => set({ region: e.target.value })}>
          <option value="">All regions</option>
          {regions.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        State
        <select className={select} value={filters.state} onChange={(e) => set({ state: e.target.value })}>
          <option value="">All states</option>
          {HEALTH_ORDER.map((s: HealthState) => (
            <option key={s} value={s}>
              {HEALTH_STYLE[s].label}
            </option>
          ))}
        </select>
      </label>
      {(filters.account || filters.region || filters.state) && (
        <button
          type="button"
          className="text-brand-700 px-2 py-1.5 underline"
          onClick={() => set({ account: '', region: '', state: '' })}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
