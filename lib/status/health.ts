/**
 * One health state per account × region, decided from the facts gathered for it. Pure, so the
 * rules can be tested on their own and shown in the legend.
 */
export type HealthState =
  'healthy' | 'degraded' | 'failing' | 'silent' | 'not_installed' | 'guardduty_off' | 'unreachable';

export interface CellFacts {
  guardDuty: 'enabled' | 'disabled' | 'none';
  collector: { stackStatus: string | null; collectorId: string | null } | null;
  invocations24h: number;
  errors24h: number;
  /** Invocations and errors in the newest minute with runs (the collector's latest runs). */
  invocationsRecent: number;
  errorsRecent: number;
  findings24h: number;
  /** Alert Logic's last report for the collector, if any. */
  alertLogic: { status: string; timestampMs: number | null } | null;
  nowMs: number;
}

export interface Health {
  state: HealthState;
  reason: string;
}

const FAILED_STACK = /(ROLLBACK_COMPLETE|ROLLBACK_FAILED|CREATE_FAILED|DELETE_FAILED|UPDATE_ROLLBACK_FAILED)$/;
/** Two missed 15-minute check-ins. */
export const CHECKIN_STALE_MS = 2 * 15 * 60 * 1000;

export const HEALTH_LEGEND: Record<HealthState, string> = {
  healthy: 'Collector up, no errors in the last 24 h, findings reach Alert Logic',
  degraded: 'Collector up, but it logged errors in the last 24 h',
  failing: 'Stack failed, or the collector errors on every recent run',
  silent: 'GuardDuty has findings but the collector did not run or check in',
  not_installed: 'No collector in this account and region',
  guardduty_off: 'GuardDuty is not enabled here',
  unreachable: 'GuardLink could not read this account and region',
};

export function decideHealth(f: CellFacts): Health {
  if (!f.collector) {
    if (f.guardDuty !== 'enabled')
      return {
        state: 'guardduty_off',
        reason: f.guardDuty === 'none' ? 'No GuardDuty detector' : 'GuardDuty detector disabled',
      };
    return { state: 'not_installed', reason: 'No collector stack or function' };
  }
  if (f.collector.stackStatus && FAILED_STACK.test(f.collector.stackStatus)) {
    return { state: 'failing', reason: `Stack ${f.collector.stackStatus}` };
  }
  if (f.alertLogic?.status === 'error')
    return { state: 'failing', reason: 'Alert Logic reports the collector in error' };
  if (f.errorsRecent > 0 && f.errorsRecent >= f.invocationsRecent) {
    return {
      state: 'failing',
      reason: `Its latest runs fail (${f.errorsRecent} error(s) in the last 5 minutes, no success)`,
    };
  }
  if (f.guardDuty !== 'enabled')
    return { state: 'guardduty_off', reason: 'Collector installed but GuardDuty is not enabled' };
  if (f.findings24h > 0 && f.invocations24h === 0)
    return { state: 'silent', reason: `${f.findings24h} finding(s) in 24 h, no collector runs` };
  const lastCheckin = f.alertLogic?.timestampMs ?? null;
  if (f.collector.collectorId && lastCheckin !== null && f.nowMs - lastCheckin > CHECKIN_STALE_MS) {
    return { state: 'silent', reason: 'No check-in with Alert Logic for over 30 minutes' };
  }
  if (f.errors24h > 0) return { state: 'degraded', reason: `${f.errors24h} error(s) in the last 24 h` };
  return { state: 'healthy', reason: `${f.invocations24h} run(s), no errors in 24 h` };
}
