import 'server-only';
/**
 * The whole accounts × regions matrix, gathered on the server with bounded concurrency and a
 * deadline per cell (a slow region shows "unreachable" without holding up the rest), and shared
 * for a few seconds between viewers of the same Alert Logic account so they do not multiply calls.
 */
import type { ConsoleSession } from '../auth/session';
import { listAccountRegions } from '../aws/ec2';
import { classifyAwsError } from '../aws/errors';
import { DEFAULT_REGIONS } from '../aws/regions';
import { targetScope } from '../aws/scope';
import { diagnoseAwsFailure } from '../collector/diagnosis';
import { env } from '../env';
import { settleAll } from '../onboarding/limit';
import { listTargets } from '../store/targets';
import { readCell, unreachable, type CellView } from './cell';
import type { HealthState } from './health';

export interface MatrixView {
  generatedAt: number;
  durationMs: number;
  accounts: { accountId: string; label: string; error: string | null; regions: string[] }[];
  regions: string[];
  cells: CellView[];
  counts: Record<HealthState, number>;
  calls: { accountLevel: number; maxAwsPerCell: number; maxAlertLogicPerCell: number; total: number };
}

function withDeadline<T>(p: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  return Promise.race([p, new Promise<T>((resolve) => setTimeout(() => resolve(onTimeout()), ms).unref())]);
}

export async function gatherMatrix(session: ConsoleSession): Promise<MatrixView> {
  const started = Date.now();
  const targets = listTargets(session.accountId);
  const regionLists = await settleAll(
    env().STATUS_CONCURRENCY,
    targets.map((t) => () => listAccountRegions(targetScope(session, t, env().AWS_REGION))),
  );
  const accounts = targets.map((t, i) => {
    const r = regionLists[i]!;
    if (r.status === 'fulfilled')
      return {
        accountId: t.accountId,
        label: t.label,
        error: null,
        regions: r.value.filter((x) => x.enabled).map((x) => x.name),
      };
    const d = diagnoseAwsFailure(classifyAwsError(r.reason), {
      region: env().AWS_REGION,
      accountId: t.accountId,
      roleName: t.roleArn?.split('/').pop(),
      during: 'assume_role',
    });
    return { accountId: t.accountId, label: t.label, error: `${d.cause} ${d.remedy}`, regions: [...DEFAULT_REGIONS] };
  });
  // The partition's own order (us-east-1 first), then opt-in regions alphabetically.
  const rank = (r: string) => {
    const i = (DEFAULT_REGIONS as readonly string[]).indexOf(r);
    return i < 0 ? DEFAULT_REGIONS.length : i;
  };
  const regions = [...new Set(accounts.flatMap((a) => a.regions))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const now = Date.now();
  const jobs = accounts.flatMap((a, i) =>
    a.regions.map((region) => () => {
      if (a.error) return Promise.resolve(unreachable(a.accountId, region, a.error));
      const deadline = env().STATUS_CELL_DEADLINE_MS;
      return withDeadline(readCell(session, targets[i]!, region, now), deadline, () =>
        unreachable(a.accountId, region, `No answer from AWS within ${Math.round(deadline / 1000)} s.`),
      );
    }),
  );
  const settled = await settleAll(env().STATUS_CONCURRENCY, jobs);
  const cells = settled.map((s) => (s.status === 'fulfilled' ? s.value : unreachable('?', '?', 'Unexpected error')));
  const counts = {
    healthy: 0,
    degraded: 0,
    failing: 0,
    silent: 0,
    not_installed: 0,
    guardduty_off: 0,
    unreachable: 0,
  } as Record<HealthState, number>;
  for (const c of cells) counts[c.state]++;
  const perCellAws = cells.map((c) => c.calls.aws);
  return {
    generatedAt: now,
    durationMs: Date.now() - started,
    accounts,
    regions,
    cells,
    counts,
    calls: {
      accountLevel: targets.length,
      maxAwsPerCell: Math.max(0, ...perCellAws),
      maxAlertLogicPerCell: Math.max(0, ...cells.map((c) => c.calls.alertLogic)),
      total: targets.length + perCellAws.reduce((a, b) => a + b, 0) + cells.reduce((a, c) => a + c.calls.alertLogic, 0),
    },
  };
}

const cache = new Map<string, { at: number; promise: Promise<MatrixView> }>();

/** Viewers of one Alert Logic account share a gathering younger than STATUS_CACHE_MS, even in flight. */
export function cachedMatrix(session: ConsoleSession, fresh = false): Promise<MatrixView> {
  const hit = cache.get(session.accountId);
  if (!fresh && hit && Date.now() - hit.at < env().STATUS_CACHE_MS) return hit.promise;
  const promise = gatherMatrix(session);
  cache.set(session.accountId, { at: Date.now(), promise });
  promise.catch(() => cache.delete(session.accountId));
  return promise;
}

/** After an action changes a region, the next read must not serve the old picture. */
export function invalidateMatrix(alAccountId: string): void {
  cache.delete(alAccountId);
}
