'use client';

import Link from 'next/link';
import type { KeyboardEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { useRefreshStatus, useStatus, type CellView } from '@/lib/queries/use-status';
import { HEALTH_LEGEND, type HealthState } from '@/lib/status/health';
import { HEALTH_ORDER, HEALTH_STYLE } from './health-style';
import { StatusFilters, useFilters } from './status-filters';
import { UpdatedAgo } from './updated-ago';

/** Arrow keys move between cells like a spreadsheet; Enter opens one. */
function moveFocus(e: KeyboardEvent<HTMLTableElement>) {
  const deltas: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  const d = deltas[e.key];
  const el = document.activeElement as HTMLElement | null;
  if (!d || !el?.dataset.row) return;
  const row = Number(el.dataset.row) + d[0];
  const col = Number(el.dataset.col) + d[1];
  const next = e.currentTarget.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

function Cell({ cell, row, col }: { cell: CellView | undefined; row: number; col: number }) {
  if (!cell) {
    return (
      <td className="p-1 text-center text-xs text-slate-400" title="Region not enabled in this account">
        n/a
      </td>
    );
  }
  const style = HEALTH_STYLE[cell.state];
  return (
    <td className="p-1">
      <Link
        href={`/status/${cell.accountId}/${cell.region}`}
        data-row={row}
        data-col={col}
        data-state={cell.state}
        data-testid={`cell-${cell.accountId}-${cell.region}`}
        aria-label={`${cell.accountId} ${cell.region}: ${style.label}. ${cell.reason}`}
        title={cell.reason}
        className={`block rounded border px-1.5 py-1 text-center text-xs font-medium ${style.className}`}
      >
        {style.short}
      </Link>
    </td>
  );
}

export function StatusMatrix() {
  const status = useStatus();
  const refresh = useRefreshStatus();
  const [filters, setFilters] = useFilters();
  if (status.isPending) return <p role="status">Reading every account and region…</p>;
  if (status.isError)
    return (
      <Alert tone="error" title="Could not read the status">
        {status.error.message}
      </Alert>
    );
  const m = status.data;
  const accounts = m.accounts.filter((a) => !filters.account || a.accountId === filters.account);
  const regions = m.regions.filter((r) => !filters.region || r === filters.region);
  const byKey = new Map(m.cells.map((c) => [`${c.accountId}|${c.region}`, c]));
  const shown = (c: CellView | undefined) => c && (!filters.state || c.state === filters.state);
  if (m.accounts.length === 0) {
    return (
      <Card>
        <p className="text-sm">
          No AWS account is registered.{' '}
          <Link href="/targets" className="text-brand-700 underline">
            Register one
          </Link>
          , then onboard it.
        </p>
      </Card>
    );
  }
  return (
    <div className="space-y-4">
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <ul className="flex flex-wrap gap-2" aria-label="Counts per state">
            {HEALTH_ORDER.map((s: HealthState) => (
              <li key={s}>
                <button
                  type="button"
                  onClick={() => setFilters({ state: filters.state === s ? '' : s })}
                  aria-pressed={filters.state === s}
                  data-testid={`count-${s}`}
                  className={`rounded-full border px-3 py-1 text-xs font-medium ${HEALTH_STYLE[s].className}`}
                >
                  {HEALTH_STYLE[s].label}: {m.counts[s]}
                </button>
              </li>
            ))}
          </ul>
          <div className="flex items-center gap-3 text-sm text-slate-600">
            <UpdatedAgo at={m.generatedAt} />
            <Button
              variant="secondary"
              onClick={() => refresh.mutate()}
              disabled={refresh.isPending || status.isFetching}
            >
              {refresh.isPending ? 'Refreshing…' : 'Refresh now'}
            </Button>
          </div>
        </div>
        <div className="mt-4">
          <StatusFilters filters={filters} set={setFilters} accounts={m.accounts} regions={m.regions} />
        </div>
      </Card>
      {m.accounts
        .filter((a) => a.error)
        .map((a) => (
          <Alert key={a.accountId} tone="error" title={`${a.label} (${a.accountId}) is unreachable`}>
            {a.error}
          </Alert>
        ))}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="text-sm" onKeyDown={moveFocus} aria-label="Collector health per account and region">
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 bg-white p-2 text-left font-medium">
                Account
              </th>
              {regions.map((r) => (
                <th key={r} scope="col" className="p-1 text-xs font-medium whitespace-nowrap text-slate-600">
                  {r}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {accounts.map((a, row) => (
              <tr key={a.accountId} className="border-t border-slate-100">
                <th scope="row" className="sticky left-0 bg-white p-2 text-left font-normal whitespace-nowrap">
                  {a.label} <span className="font-mono text-xs text-slate-500">{a.accountId}</span>
                </th>
                {regions.map((r, col) => {
                  const c = byKey.get(`${a.accountId}|${r}`);
                  return shown(c) || (!c && !filters.state) ? (
                    <Cell key={r} cell={c} row={row} col={col} />
                  ) : (
                    <td key={r} />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">Legend</summary>
        <dl className="mt-2 grid gap-2 sm:grid-cols-2">
          {HEALTH_ORDER.map((s) => (
            <div key={s} className="flex items-start gap-2">
              <dt className={`rounded border px-2 py-0.5 text-xs font-medium ${HEALTH_STYLE[s].className}`}>
                {HEALTH_STYLE[s].label}
              </dt>
              <dd className="text-slate-700">{HEALTH_LEGEND[s]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
